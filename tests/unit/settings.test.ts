import { describe, expect, it } from 'vitest';
import { hashWatchEntry } from '../../src/engine/watchlist';
import { applyManaged, defaults, exportSettings, importSettings, parseSettings, SETTINGS_VERSION } from '../../src/settings/schema';

const SALT = '0123456789abcdef0123';

describe('settings: reading what is stored', () => {
  it('nothing stored: defaults, no notice (pause on errors, every category on, Québec sources)', () => {
    const { settings, notices } = parseSettings(undefined, {}, SALT);
    expect(notices).toEqual([]);
    expect(settings).toMatchObject({ version: SETTINGS_VERSION, jurisdiction: 'qc', pauseMode: 'errors', uiLanguage: 'auto' });
    expect(Object.values(settings.categories).every((c) => c.enabled && c.severity === null)).toBe(true);
    expect(settings.watchList).toEqual({ salt: SALT, hashes: [] });
  });

  it('a corrupted field falls back to its default with a notice; every other field is kept', () => {
    const { settings, notices } = parseSettings({
      version: 2,
      jurisdiction: 'on',
      pauseMode: 'sometimes',
      uiLanguage: 'en',
      categories: { testimonial: { enabled: false, severity: null }, 'hostile-tone': { enabled: 'yes' }, 'no-such-category': { enabled: false } },
      sites: { x: false, facebook: 3 },
      accounts: { 'x:@marie_ts': 'professional', 'x:@other': 'boss' },
      watchList: { salt: 'short', hashes: ['zz'] },
    }, {}, SALT);
    expect(settings.jurisdiction).toBe('on');
    expect(settings.uiLanguage).toBe('en');
    expect(settings.pauseMode).toBe('errors');
    expect(settings.categories.testimonial.enabled).toBe(false);
    expect(settings.categories['hostile-tone'].enabled).toBe(true);
    expect(settings.sites.x).toBe(false);
    expect(settings.sites.facebook).toBe(true);
    expect(settings.accounts).toEqual({ 'x:@marie_ts': 'professional' });
    expect(settings.watchList.salt).toBe(SALT);
    expect(notices.map((n) => n.field).sort()).toEqual(['accounts.x:@other', 'categories.hostile-tone', 'pauseMode', 'sites.facebook', 'watchList']);
  });

  it('not an object at all: defaults and one notice', () => {
    expect(parseSettings('garbage').notices).toEqual([{ field: 'settings', problem: 'not-an-object' }]);
    expect(parseSettings([1, 2]).settings.pauseMode).toBe('errors');
  });

  it('migrates v0 (loose keys) and v1 (pause boolean, category booleans)', () => {
    const v0 = parseSettings(undefined, { accounts: { 'x:@a': 'personal' } });
    expect(v0.settings.accounts).toEqual({ 'x:@a': 'personal' });
    expect(v0.notices).toEqual([]);
    const v1 = parseSettings({ version: 1, pause: false, categories: { commercial: false } });
    expect(v1.settings.pauseMode).toBe('off');
    expect(v1.settings.categories.commercial).toEqual({ enabled: false, severity: null });
    expect(v1.notices).toEqual([]);
  });

  it('a newer version (after a downgrade) keeps what still reads and says so', () => {
    const { settings, notices } = parseSettings({ version: 99, jurisdiction: 'us', futureThing: 1 });
    expect(settings.jurisdiction).toBe('us');
    expect(notices).toEqual([{ field: 'version', problem: 'unknown-version' }]);
  });
});

