/**
 * Balise's settings: one typed, versioned object (storage.local `settings`), read defensively.
 * Pure (no browser API): parse/migrate what is stored, overlay what an organisation presets
 * through managed storage (and lock it), validate an imported file, export.
 *
 * Rules of the road:
 *  - an unknown or corrupted value falls back to its default and says so (a notice), and nothing
 *    else is lost: every other valid field is kept;
 *  - a file from a newer version is refused on import (we cannot know what it means);
 *  - the watch list is only ever salted hashes; an import carrying names in clear is refused.
 */
import { CATEGORIES, type Category, type Severity } from '../engine/types';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 3;
export const EXPORT_FORMAT = 'balise-settings';

export const JURISDICTIONS = ['qc', 'on', 'ca', 'us'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export const PAUSE_MODES = ['off', 'errors', 'warnings'] as const;
export type PauseMode = (typeof PAUSE_MODES)[number];
export const UI_LANGUAGES = ['auto', 'fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const SITE_IDS = ['facebook', 'x', 'linkedin', 'wordpress', 'medium', 'substack', 'ghost', 'blogger', 'self-hosted'] as const;
export type SiteId = (typeof SITE_IDS)[number];
export type AccountType = 'personal' | 'professional';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface CategorySetting {
  enabled: boolean;
  /** null: the rule's own severity. */
  severity: Severity | null;
}

export interface ManualAccount {
  /** `site:id`, as detected accounts are keyed. */
  key: string;
  label: string;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  jurisdiction: Jurisdiction;
  pauseMode: PauseMode;
  uiLanguage: UiLanguage;
  categories: Record<Category, CategorySetting>;
  sites: Record<SiteId, boolean>;
  /** `site:id` → personal / professional. Unlisted: not classified yet. */
  accounts: Record<string, AccountType>;
  manualAccounts: ManualAccount[];
  /** Salted SHA-256 hashes of normalised names (never names). */
  watchList: { salt: string; hashes: string[] };
  /** The private decision journal: keep post text (off by default), and for how long. */
  journal: { keepText: boolean; retentionDays: number };
  /** Opt-in reminder to review privacy settings and search one's own name. */
  selfAudit: { enabled: boolean; months: number };
}

export const RETENTION_CHOICES = [30, 90, 180, 365, 730, 1825] as const;
export const AUDIT_MONTHS = [1, 3, 6, 12] as const;

export type SettingPath = keyof Omit<Settings, 'version'>;

export function defaults(salt = ''): Settings {
  return {
    version: SETTINGS_VERSION,
    jurisdiction: 'qc',
    pauseMode: 'errors',
    uiLanguage: 'auto',
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, { enabled: true, severity: null }])) as Record<Category, CategorySetting>,
    sites: Object.fromEntries(SITE_IDS.map((s) => [s, true])) as Record<SiteId, boolean>,
    accounts: {},
    manualAccounts: [],
    watchList: { salt, hashes: [] },
    journal: { keepText: false, retentionDays: 365 },
    selfAudit: { enabled: false, months: 3 },
  };
}

/** What went wrong while reading, for a visible notice (field names, never values). */
export interface Notice {
  field: string;
  problem: 'invalid' | 'unknown-version' | 'not-an-object';
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const HEX64 = /^[0-9a-f]{64}$/;
const ACCOUNT_KEY = /^[a-z-]+:.{1,200}$/;

/**
 * Older layouts → the current one.
 *  v0 (before settings existed): loose keys in storage.local (`accounts`); passed in as `legacy`.
 *  v1: `pause: boolean` instead of `pauseMode`, `categories: { [c]: boolean }`.
 */
function migrate(raw: Record<string, unknown>, legacy: Record<string, unknown>): Record<string, unknown> {
  let r = { ...raw };
  if (r.version === undefined) {
    r = { ...r, version: 1, accounts: r.accounts ?? legacy.accounts };
  }
  if (r.version === 1) {
    const cats = isObj(r.categories) ? Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, typeof v === 'boolean' ? { enabled: v, severity: null } : v])) : r.categories;
    r = { ...r, version: 2, pauseMode: r.pauseMode ?? (r.pause === false ? 'off' : r.pause === true ? 'errors' : undefined), categories: cats };
    delete r.pause;
  }
  if (r.version === 2) r = { ...r, version: 3 }; // v3 adds journal and selfAudit (defaults)
  return r;
}

/**
 * Whatever is stored → valid settings and the notices for what had to be reset. `legacy` carries
 * pre-settings keys (v0) to migrate; `salt` is used if none is stored (a fresh watch list).
 */
