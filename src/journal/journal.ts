/**
 * The private decision journal (CASW: "document how you handled it"), in IndexedDB through idb,
 * in the extension's own origin: on the device only. Entries record decisions, not posts: the
 * post's text is kept only when the user turns that on. Versioned schema with upgrades; records
 * that cannot be read are skipped (and counted) so the readable ones are never lost.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DB_NAME = 'balise-journal';
export const DB_VERSION = 2;
export const DEFAULT_RETENTION_DAYS = 365;

export type EntryKind = 'published-despite-findings' | 'request-accepted' | 'request-declined' | 'rule-muted' | 'category-off';
export const ENTRY_KINDS: readonly EntryKind[] = ['published-despite-findings', 'request-accepted', 'request-declined', 'rule-muted', 'category-off'];

export interface JournalEntry {
  id?: number;
  /** ms since epoch */
  at: number;
  kind: EntryKind;
  /** Site adapter id (facebook, x, linkedin, wordpress…, self-hosted), or 'options'. */
  site: string;
  accountType: 'personal' | 'professional' | 'unknown';
  categories: string[];
  ruleIds: string[];
  /** Only when the user chose to keep post text. */
  text?: string;
  /** Friend requests: whether the requester's name was on the watch list (the name is not kept). */
  watchListMatch?: boolean;
}

interface JournalDB extends DBSchema {
  entries: { key: number; value: JournalEntry; indexes: { at: number; site: string } };
}

/**
 * v1: `entries` (autoIncrement id). v2: indexes on time and site (filters, retention).
 */
export function openJournal(): Promise<IDBPDatabase<JournalDB>> {
  return openDB<JournalDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) db.createObjectStore('entries', { keyPath: 'id', autoIncrement: true });
      if (oldVersion < 2) {
        const store = tx.objectStore('entries');
        if (!store.indexNames.contains('at')) store.createIndex('at', 'at');
        if (!store.indexNames.contains('site')) store.createIndex('site', 'site');
      }
    },
  });
}

/** A stored record → an entry, or null when it is damaged (wrong shape, unknown kind, bad time). */
export function readEntry(raw: unknown): JournalEntry | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof r.at !== 'number' || !Number.isFinite(r.at) || r.at <= 0) return null;
  if (!ENTRY_KINDS.includes(r.kind as EntryKind) || typeof r.site !== 'string') return null;
  if (!['personal', 'professional', 'unknown'].includes(r.accountType as string)) return null;
  if (!strings(r.categories) || !strings(r.ruleIds)) return null;
  if (r.text !== undefined && typeof r.text !== 'string') return null;
  const e: JournalEntry = { at: r.at, kind: r.kind as EntryKind, site: r.site, accountType: r.accountType as JournalEntry['accountType'], categories: r.categories as string[], ruleIds: r.ruleIds as string[] };
  if (typeof r.id === 'number') e.id = r.id;
  if (typeof r.text === 'string') e.text = r.text;
  if (typeof r.watchListMatch === 'boolean') e.watchListMatch = r.watchListMatch;
  return e;
}

export async function addEntry(db: IDBPDatabase<JournalDB>, entry: Omit<JournalEntry, 'id'>, keepText: boolean): Promise<number> {
  const clean = readEntry(entry);
  if (!clean) throw new Error('invalid journal entry');
  if (!keepText) delete clean.text;
  delete clean.id;
  return db.add('entries', clean);
}

export interface Filter {
  site?: string;
  category?: string;
  from?: number;
  to?: number;
}

/** Entries newest first, filtered; `damaged` counts the records that could not be read. */
export async function listEntries(db: IDBPDatabase<JournalDB>, f: Filter = {}): Promise<{ entries: JournalEntry[]; damaged: number }> {
  const entries: JournalEntry[] = [];
  let damaged = 0;
  let cursor = await db.transaction('entries').store.openCursor(null, 'prev');
  while (cursor) {
    const e = readEntry(cursor.value);
    if (!e) damaged++;
    else if ((!f.site || e.site === f.site) && (!f.category || e.categories.includes(f.category)) && (f.from === undefined || e.at >= f.from) && (f.to === undefined || e.at <= f.to)) entries.push(e);
    cursor = await cursor.continue();
  }
  entries.sort((a, b) => b.at - a.at);
  return { entries, damaged };
}

export async function deleteEntry(db: IDBPDatabase<JournalDB>, id: number): Promise<void> {
  await db.delete('entries', id);
}

export async function clearJournal(db: IDBPDatabase<JournalDB>): Promise<void> {
  await db.clear('entries');
}

/** Deletes entries older than the retention period (and damaged ones past it); returns how many. */
export async function enforceRetention(db: IDBPDatabase<JournalDB>, days: number, now = Date.now()): Promise<number> {
  const cutoff = now - days * 86_400_000;
  let removed = 0;
  const tx = db.transaction('entries', 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    const at = (cursor.value as any)?.at;
    if (typeof at === 'number' && at < cutoff) {
      await cursor.delete();
      removed++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}

const CSV_COLUMNS = ['date', 'kind', 'site', 'accountType', 'categories', 'ruleIds', 'watchListMatch', 'text'] as const;

function csvCell(v: string): string {
  // Quote always; neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCSV(entries: JournalEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push(
      [new Date(e.at).toISOString(), e.kind, e.site, e.accountType, e.categories.join(' '), e.ruleIds.join(' '), e.watchListMatch === undefined ? '' : String(e.watchListMatch), e.text ?? '']
        .map(csvCell)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'; // BOM: accents open right in spreadsheets
}

export function toJSON(entries: JournalEntry[], now = new Date()): string {
  return JSON.stringify({ format: 'balise-journal', version: DB_VERSION, exportedAt: now.toISOString(), entries: entries.map(({ id: _id, ...e }) => ({ ...e, date: new Date(e.at).toISOString() })) }, null, 2);
}
