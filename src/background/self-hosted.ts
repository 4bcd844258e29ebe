/**
 * Keeps the content-script registration for self-hosted blogs in step with what the user added
 * (storage.local `selfHosted`) and what the browser granted (optional host permissions, which the
 * user can also revoke from the browser's extension settings). Runs in the background.
 */
import { browser } from 'wxt/browser';
import { originsFor, registrationFor, SELF_HOSTED_KEY, SELF_HOSTED_SCRIPT_ID, storedDomains } from '../sites/self-hosted';

export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

let chain: Promise<unknown> = Promise.resolve();

/** Granted origins among the stored domains' origins. */
async function grantedOrigins(): Promise<string[]> {
  const stored = await browser.storage.local.get(SELF_HOSTED_KEY);
  const domains = storedDomains(stored[SELF_HOSTED_KEY]);
  const out: string[] = [];
  for (const d of domains) for (const o of originsFor(d)) if (await browser.permissions.contains({ origins: [o] })) out.push(o);
  return out;
}

async function syncNow(isFirefox: boolean): Promise<string[]> {
  const origins = await grantedOrigins();
  const scripting = (browser as any).scripting;
  if (!scripting?.registerContentScripts) return origins;
  const existing = await scripting.getRegisteredContentScripts({ ids: [SELF_HOSTED_SCRIPT_ID] });
  if (existing.length) await scripting.unregisterContentScripts({ ids: [SELF_HOSTED_SCRIPT_ID] });
  const reg = registrationFor(origins, CONTENT_SCRIPT_FILE);
  if (reg) {
    // Firefox keeps registrations for the session only; the background re-syncs at every start.
    const { persistAcrossSessions, ...rest } = reg;
    await scripting.registerContentScripts([isFirefox ? rest : { ...rest, persistAcrossSessions }]);
  }
  return origins;
}

/** Re-registers the self-hosted content script; calls are serialised. Resolves to the matches. */
export function syncSelfHosted(isFirefox: boolean): Promise<string[]> {
  const next = chain.then(() => syncNow(isFirefox));
  chain = next.catch((e) => console.error('[Balise] self-hosted sync failed', e));
  return next;
}

/** Starts the content script in tabs already open on these origins (no reload needed). */
export async function injectInto(origins: string[]): Promise<void> {
  const scripting = (browser as any).scripting;
  if (!origins.length || !scripting?.executeScript) return;
  const tabs = await browser.tabs.query({ url: origins });
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    await scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
  }
}

export function watchSelfHosted(isFirefox: boolean): void {
  void syncSelfHosted(isFirefox);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SELF_HOSTED_KEY in changes)) return;
    // A domain just added whose permission was already granted (no onAdded event follows): start
    // Balise in its open tabs too.
    const before = new Set(storedDomains(changes[SELF_HOSTED_KEY]!.oldValue));
    const added = storedDomains(changes[SELF_HOSTED_KEY]!.newValue).filter((d) => !before.has(d));
    void syncSelfHosted(isFirefox).then((matches) => injectInto(added.flatMap(originsFor).filter((o) => matches.includes(o))));
  });
  browser.permissions.onAdded.addListener((p) => {
    void syncSelfHosted(isFirefox).then((matches) => injectInto((p.origins ?? []).filter((o) => matches.includes(o))));
  });
  browser.permissions.onRemoved.addListener(() => void syncSelfHosted(isFirefox));
}