describe('settings: what an organisation presets (managed storage)', () => {
  it('wins and is locked, field by field; partial maps merge over the user’s', () => {
    const user = { ...defaults(SALT), jurisdiction: 'qc' as const, pauseMode: 'off' as const, sites: { ...defaults().sites, x: false } };
    const { settings, locked, notices } = applyManaged(user, { pauseMode: 'warnings', sites: { facebook: false } });
    expect(settings.pauseMode).toBe('warnings');
    expect(settings.sites).toMatchObject({ facebook: false, x: false, linkedin: true });
    expect([...locked].sort()).toEqual(['pauseMode', 'sites']);
    expect(notices).toEqual([]);
  });
  it('an invalid preset is ignored (the user’s value stays, unlocked) and reported', () => {
    const { settings, locked, notices } = applyManaged(defaults(SALT), { jurisdiction: 'mars' });
    expect(settings.jurisdiction).toBe('qc');
    expect(locked.size).toBe(0);
    expect(notices).toEqual([{ field: 'managed.jurisdiction', problem: 'invalid' }]);
  });
  it('no managed storage: nothing changes', () => {
    const s = defaults(SALT);
    expect(applyManaged(s, undefined)).toEqual({ settings: s, locked: new Set(), notices: [] });
  });
});

describe('settings: export and import', () => {
  it('round-trips, watch list as hashes only', async () => {
    const s = { ...defaults(SALT), jurisdiction: 'ca' as const, accounts: { 'linkedin:Marie Tremblay': 'professional' as const } };
    s.watchList = { salt: SALT, hashes: await hashWatchEntry(SALT, 'Gabrielle Tremblay') };
    const file = JSON.stringify(exportSettings(s, new Date('2026-11-23T12:00:00Z')));
    expect(file).not.toMatch(/Gabrielle/i);
    const back = importSettings(file);
    expect(back).toEqual({ ok: true, settings: s });
  });
  it('refuses, all or nothing, with a reason: not JSON, not Balise, newer version, invalid fields, too large', () => {
    expect(importSettings('{oops')).toEqual({ ok: false, error: 'not-json' });
    expect(importSettings('{"hello": 1}')).toEqual({ ok: false, error: 'not-balise' });
    const good = exportSettings(defaults(SALT));
    expect(importSettings(JSON.stringify({ ...good, version: 99 }))).toEqual({ ok: false, error: 'newer-version' });
    const bad = { ...good, settings: { ...good.settings, pauseMode: 'always', watchList: { salt: SALT, hashes: ['Gabrielle Tremblay'] } } };
    expect(importSettings(JSON.stringify(bad))).toEqual({ ok: false, error: 'invalid-fields', fields: ['pauseMode', 'watchList'] });
    expect(importSettings(' '.repeat(1_000_001))).toEqual({ ok: false, error: 'too-large' });
    // A byte-order mark (files saved by some editors) is fine.
    expect(importSettings('\uFEFF' + JSON.stringify(good)).ok).toBe(true);
  });
});

describe('settings v3: journal and self-audit', () => {
  it('v2 gains the journal (no text kept, one year) and the self-audit (off, every 3 months) by default', () => {
    const { settings, notices } = parseSettings({ version: 2, jurisdiction: 'on' });
    expect(notices).toEqual([]);
    expect(settings.journal).toEqual({ keepText: false, retentionDays: 365 });
    expect(settings.selfAudit).toEqual({ enabled: false, months: 3 });
  });
  it('an odd retention or period is refused with a notice', () => {
    const { settings, notices } = parseSettings({ version: 3, journal: { keepText: true, retentionDays: 12 }, selfAudit: { enabled: true, months: 3 } });
    expect(settings.journal.retentionDays).toBe(365);
    expect(settings.selfAudit.enabled).toBe(true);
    expect(notices.map((n) => n.field)).toEqual(['journal']);
  });
});

describe('self-audit reminder', () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('is due after the chosen number of months, only when switched on', async () => {
    const { selfAuditDue } = await import('../../src/settings/self-audit');
    expect(selfAuditDue({ enabled: true, months: 3 }, now - 91 * DAY, now)).toBe(true);
    expect(selfAuditDue({ enabled: true, months: 3 }, now - 80 * DAY, now)).toBe(false);
    expect(selfAuditDue({ enabled: false, months: 3 }, now - 400 * DAY, now)).toBe(false);
    expect(selfAuditDue({ enabled: true, months: 3 }, 'yesterday', now)).toBe(false);
  });
});
