// Browser part of `npm run bench`: real Chromium, the built extension, the Lexical (Facebook) and
// Draft.js (X) fixture pages at their real addresses. 1,000 characters typed at a steady human pace,
// with and without the extension, in the same run:
//  - keystroke → highlight: from a keydown to the first overlay update whose findings cover the text
//    including that keystroke (`data-checked-length`), p50/p95;
//  - long tasks (> 50 ms) on the page's main thread, with minus without;
//  - input delay per keystroke (Event Timing: processingStart − startTime), p95 with minus without;
//  - JS heap of the page after a GC, with minus without.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const KEY_DELAY_MS = 35; // ≈ 340 characters a minute: a quick, steady typist
const TEXT =
  "Retour sur la semaine. Une de mes clientes m'a raconté ce matin que son conjoint la surveille et lui prend son chèque. " +
  'Great workshop today on family mediation, thanks to everyone who came. ' +
  'Écrivez-moi en privé si vous vivez la même chose, je peux vous aider. ' +
  'One of my clients told me this morning that her husband reads her texts. ' +
  'Belle conférence aujourd’hui sur la médiation familiale, merci aux organisatrices. ';

const q = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const r2 = (x) => (x === null ? null : Math.round(x * 100) / 100);

export const SITES = {
  lexical: { fixture: 'facebook', url: 'https://www.facebook.com/', open: async (page) => page.getByRole('button', { name: "What's on your mind?" }).click(), editor: '[role=dialog] div[role=textbox][data-lexical-editor=true]' },
  draft: { fixture: 'x', url: 'https://x.com/home', editor: '[data-testid=tweetTextarea_0]' },
};

export async function session(ROOT, withExtension, site, chars) {
  const { chromium } = await import('@playwright/test');
  const { buildFixtures, builtPage, sitesDir } = await import(pathToFileURL(join(ROOT, 'tests/fixtures/build.mjs')).href);
  await buildFixtures({ names: [site.fixture] });
  const sites = JSON.parse(readFileSync(join(sitesDir, 'sites.json'), 'utf8'));
  const match = sites[site.fixture].match.map((m) => new RegExp(m));
  const ext = join(ROOT, '.output/chrome-mv3');
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.BALISE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND',
      ...(withExtension ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : ['--disable-extensions']),
    ],
  });
  try {
    await context.route('**/*', (route) => {
      const req = route.request();
      if (req.resourceType() === 'document' && match.some((re) => re.test(req.url()))) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(builtPage(site.fixture)) });
      return req.url().startsWith('chrome') ? route.continue() : route.abort();
    });
    if (withExtension) {
      const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      // The posting account classified, so the ask-once prompt stays out of the measurement.
      await sw.evaluate(() => (globalThis).chrome.storage.local.set({ settings: { version: 3, accounts: { 'x:@marie_ts': 'professional', 'facebook:Marie Tremblay': 'professional' } }, askedAccounts: ['x:@marie_ts', 'facebook:Marie Tremblay'] }));
    }
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(site.url);
    await page.waitForFunction(() => window.__fixture?.ready === true);
    const loaded = Date.now();
    await site.open?.(page);
    await page.locator(site.editor).click();
    // The engine's cold start in the browser (offscreen document, worker, rules, NLP), from page
    // load to the first result on the focused box; typing is measured from then on.
    let engineReadyMs = null;
    if (withExtension) {
      await page.locator('balise-overlay[data-checked-length]').waitFor({ state: 'attached', timeout: 30_000 });
      engineReadyMs = Date.now() - loaded;
    }
    await page.evaluate(() => {
      const w = window;
      w.__bench = { keys: [], longTasks: 0, delays: [], updates: [] };
      document.addEventListener('keydown', () => w.__bench.keys.push(performance.now()), true);
      new PerformanceObserver((l) => (w.__bench.longTasks += l.getEntries().length)).observe({ type: 'longtask', buffered: false });
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (e.name === 'keydown') w.__bench.delays.push(e.processingStart - e.startTime);
      }).observe({ type: 'event', durationThreshold: 16, buffered: false });
      // Every input event is an "event" entry only above the threshold: count the rest as 0 ms.
      new MutationObserver(() => {
        const o = document.querySelector('balise-overlay:last-of-type');
        const n = Number(o?.getAttribute('data-checked-length') ?? -1);
        w.__bench.updates.push([performance.now(), n]);
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-checked-length'], subtree: true, childList: true });
    });
    let typed = '';
    while (typed.length < chars) typed += TEXT;
    typed = typed.slice(0, chars);
    const lengths = [];
    let len = 0;
    for (const ch of typed) {
      await page.keyboard.type(ch);
      len += ch.length;
      lengths.push(len);
      await page.waitForTimeout(KEY_DELAY_MS);
    }
    await page.waitForTimeout(1500);
    const b = await page.evaluate(() => window.__bench);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    // Keystroke → highlight: the first overlay update covering the text up to that keystroke.
    const latencies = [];
    if (withExtension) {
      const n = Math.min(b.keys.length, lengths.length);
      for (let i = 0; i < n; i++) {
        const u = b.updates.find(([t, l]) => t >= b.keys[i] && l >= lengths[i]);
        if (u) latencies.push(u[0] - b.keys[i]);
      }
    }
    const keys = b.keys.length;
    const delays = [...b.delays, ...Array(Math.max(0, keys - b.delays.length)).fill(0)];
    return { keys, longTasks: b.longTasks, inputDelayP95: q(delays, 0.95), heap: usedSize, latencies, covered: latencies.length, engineReadyMs };
  } finally {
    await context.close();
  }
}

export async function browserBench(ROOT, { chars = 1000 } = {}) {
  if (!existsSync(join(ROOT, '.output/chrome-mv3/manifest.json'))) throw new Error('the extension is not built (npm run build)');
  const out = {};
  for (const [name, site] of Object.entries(SITES)) {
    const without = await session(ROOT, false, site, chars);
    const withExt = await session(ROOT, true, site, chars);
    out[name] = {
      keystrokes: withExt.keys,
      engine_ready_ms: withExt.engineReadyMs,
      keystroke_to_highlight_ms: { p50: r2(q(withExt.latencies, 0.5)), p95: r2(q(withExt.latencies, 0.95)), measured: withExt.covered },
      long_tasks: { with: withExt.longTasks, without: without.longTasks, added: withExt.longTasks - without.longTasks },
      input_delay_p95_ms: { with: r2(withExt.inputDelayP95), without: r2(without.inputDelayP95), added: r2(withExt.inputDelayP95 - without.inputDelayP95) },
      heap_mb: { with: r2(withExt.heap / 1e6), without: r2(without.heap / 1e6), added: r2((withExt.heap - without.heap) / 1e6) },
    };
  }
  const all = Object.values(out);
  return {
    per_editor: out,
    keystroke_to_highlight_ms: { p95: Math.max(...all.map((e) => e.keystroke_to_highlight_ms.p95 ?? Infinity)), p50: Math.max(...all.map((e) => e.keystroke_to_highlight_ms.p50 ?? Infinity)) },
    long_tasks_added: Math.max(...all.map((e) => e.long_tasks.added)),
    input_delay_added_p95_ms: Math.max(...all.map((e) => e.input_delay_p95_ms.added)),
    heap_added_mb: Math.max(...all.map((e) => e.heap_mb.added)),
    key_delay_ms: KEY_DELAY_MS,
    engine_ready_ms: Math.max(...all.map((e) => e.engine_ready_ms ?? 0)),
  };
}
