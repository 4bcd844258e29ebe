// Background: makes sure the engine host exists. Chrome (MV3 service worker, no Worker inside):
// an offscreen document owns the rule worker. Firefox (background page): the host runs here.
import { startEngineHost } from '../src/worker/host';
import { ENSURE_ENGINE } from '../src/worker/protocol';
import { watchSelfHosted } from '../src/background/self-hosted';

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

  browser.runtime.onMessage.addListener((msg: any) => {
    if (msg?.type !== ENSURE_ENGINE) return undefined;
    return useOffscreen ? ensureOffscreen().then(() => ({ ok: true }), (e) => ({ ok: false, error: String(e) })) : Promise.resolve({ ok: true });
  });
});
