import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { addEntry, clearJournal, DB_NAME, deleteEntry, enforceRetention, listEntries, openJournal, toCSV, toJSON, type JournalEntry } from '../../src/journal/journal';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-23T12:00:00Z');
const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  at: NOW,
  kind: 'published-despite-findings',
  site: 'x',
  accountType: 'professional',
  categories: ['client-confidentiality'],
  ruleIds: ['client-confidentiality/my-client-phrase'],
  ...over,
});

beforeEach(() => {
  (globalThis as any).indexedDB = new IDBFactory(); // a fresh, empty browser profile
});

describe('journal', () => {
  it('keeps decisions, not posts: text is dropped unless the user keeps it', async () => {
    const db = await openJournal();
    await addEntry(db, entry({ text: 'Une de mes clientes…' }), false);
    await addEntry(db, entry({ text: 'Kept on purpose', at: NOW + 1 }), true);
    const { entries } = await listEntries(db);
    expect(entries.map((e) => e.text)).toEqual(['Kept on purpose', undefined]);
  });

  it('filters by site, category and dates, newest first; deletes one or all', async () => {
    const db = await openJournal();
    const a = await addEntry(db, entry({ site: 'x', at: NOW - 10 * DAY }), false);
    await addEntry(db, entry({ site: 'facebook', at: NOW - 5 * DAY, kind: 'request-accepted', categories: [], ruleIds: [], watchListMatch: true }), false);
    await addEntry(db, entry({ site: 'x', at: NOW, categories: ['commercial'] }), false);
    expect((await listEntries(db)).entries.map((e) => e.at)).toEqual([NOW, NOW - 5 * DAY, NOW - 10 * DAY]);
    expect((await listEntries(db, { site: 'x' })).entries).toHaveLength(2);
    expect((await listEntries(db, { category: 'commercial' })).entries).toHaveLength(1);
    expect((await listEntries(db, { from: NOW - 6 * DAY, to: NOW - DAY })).entries.map((e) => e.site)).toEqual(['facebook']);
    await deleteEntry(db, a);
    expect((await listEntries(db)).entries).toHaveLength(2);
    await clearJournal(db);
    expect((await listEntries(db)).entries).toEqual([]);
  });

  it('retention removes what is older than the period, nothing else', async () => {
    const db = await openJournal();
    await addEntry(db, entry({ at: NOW - 400 * DAY }), false);
    await addEntry(db, entry({ at: NOW - 364 * DAY }), false);
    expect(await enforceRetention(db, 365, NOW)).toBe(1);
    expect((await listEntries(db)).entries.map((e) => e.at)).toEqual([NOW - 364 * DAY]);
  });

  it('upgrades a version-1 database without losing its entries', async () => {
    const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('entries', { keyPath: 'id', autoIncrement: true }) });
    await v1.add('entries', entry({ at: NOW - DAY }));
    v1.close();
    const db = await openJournal();
    expect(db.version).toBe(2);
    expect([...db.transaction('entries').store.indexNames].sort()).toEqual(['at', 'site']);
    expect((await listEntries(db)).entries).toHaveLength(1);
  });

  it('damaged records are skipped and counted; the readable ones stay', async () => {
    const db = await openJournal();
    await addEntry(db, entry(), false);
    const raw = db as any;
    await raw.add('entries', { at: 'yesterday', kind: 'published-despite-findings' });
    await raw.add('entries', { at: NOW, kind: 'no-such-kind', site: 'x', accountType: 'unknown', categories: [], ruleIds: [] });
    await raw.add('entries', { note: 'written by something else' });
    const { entries, damaged } = await listEntries(db);
    expect(entries).toHaveLength(1);
    expect(damaged).toBe(3);
  });

  it('refuses to write a malformed entry', async () => {
    const db = await openJournal();
    await expect(addEntry(db, { ...entry(), kind: 'oops' as any }, false)).rejects.toThrow('invalid journal entry');
  });

  it('exports JSON and CSV (quoted, formula-safe, accents kept)', () => {
    const es = [entry({ text: '=HYPERLINK("x") « élève »', categories: ['a', 'b'] }), entry({ kind: 'request-declined', site: 'linkedin', categories: [], ruleIds: [], watchListMatch: false })];
    const csv = toCSV(es);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('date,kind,site,accountType,categories,ruleIds,watchListMatch,text');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") « élève »"`);
    expect(lines[1]).toContain('"a b"');
    expect(lines[2]).toContain('"false"');
    const json = JSON.parse(toJSON(es, new Date(NOW)));
    expect(json).toMatchObject({ format: 'balise-journal', entries: [{ date: '2026-11-23T12:00:00.000Z', kind: 'published-despite-findings' }, { site: 'linkedin' }] });
    expect(json.entries[0].id).toBeUndefined();
  });
});
