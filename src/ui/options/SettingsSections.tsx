/**
 * The options page's settings sections. Every control reads the settings (user's + organisation's)
 * and writes through `updateSettings`; a field the organisation set is shown, disabled, with
 * "Set by your organisation". Every action says what happened in the page's status line.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hashWatchEntry } from '../../engine/watchlist';
import { CATEGORIES, type Category, type Severity } from '../../engine/types';
import {
  defaults,
  exportSettings,
  importSettings,
  JURISDICTIONS,
  PAUSE_MODES,
  SITE_IDS,
  UI_LANGUAGES,
  type AccountType,
  type SettingPath,
  type Settings,
} from '../../settings/schema';
import { loadSettings, NOTICE_KEY, replaceSettings, updateSettings, watchSettings, type LoadedSettings } from '../../settings/store';
import { t } from '../i18n';
import { download, siteName, type Save, type Say } from '../shared';
import { JOURNAL_ADD } from '../../worker/protocol';
import { JournalSection } from './JournalSection';
import { SelfAuditSection } from './SelfAuditSection';


function Locked({ on }: { on: boolean }) {
  return on ? <span class="locked">{t('setByOrganisation')}</span> : null;
}

export function SettingsSections() {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [notice, setNotice] = useState<string[] | null>(null);

  useEffect(() => {
    void loadSettings().then(setLoaded, (e) => setStatus({ kind: 'error', text: t('settingsLoadFailed', String(e?.message ?? e)) }));
    void browser.storage.local.get(NOTICE_KEY).then((s: any) => setNotice(Array.isArray(s[NOTICE_KEY]?.fields) ? s[NOTICE_KEY].fields : null));
    return watchSettings(setLoaded);
  }, []);

  if (!loaded) return <p role="status">{status?.text ?? t('popupLoading')}</p>;
  const s = loaded.settings;
  const locked = (k: SettingPath) => loaded.locked.has(k);
  const say: Say = (kind, text) => setStatus({ kind, text });
  const save: Save = async (change, done = t('settingsSaved')) => {
    try {
      setLoaded(await updateSettings(change));
      say('ok', done);
    } catch (e: any) {
      say('error', t('settingsSaveFailed', String(e?.message ?? e)));
    }
  };

  return (
    <>
      {notice?.length ? (
        <div class="notice" role="alert">
          <p>{t('settingsRepaired', notice.join(', '))}</p>
          <button type="button" onClick={() => browser.storage.local.remove(NOTICE_KEY).then(() => setNotice(null))}>{t('dismissNotice')}</button>
        </div>
      ) : null}
      {loaded.locked.size ? <p class="org">{t('organisationNote')}</p> : null}
      <p id="settings-status" role="status" aria-live="polite" class={status ? `status ${status.kind}` : 'status'}>{status?.text ?? ''}</p>

      <section aria-labelledby="general-title">
        <h2 id="general-title">{t('generalTitle')}</h2>
        <div class="field">
          <label for="jurisdiction">{t('jurisdictionLabel')}</label>
          <select id="jurisdiction" value={s.jurisdiction} disabled={locked('jurisdiction')} onChange={(e) => save(() => ({ jurisdiction: (e.target as HTMLSelectElement).value as Settings['jurisdiction'] }))}>
            {JURISDICTIONS.map((j) => <option value={j}>{t(`jurisdiction_${j}`)}</option>)}
          </select>
          <Locked on={locked('jurisdiction')} />
          <p class="hint">{t('jurisdictionHint')}</p>
        </div>
        <div class="field">
          <label for="pause-mode">{t('pauseModeLabel')}</label>
          <select id="pause-mode" value={s.pauseMode} disabled={locked('pauseMode')} onChange={(e) => save(() => ({ pauseMode: (e.target as HTMLSelectElement).value as Settings['pauseMode'] }))}>
            {PAUSE_MODES.map((m) => <option value={m}>{t(`pauseMode_${m}`)}</option>)}
          </select>
          <Locked on={locked('pauseMode')} />
        </div>
        <div class="field">
          <label for="ui-language">{t('uiLanguageLabel')}</label>
          <select
            id="ui-language"
            value={s.uiLanguage}
            disabled={locked('uiLanguage')}
            onChange={async (e) => {
              await save(() => ({ uiLanguage: (e.target as HTMLSelectElement).value as Settings['uiLanguage'] }));
              location.reload(); // this page speaks the new language too
            }}
          >
            {UI_LANGUAGES.map((l) => <option value={l}>{t(`uiLanguage_${l}`)}</option>)}
          </select>
          <Locked on={locked('uiLanguage')} />
        </div>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t('categoriesTitle')}</h2>
        <Locked on={locked('categories')} />
        <table class="categories">
          <thead>
            <tr>
              <th scope="col">{t('categoryColumn')}</th>
              <th scope="col">{t('enabledColumn')}</th>
              <th scope="col">{t('severityColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((c: Category) => {
              const cs = s.categories[c];
              return (
                <tr key={c} data-category={c}>
                  <th scope="row" id={`cat-${c}`}>{t(`cat_${c.replace(/-/g, '_')}`)}</th>
                  <td>
                    <input type="checkbox" aria-labelledby={`cat-${c}`} checked={cs.enabled} disabled={locked('categories')} onChange={(e) => {
                      const on = (e.target as HTMLInputElement).checked;
                      // A category switched off is a decision worth documenting.
                      if (!on) void browser.runtime.sendMessage({ type: JOURNAL_ADD, entry: { kind: 'category-off', site: 'options', accountType: 'unknown', categories: [c], ruleIds: [] } }).catch(() => undefined);
                      return save((x) => ({ categories: { ...x.categories, [c]: { ...x.categories[c], enabled: on } } }));
                    }} />
                  </td>
                  <td>
                    <select aria-label={t('severityFor', t(`cat_${c.replace(/-/g, '_')}`))} value={cs.severity ?? ''} disabled={locked('categories') || !cs.enabled} onChange={(e) => {
                      const v = (e.target as HTMLSelectElement).value;
                      return save((x) => ({ categories: { ...x.categories, [c]: { ...x.categories[c], severity: v ? (v as Severity) : null } } }));
                    }}>
                      <option value="">{t('severityDefault')}</option>
                      <option value="error">{t('sevError')}</option>
                      <option value="warning">{t('sevWarning')}</option>
                      <option value="info">{t('sevInfo')}</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{t('sitesTitle')}</h2>
        <Locked on={locked('sites')} />
        <ul class="sites">
          {SITE_IDS.map((id) => (
            <li key={id}>
              <label>
                <input type="checkbox" checked={s.sites[id]} disabled={locked('sites')} onChange={(e) => save((x) => ({ sites: { ...x.sites, [id]: (e.target as HTMLInputElement).checked } }))} />{' '}
                {siteName(id)}
              </label>
            </li>
          ))}
        </ul>
      </section>

      <AccountsSection settings={s} locked={locked('accounts')} save={save} say={say} />
      <WatchListSection settings={s} locked={locked('watchList')} save={save} say={say} />
      <JournalSection settings={s} locked={locked('journal')} save={save} say={say} />
      <SelfAuditSection settings={s} locked={locked('selfAudit')} save={save} />
      <TransferSection settings={s} say={say} onReplaced={setLoaded} />
    </>
  );
}

function AccountsSection({ settings: s, locked, save, say }: { settings: Settings; locked: boolean; save: Save; say: Say }) {
  const [detected, setDetected] = useState<Record<string, { site: string; label: string; kind: string }>>({});
  const [site, setSite] = useState('facebook');
  const [name, setName] = useState('');
  useEffect(() => {
    const read = () => browser.storage.local.get('detectedAccounts').then((r: any) => setDetected(r.detectedAccounts && typeof r.detectedAccounts === 'object' ? r.detectedAccounts : {}));
    void read();
    const on = (c: Record<string, unknown>, area: string) => area === 'local' && 'detectedAccounts' in c && void read();
    browser.storage.onChanged.addListener(on);
    return () => browser.storage.onChanged.removeListener(on);
  }, []);
  const rows = new Map<string, { label: string; site: string; manual: boolean }>();
  for (const [key, d] of Object.entries(detected)) rows.set(key, { label: d.label, site: d.site, manual: false });
  for (const m of s.manualAccounts) rows.set(m.key, { label: m.label, site: m.key.split(':')[0]!, manual: true });
  for (const key of Object.keys(s.accounts)) if (!rows.has(key)) rows.set(key, { label: key.slice(key.indexOf(':') + 1), site: key.split(':')[0]!, manual: false });

  const classify = (key: string, v: AccountType | '') =>
    save((x) => {
      const accounts = { ...x.accounts };
      if (v) accounts[key] = v;
      else delete accounts[key];
      return { accounts };
    });

  function addManual(e: Event) {
    e.preventDefault();
    const label = name.trim();
    if (!label) return say('error', t('accountNameEmpty'));
    const key = `${site}:${site === 'x' && !label.startsWith('@') ? `@${label.toLowerCase()}` : site === 'x' ? label.toLowerCase() : label}`;
    if (rows.has(key)) return say('error', t('accountDuplicate', label));
    setName('');
    void save((x) => ({ manualAccounts: [...x.manualAccounts, { key, label }] }), t('accountAdded', label));
  }

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('accountsTitle')}</h2>
      <p class="hint">{t('accountsIntro')}</p>
      <Locked on={locked} />
      {rows.size ? (
        <table class="accounts">
          <thead>
            <tr>
              <th scope="col">{t('accountColumn')}</th>
              <th scope="col">{t('siteColumn')}</th>
              <th scope="col">{t('typeColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {[...rows].map(([key, r]) => (
              <tr key={key} data-account={key}>
                <th scope="row">{r.label}</th>
                <td>{siteName(r.site)}</td>
                <td>
                  <select aria-label={t('accountTypeFor', r.label)} value={s.accounts[key] ?? ''} disabled={locked} onChange={(e) => classify(key, (e.target as HTMLSelectElement).value as AccountType | '')}>
                    <option value="">{t('accountType_unknown')}</option>
                    <option value="personal">{t('accountType_personal')}</option>
                    <option value="professional">{t('accountType_professional')}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('accountsNone')}</p>
      )}
      <form class="row" onSubmit={addManual}>
        <label for="manual-site">{t('siteColumn')}</label>
        <select id="manual-site" value={site} onChange={(e) => setSite((e.target as HTMLSelectElement).value)} disabled={locked}>
          {SITE_IDS.map((id) => <option value={id}>{siteName(id)}</option>)}
        </select>
        <label for="manual-name">{t('accountNameLabel')}</label>
        <input id="manual-name" type="text" value={name} disabled={locked} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={locked}>{t('accountAdd')}</button>
      </form>
    </section>
  );
}

function WatchListSection({ settings: s, locked, save, say }: { settings: Settings; locked: boolean; save: Save; say: Say }) {
  const [name, setName] = useState('');
  async function change(e: Event, add: boolean) {
    e.preventDefault();
    const n = name.trim();
    if (!n) return say('error', t('watchEmpty'));
    setName('');
    await save(
      // Hashed with the salt that is written along (on a fresh profile it is stored right now).
      async (x) => {
        const set = new Set(x.watchList.hashes);
        for (const h of await hashWatchEntry(x.watchList.salt, n)) add ? set.add(h) : set.delete(h);
        return { watchList: { salt: x.watchList.salt, hashes: [...set] } };
      },
      add ? t('watchAdded') : t('watchRemoved'),
    );
  }
  return (
    <section aria-labelledby="watch-title">
      <h2 id="watch-title">{t('watchTitle')}</h2>
      <p class="hint">{t('watchIntro')}</p>
      <Locked on={locked} />
      <form class="row" onSubmit={(e) => change(e, true)}>
        <label for="watch-name">{t('watchLabel')}</label>
        <input id="watch-name" type="text" autoComplete="off" spellcheck={false} value={name} disabled={locked} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={locked}>{t('watchAdd')}</button>
        <button type="button" disabled={locked} onClick={(e) => change(e, false)}>{t('watchRemove')}</button>
      </form>
      <p class="muted" data-watch-count={s.watchList.hashes.length}>{t('watchCount', String(s.watchList.hashes.length))}</p>
    </section>
  );
}

function TransferSection({ settings, say, onReplaced }: { settings: Settings; say: Say; onReplaced: (l: LoadedSettings) => void }) {
  const [confirming, setConfirming] = useState(false);
  function doExport() {
    download(`balise-settings-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', JSON.stringify(exportSettings(settings), null, 2));
    say('ok', t('exportDone'));
  }
  async function doImport(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const r = importSettings(await file.text());
    if (!r.ok) return say('error', t(`importError_${r.error.replace(/-/g, '_')}`, r.fields?.join(', ') ?? ''));
    onReplaced(await replaceSettings(r.settings));
    say('ok', t('importDone', file.name));
  }
  async function doReset() {
    setConfirming(false);
    onReplaced(await replaceSettings(defaults(settings.watchList.salt)));
    say('ok', t('resetDone'));
  }
  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('transferTitle')}</h2>
      <p class="hint">{t('transferIntro')}</p>
      <div class="row">
        <button type="button" onClick={doExport}>{t('exportButton')}</button>
        <label class="file">
          {t('importButton')}
          <input type="file" accept="application/json,.json" onChange={doImport} />
        </label>
        {confirming ? (
          <>
            <button type="button" class="danger" onClick={doReset}>{t('resetConfirm')}</button>
            <button type="button" onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>{t('resetButton')}</button>
        )}
      </div>
    </section>
  );
}
