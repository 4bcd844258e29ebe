// Background: makes sure the engine host exists. Chrome (MV3 service worker, no Worker inside):
// an offscreen document owns the rule worker. Firefox (background page): the host runs here.
import { startEngineHost } from '../src/worker/host';
import { ENSURE_ENGINE, LOCALE_MESSAGE } from '../src/worker/protocol';
import { injectInto, syncSelfHosted, watchSelfHosted } from '../src/background/self-hosted';
import { serveJournal } from '../src/background/journal';
import { watchSelfAudit } from '../src/background/self-audit';

export default defineBackground(() => {
  const chromeApi = (globalThis as any).chrome;
  const useOffscreen = !!chromeApi?.offscreen && typeof Worker === 'undefined';
  let creating: Promise<void> | null = null;

  async function ensureOffscreen(): Promise<void> {
    const url = browser.runtime.getURL('/offscreen.html');
    const existing = await chromeApi.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (existing.length) return;
    creating ??= chromeApi.offscreen
      .createDocument({ url, reasons: ['WORKERS'], justification: 'Runs the Balise rule engine in a Worker, on the device.' })
      .finally(() => (creating = null));
    await creating;
  }

  if (!useOffscreen) startEngineHost();
  watchSelfHosted(import.meta.env.FIREFOX);
  serveJournal();
  watchSelfAudit();

  // Installed or updated while compose tabs are open: browsers do not start the new content
  // script there, and the old one is cut off. Start it now, so nobody has to reload a tab (and
  // risk a draft) to get Balise back. The cut-off instance removes its overlay when the new one
  // announces itself.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    const listed = (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []);
    void syncSelfHosted(import.meta.env.FIREFOX).then(
      (selfHosted) => injectInto([...listed, ...selfHosted]),
      () => injectInto(listed),
    );
  });

  browser.runtime.onMessage.addListener((msg: any) => {
    if (msg?.type === LOCALE_MESSAGE && (msg.lang === 'fr' || msg.lang === 'en')) {
      return fetch(browser.runtime.getURL(`/_locales/${msg.lang}/messages.json` as any)).then((r) => r.json());
    }
    if (msg?.type !== ENSURE_ENGINE) return undefined;
    return useOffscreen ? ensureOffscreen().then(() => ({ ok: true }), (e) => ({ ok: false, error: String(e) })) : Promise.resolve({ ok: true });
  });
});
