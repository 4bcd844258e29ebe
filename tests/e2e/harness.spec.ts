/**
 * Self-test of the harness's request log: a probe extension (tests/e2e/probe-extension) and a
 * fixture page make requests to foreign hosts from every kind of context an extension has; each
 * must be recorded and none may reach the network. Also checks the fixture hosts are served.
 */
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR, expect, test } from './harness';

const PROBE = fileURLToPath(new URL('./probe-extension', import.meta.url));

test.describe('harness: request log', () => {
  // The probe's service worker also fetches at startup, while Chromium launches: that request can
  // beat Playwright's interception, and then only the net-log check at teardown sees it (it would
  // fail any other test; it is allowed here because it races).
  test.use({ extensions: [EXTENSION_DIR, PROBE], escapeAllowed: ['probe-startup.example'], unexpectedAllowed: true });

  test('records and blocks requests from pages, workers, extension pages and service workers', async ({ context, open, page, requests }) => {
    await open('textarea');
    // Page, dedicated worker, WebSocket.
    expect(await page.evaluate(() => fetch('https://page-probe.example/p').then(() => 'ok', () => 'blocked'))).toBe('blocked');
    await page.evaluate(() => {
      const src = "fetch('https://worker-probe.example/w').catch(()=>{})";
      new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    });
    await page.evaluate(() => void new WebSocket('wss://ws-probe.example/socket'));

    // The probe extension's own page and its service worker.
    const sw = context.serviceWorkers().find((w) => w.url().endsWith('/sw.js')) ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/sw.js') }));
    const probeId = new URL(sw.url()).host;
    const extPage = await context.newPage();
    await extPage.goto(`chrome-extension://${probeId}/page.html`);
    expect(await extPage.evaluate(() => (window as unknown as { pageFetch(u: string): Promise<string> }).pageFetch('https://extpage-probe.example/e'))).not.toBe('ok');
    expect(await extPage.evaluate(() => (window as unknown as { probe(u: string): Promise<string> }).probe('https://sw-probe.example/s'))).not.toBe('ok');

    const hosts = () => new Set(requests.unexpected().map((r) => new URL(r.url).host));
    for (const host of ['page-probe.example', 'worker-probe.example', 'ws-probe.example', 'extpage-probe.example', 'sw-probe.example']) {
      await expect.poll(() => hosts().has(host), { message: host }).toBe(true);
    }
    expect(requests.fromExtension().map((r) => new URL(r.url).host)).toEqual(expect.arrayContaining(['extpage-probe.example', 'sw-probe.example']));
    // The served fixture itself is a 'fixture' request, not an unexpected one.
    expect(requests.records.filter((r) => r.outcome === 'fixture').map((r) => r.url)).toContain('https://example.org/textarea');
  });
});

test('the extension loads (service worker up) and Balise makes no request on a page', async ({ extensionId, open, page, requests }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  await open('facebook');
  await page.waitForTimeout(500);
  expect(requests.unexpected()).toEqual([]);
});
