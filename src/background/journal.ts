/**
 * The journal's single writer (content scripts cannot reach the extension's IndexedDB): entries
 * arrive as JOURNAL_ADD messages, are written with the user's text preference, and the retention
 * period is enforced at start-up and at most hourly after. A journal that cannot be opened is
 * reported to the sender (and the options page says so); nothing else stops.
 */
import { browser } from 'wxt/browser';
import { addEntry, enforceRetention, openJournal, type JournalEntry } from '../journal/journal';
import { loadSettings } from '../settings/store';
import { JOURNAL_ADD } from '../worker/protocol';

let db: ReturnType<typeof openJournal> | null = null;
let lastRetention = 0;

function journal() {
  db ??= openJournal().catch((e) => {
    db = null; // try again next time
    throw e;
  });
  return db;
}

async function retention(now = Date.now()): Promise<void> {
  if (now - lastRetention < 3_600_000) return;
  lastRetention = now;
  const { settings } = await loadSettings();
  await enforceRetention(await journal(), settings.journal.retentionDays, now);
}

export async function record(entry: Omit<JournalEntry, 'id' | 'at'> & { at?: number }): Promise<{ ok: boolean; error?: string }> {
  try {
    const { settings } = await loadSettings();
    await addEntry(await journal(), { ...entry, at: entry.at ?? Date.now() }, settings.journal.keepText);
    void retention().catch(() => undefined);
    return { ok: true };
  } catch (e: any) {
    return { ok: false, error: String(e?.message ?? e) };
  }
}

export function serveJournal(): void {
  void retention().catch((e) => console.warn('[Balise] journal retention failed', e));
  browser.runtime.onMessage.addListener((msg: any) => (msg?.type === JOURNAL_ADD && msg.entry ? record(msg.entry) : undefined));
}