export function parseSettings(stored: unknown, legacy: Record<string, unknown> = {}, salt = ''): { settings: Settings; notices: Notice[] } {
  const d = defaults(salt);
  const notices: Notice[] = [];
  if (stored === undefined || stored === null) {
    if (!Object.keys(legacy).length) return { settings: d, notices };
    stored = {};
  }
  if (!isObj(stored)) return { settings: d, notices: [{ field: 'settings', problem: 'not-an-object' }] };
  if (typeof stored.version === 'number' && stored.version > SETTINGS_VERSION) {
    // Written by a newer Balise (then downgraded): keep what still reads the same, say so.
    notices.push({ field: 'version', problem: 'unknown-version' });
  }
  const raw = migrate(stored, legacy);
  const s = d;
  const bad = (field: string) => notices.push({ field, problem: 'invalid' });

  if (raw.jurisdiction !== undefined) oneOf(JURISDICTIONS, raw.jurisdiction) ? (s.jurisdiction = raw.jurisdiction) : bad('jurisdiction');
  if (raw.pauseMode !== undefined) oneOf(PAUSE_MODES, raw.pauseMode) ? (s.pauseMode = raw.pauseMode) : bad('pauseMode');
  if (raw.uiLanguage !== undefined) oneOf(UI_LANGUAGES, raw.uiLanguage) ? (s.uiLanguage = raw.uiLanguage) : bad('uiLanguage');

  if (raw.categories !== undefined) {
    if (!isObj(raw.categories)) bad('categories');
    else
      for (const [c, v] of Object.entries(raw.categories)) {
        if (!oneOf(CATEGORIES, c)) continue; // a category that no longer exists: dropped quietly
        if (!isObj(v) || typeof v.enabled !== 'boolean' || !(v.severity === null || v.severity === undefined || oneOf(SEVERITIES, v.severity))) {
          bad(`categories.${c}`);
          continue;
        }
        s.categories[c] = { enabled: v.enabled, severity: (v.severity as Severity | undefined) ?? null };
      }
  }
  if (raw.sites !== undefined) {
    if (!isObj(raw.sites)) bad('sites');
    else
      for (const [k, v] of Object.entries(raw.sites)) {
        if (!oneOf(SITE_IDS, k)) continue;
        typeof v === 'boolean' ? (s.sites[k] = v) : bad(`sites.${k}`);
      }
  }
  if (raw.accounts !== undefined) {
    if (!isObj(raw.accounts)) bad('accounts');
    else
      for (const [k, v] of Object.entries(raw.accounts)) {
        if (ACCOUNT_KEY.test(k) && (v === 'personal' || v === 'professional')) s.accounts[k] = v;
        else bad(`accounts.${k.slice(0, 40)}`);
      }
  }
  if (raw.manualAccounts !== undefined) {
    if (!Array.isArray(raw.manualAccounts)) bad('manualAccounts');
    else
      for (const m of raw.manualAccounts) {
        if (isObj(m) && typeof m.key === 'string' && ACCOUNT_KEY.test(m.key) && typeof m.label === 'string' && m.label.trim()) {
          if (!s.manualAccounts.some((x) => x.key === m.key)) s.manualAccounts.push({ key: m.key, label: m.label.trim().slice(0, 200) });
        } else bad('manualAccounts');
      }
  }
  if (raw.watchList !== undefined) {
    const w = raw.watchList;
    if (isObj(w) && typeof w.salt === 'string' && w.salt.length >= 16 && Array.isArray(w.hashes) && w.hashes.every((h) => typeof h === 'string' && HEX64.test(h))) {
      s.watchList = { salt: w.salt, hashes: [...new Set(w.hashes as string[])] };
    } else bad('watchList');
  }
  if (raw.journal !== undefined) {
    const j = raw.journal;
    if (isObj(j) && typeof j.keepText === 'boolean' && (RETENTION_CHOICES as readonly number[]).includes(j.retentionDays as number)) s.journal = { keepText: j.keepText, retentionDays: j.retentionDays as number };
    else bad('journal');
  }
  if (raw.selfAudit !== undefined) {
    const a = raw.selfAudit;
    if (isObj(a) && typeof a.enabled === 'boolean' && (AUDIT_MONTHS as readonly number[]).includes(a.months as number)) s.selfAudit = { enabled: a.enabled, months: a.months as number };
    else bad('selfAudit');
  }
  if (!s.watchList.salt) s.watchList.salt = salt;
  return { settings: s, notices };
}

/** Managed storage (an Order, an employer): same fields; what it sets wins and is locked. */
export function applyManaged(settings: Settings, managed: unknown): { settings: Settings; locked: Set<SettingPath>; notices: Notice[] } {
  const locked = new Set<SettingPath>();
  if (!isObj(managed) || !Object.keys(managed).length) return { settings, locked, notices: [] };
  const { settings: m, notices } = parseSettings({ ...managed, version: SETTINGS_VERSION });
  const out: Settings = { ...settings };
  for (const key of Object.keys(managed) as SettingPath[]) {
    if (!(key in out) || key === ('version' as string)) continue;
    if (notices.some((n) => n.field === key || n.field.startsWith(`${key}.`))) continue; // invalid preset: ignored
    if (key === 'categories' || key === 'sites' || key === 'accounts') {
      // Partial maps: the organisation's entries over the user's.
      (out as any)[key] = { ...(settings as any)[key], ...Object.fromEntries(Object.keys(managed[key] as object).filter((k) => k in (m as any)[key]).map((k) => [k, (m as any)[key][k]])) };
    } else (out as any)[key] = (m as any)[key];
    locked.add(key);
  }
  return { settings: out, locked, notices: notices.map((n) => ({ ...n, field: `managed.${n.field}` })) };
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof SETTINGS_VERSION;
  exportedAt: string;
  settings: Omit<Settings, 'version'>;
}

export function exportSettings(s: Settings, now = new Date()): ExportFile {
  const { version: _v, ...rest } = s;
  return { format: EXPORT_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), settings: rest };
}

export type ImportError = 'not-json' | 'not-balise' | 'newer-version' | 'invalid-fields' | 'too-large';
export const MAX_IMPORT_BYTES = 1_000_000;

/** A settings file → settings (all or nothing: any invalid field refuses the whole file). */
export function importSettings(text: string): { ok: true; settings: Settings } | { ok: false; error: ImportError; fields?: string[] } {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isObj(data) || data.format !== EXPORT_FORMAT || !isObj(data.settings)) return { ok: false, error: 'not-balise' };
  if (typeof data.version !== 'number' || data.version > SETTINGS_VERSION) return { ok: false, error: 'newer-version' };
  const { settings, notices } = parseSettings({ ...data.settings, version: data.version });
  if (notices.length) return { ok: false, error: 'invalid-fields', fields: notices.map((n) => n.field) };
  return { ok: true, settings };
}
