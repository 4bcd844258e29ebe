/** Shows the self-audit reminder on the toolbar icon when it is due (checked twice a day). */
import { browser } from 'wxt/browser';
import { loadSettings } from '../settings/store';
import { SELF_AUDIT_LAST_KEY, selfAuditDue } from '../settings/self-audit';
import { t } from '../ui/i18n';

const ALARM = 'balise-self-audit';

export async function refreshSelfAudit(): Promise<void> {
  const { settings } = await loadSettings();
  const last = (await browser.storage.local.get(SELF_AUDIT_LAST_KEY))[SELF_AUDIT_LAST_KEY];
  const action = (browser as any).action ?? (browser as any).browserAction;
  if (!action) return;
  const due = selfAuditDue(settings.selfAudit, last);
  await action.setBadgeText({ text: due ? '!' : '' });
  if (due) await action.setBadgeBackgroundColor?.({ color: '#b45309' });
  await action.setTitle({ title: due ? t('auditDueTitle') : t('extName') });
}

export function watchSelfAudit(): void {
  void browser.alarms?.create(ALARM, { periodInMinutes: 720 });
  browser.alarms?.onAlarm.addListener((a) => a.name === ALARM && void refreshSelfAudit());
  browser.storage.onChanged.addListener((c, area) => {
    if (area === 'local' && ('settings' in c || SELF_AUDIT_LAST_KEY in c)) void refreshSelfAudit();
  });
  void refreshSelfAudit().catch(() => undefined);
}
