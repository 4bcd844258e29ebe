/** The opt-in self-audit reminder: on/off, how often, when last done, and the links. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AUDIT_MONTHS, type Settings } from '../../settings/schema';
import { SELF_AUDIT_LAST_KEY, SELF_AUDIT_LINKS } from '../../settings/self-audit';
import { t, uiLang } from '../i18n';
import type { Save } from '../shared';


export function SelfAuditLinks() {
  return (
    <ul>
      {SELF_AUDIT_LINKS.map((l) => (
        <li key={l.key}>
          <a href={l.url} target="_blank" rel="noopener noreferrer">{t(l.key)}</a>
        </li>
      ))}
      <li>{t('auditSearchName')}</li>
    </ul>
  );
}

export function SelfAuditSection({ settings, locked, save }: { settings: Settings; locked: boolean; save: Save }) {
  const [last, setLast] = useState<number | null>(null);
  useEffect(() => {
    void browser.storage.local.get(SELF_AUDIT_LAST_KEY).then((s: any) => setLast(typeof s[SELF_AUDIT_LAST_KEY] === 'number' ? s[SELF_AUDIT_LAST_KEY] : null));
  }, []);
  const markDone = async () => {
    const now = Date.now();
    await browser.storage.local.set({ [SELF_AUDIT_LAST_KEY]: now });
    setLast(now);
  };
  const fmt = new Intl.DateTimeFormat(uiLang() === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'long' });
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('auditTitle')}</h2>
      <p class="hint">{t('auditIntro')}</p>
      <div class="field">
        <label>
          <input
            type="checkbox"
            checked={settings.selfAudit.enabled}
            disabled={locked}
            onChange={async (e) => {
              const on = (e.target as HTMLInputElement).checked;
              if (on && last === null) await markDone(); // count from today
              await save((s) => ({ selfAudit: { ...s.selfAudit, enabled: on } }));
            }}
          />{' '}
          {t('auditEnable')}
        </label>
        <label for="audit-months">{t('auditEvery')}</label>
        <select id="audit-months" value={String(settings.selfAudit.months)} disabled={locked || !settings.selfAudit.enabled} onChange={(e) => save((s) => ({ selfAudit: { ...s.selfAudit, months: Number((e.target as HTMLSelectElement).value) } }))}>
          {AUDIT_MONTHS.map((m) => <option value={String(m)}>{t('auditMonths', String(m))}</option>)}
        </select>
      </div>
      <p>{last ? t('auditLast', fmt.format(last)) : t('auditNever')}</p>
      <SelfAuditLinks />
      <button type="button" onClick={markDone}>{t('auditDone')}</button>
    </section>
  );
}
