/**
 * The opt-in self-audit reminder (CASW risk-management strategies): every few months, review each
 * site's privacy settings and search one's own name as clients would. Pure: when it is due.
 */
export const SELF_AUDIT_LAST_KEY = 'selfAuditLast';
export const SELF_AUDIT_LINKS = [
  { key: 'auditFacebook', url: 'https://www.facebook.com/privacy/checkup/' },
  { key: 'auditX', url: 'https://x.com/settings/privacy_and_safety' },
  { key: 'auditLinkedin', url: 'https://www.linkedin.com/mypreferences/d/categories/visibility' },
];
const MONTH = 30 * 86_400_000;

export function selfAuditDue(audit: { enabled: boolean; months: number }, last: unknown, now = Date.now()): boolean {
  if (!audit.enabled) return false;
  const at = typeof last === 'number' && Number.isFinite(last) ? last : null;
  if (at === null) return false; // started counting when it was switched on
  return now - at >= audit.months * MONTH;
}
