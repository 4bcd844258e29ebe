/**
 * Settings in the browser: storage.local `settings` (the user's), storage.managed (what an
 * organisation presets and locks), parsed with ./schema. A value that had to be reset is repaired
 * in storage at once and recorded in `settingsNotice` for the options page and popup to show until
 * the user dismisses it. Changes reach every open tab through storage.onChanged.
 */
import { browser } from 'wxt/browser';
import { applyManaged, parseSettings, SETTINGS_KEY, type Notice, type SettingPath, type Settings } from './schema';

export const NOTICE_KEY = 'settingsNotice';

export interface LoadedSettings {
  settings: Settings;
  /** Fields set (and locked) by the organisation. */
  locked: Set<SettingPath>;
  notices: Notice[];
}

function newSalt(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

async function managed(): Promise<unknown> {
  try {
    return await (browser.storage as any).managed?.get(null);
  } catch {
    return undefined; // no policy installed (Firefox throws), or not supported
  }
}

/** The user's settings alone (what is stored), repaired if needed. */
async function loadOwn(): Promise<{ settings: Settings; notices: Notice[] }> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, 'accounts']);
  const legacy = stored[SETTINGS_KEY] === undefined && stored.accounts !== undefined ? { accounts: stored.accounts } : {};
  const { settings, notices } = parseSettings(stored[SETTINGS_KEY], legacy, newSalt());
  // Write back only to repair or migrate what is stored. Nothing stored means defaults: writing
  // them here would race with (and could undo) a change made at the same moment elsewhere.
  const hasStored = stored[SETTINGS_KEY] !== undefined;
  const needsWrite = notices.length > 0 || Object.keys(legacy).length > 0 || (hasStored && (stored[SETTINGS_KEY] as any)?.version !== settings.version);
  if (needsWrite) {
    const write: Record<string, unknown> = { [SETTINGS_KEY]: settings };
    if (notices.length) write[NOTICE_KEY] = { fields: notices.map((n) => n.field), at: Date.now() };
    await browser.storage.local.set(write);
    if (Object.keys(legacy).length) await browser.storage.local.remove('accounts');
  }
  return { settings, notices };
}

export async function loadSettings(): Promise<LoadedSettings> {
  const own = await loadOwn();
  const m = applyManaged(own.settings, await managed());
  return { settings: m.settings, locked: m.locked, notices: [...own.notices, ...m.notices] };
}

/**
 * Changes some fields of the user's settings (locked fields are left as the organisation set them).
 * `change` sees the settings about to be written (e.g. the watch list's salt that will be stored).
 */
export async function updateSettings(change: (s: Settings) => Partial<Settings> | Promise<Partial<Settings>>): Promise<LoadedSettings> {
  const own = await loadOwn();
  const { locked } = applyManaged(own.settings, await managed());
  const patch = await change(own.settings);
  for (const k of Object.keys(patch) as SettingPath[]) if (locked.has(k)) delete (patch as any)[k];
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...own.settings, ...patch } });
  return loadSettings();
}

export async function replaceSettings(next: Settings): Promise<LoadedSettings> {
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return loadSettings();
}

/** Calls back with fresh settings whenever they change (here or in another tab). Returns an unsubscribe. */
export function watchSettings(cb: (s: LoadedSettings) => void): () => void {
  const onChange = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') void loadSettings().then(cb, () => undefined);
  };
  browser.storage.onChanged.addListener(onChange);
  return () => browser.storage.onChanged.removeListener(onChange);
}
