/**
 * The private decision journal in the options page: filters (site, category, dates), export as
 * JSON or CSV, delete one or all, whether post text is kept, the retention period. A journal that
 * cannot be opened, or damaged records, are said plainly; the readable entries stay usable.
 */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES } from '../../engine/types';
import { clearJournal, deleteEntry, enforceRetention, listEntries, openJournal, toCSV, toJSON, type Filter, type JournalEntry } from '../../journal/journal';
import { RETENTION_CHOICES, SITE_IDS, type Settings } from '../../settings/schema';
import { t, uiLang } from '../i18n';
import { download, siteName, type Save, type Say } from '../shared';

const catLabel = (c: string) => t(`cat_${c.replace(/-/g, '_')}`);
export function JournalSection({ settings, locked, save, say }: { settings: Settings; locked: boolean; save: Save; say: Say }) {
  const [filter, setFilter] = useState<Filter>({});
  const [entries, setEntries] = useState<JournalEntry[] | null>(null);
  const [damaged, setDamaged] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);

  async function refresh(f = filter) {
    try {
      const db = await openJournal();
      await enforceRetention(db, settings.journal.retentionDays);
      const r = await listEntries(db, f);
      setEntries(r.entries);
      setDamaged(r.damaged);
      setFailure(null);
      db.close();
    } catch (e: any) {
      setEntries([]);
      setFailure(String(e?.message ?? e));
    }
  }
  useEffect(() => {
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [settings.journal.retentionDays]);

  const setF = (patch: Filter) => {
    const next = { ...filter, ...patch };
    setFilter(next);
    void refresh(next);
  };
  const day = (v: string, end: boolean) => (v ? Date.parse(`${v}T${end ? '23:59:59.999' : '00:00:00'}`) : undefined);
  const fmt = new Intl.DateTimeFormat(uiLang() === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'medium', timeStyle: 'short' });

  async function remove(id: number | undefined) {
    if (id === undefined) return;
    const db = await openJournal();
    await deleteEntry(db, id);
    db.close();
    say('ok', t('journalDeleted'));
    await refresh();
  }
  async function removeAll() {
    setConfirmAll(false);
    const db = await openJournal();
    await clearJournal(db);
    db.close();
    say('ok', t('journalCleared'));
    await refresh();
  }

  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">{t('journalTitle')}</h2>
      <p class="hint">{t('journalIntro')}</p>
      {failure ? <p role="alert" class="notice">{t('journalUnavailable', failure)}</p> : null}
      {damaged ? <p role="alert" class="notice">{t('journalDamaged', String(damaged))}</p> : null}
      <div class="field">
        <label>
          <input type="checkbox" checked={settings.journal.keepText} disabled={locked} onChange={(e) => save((s) => ({ journal: { ...s.journal, keepText: (e.target as HTMLInputElement).checked } }))} /> {t('journalKeepText')}
        </label>
      </div>
      <div class="field">
        <label for="journal-retention">{t('journalRetention')}</label>
        <select id="journal-retention" value={String(settings.journal.retentionDays)} disabled={locked} onChange={(e) => save((s) => ({ journal: { ...s.journal, retentionDays: Number((e.target as HTMLSelectElement).value) } }))}>
          {RETENTION_CHOICES.map((d) => <option value={String(d)}>{t(`retention_${d}`)}</option>)}
        </select>
      </div>
      <fieldset class="filters">
        <legend>{t('journalFilters')}</legend>
        <label>
          {t('siteColumn')}{' '}
          <select value={filter.site ?? ''} onChange={(e) => setF({ site: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">{t('journalAll')}</option>
            {[...SITE_IDS, 'options'].map((s) => <option value={s}>{siteName(s)}</option>)}
          </select>
        </label>
        <label>
          {t('categoryColumn')}{' '}
          <select value={filter.category ?? ''} onChange={(e) => setF({ category: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">{t('journalAll')}</option>
            {CATEGORIES.map((c) => <option value={c}>{catLabel(c)}</option>)}
          </select>
        </label>
        <label>
          {t('journalFrom')} <input type="date" onChange={(e) => setF({ from: day((e.target as HTMLInputElement).value, false) })} />
        </label>
        <label>
          {t('journalTo')} <input type="date" onChange={(e) => setF({ to: day((e.target as HTMLInputElement).value, true) })} />
        </label>
      </fieldset>
      <div class="row">
        <button type="button" disabled={!entries?.length} onClick={() => download(`balise-journal-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', toJSON(entries ?? []))}>{t('journalExportJson')}</button>
        <button type="button" disabled={!entries?.length} onClick={() => download(`balise-journal-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv', toCSV(entries ?? []))}>{t('journalExportCsv')}</button>
        {confirmAll ? (
          <>
            <button type="button" class="danger" onClick={removeAll}>{t('journalDeleteAllConfirm')}</button>
            <button type="button" onClick={() => setConfirmAll(false)}>{t('cancel')}</button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmAll(true)}>{t('journalDeleteAll')}</button>
        )}
      </div>
      {entries === null ? null : entries.length ? (
        <table class="journal">
          <thead>
            <tr>
              <th scope="col">{t('journalDate')}</th>
              <th scope="col">{t('journalDecision')}</th>
              <th scope="col">{t('siteColumn')}</th>
              <th scope="col">{t('typeColumn')}</th>
              <th scope="col">{t('categoryColumn')}</th>
              <th scope="col"><span class="sr-only">{t('journalActions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-kind={e.kind} data-site={e.site}>
                <td>{fmt.format(e.at)}</td>
                <td>
                  {t(`journalKind_${e.kind.replace(/-/g, '_')}`)}
                  {e.watchListMatch ? <> — {t('journalWatchMatch')}</> : null}
                  {e.text ? <blockquote>{e.text}</blockquote> : null}
                </td>
                <td>{siteName(e.site)}</td>
                <td>{t(`accountType_${e.accountType}`)}</td>
                <td>{e.categories.map(catLabel).join(', ')}</td>
                <td>
                  <button type="button" aria-label={t('journalDeleteOne', fmt.format(e.at))} onClick={() => remove(e.id)}>{t('journalDelete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('journalEmpty')}</p>
      )}
    </section>
  );
}
