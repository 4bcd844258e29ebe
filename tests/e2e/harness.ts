/**
 * Playwright harness for Balise's end-to-end tests.
 *
 * - `context`: Debian Chromium (/usr/bin/chromium; Playwright's own browser download is impossible
 *   here) launched as a persistent context with the built extension (.output/chrome-mv3) loaded.
 *   Option `lang` ('en' | 'fr') → `--lang=…` (an extension's UI language follows it).
 * - `extensionId`: read from the extension's service worker URL.
 * - `serve(name)`: serves fixture `name` (tests/fixtures/.build/<name>.html) at its real URLs
 *   (tests/fixtures/sites/sites.json) through `context.route`.
 * - `open(name, url?)`: serve + goto (first test URL by default) + wait for `__fixture.ready`.
 * - `requests`: every request the context sees (pages, frames, extension pages, service and
 *   web workers) from `context.on('request')` and a `context.route('**\/*')` catch-all. Requests
 *   to a served fixture URL are fulfilled locally; everything else over http(s)/ws(s) is aborted
 *   and recorded. `requests.unexpected()` lists those, so a test can assert the extension made
*   no network request. As a last net, Chromium resolves no host name at all
 *   (`--host-resolver-rules`), so nothing can leave the machine even if interception missed it,
 *   and Chromium's net log is read at teardown: a request that reached the network stack past
 *   interception (other than Chromium's own updater/account calls) fails the test.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPage, sitesDir } from '../fixtures/build.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = process.env.BALISE_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
/** The same build with the self-hosted test domains already allowed (see global-setup.ts). */
export const GRANTED_EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-e2e-granted');
export const CHROMIUM = process.env.BALISE_CHROMIUM ?? '/usr/bin/chromium';

export interface SiteInfo {
  urls: string[];
  match: string[];
}
export const SITES: Record<string, SiteInfo> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(sitesDir, 'sites.json'), 'utf8')) as Record<string, SiteInfo | string>).filter(
    (e): e is [string, SiteInfo] => typeof e[1] === 'object',
  ),
);

export type Outcome = 'fixture' | 'aborted' | 'internal' | 'seen' | 'browser';

/** Chromium's own background calls (extension updater, account check, GCM check-in): not the extension's. */
const BROWSER_HOSTS = /^(update\.googleapis\.com|accounts\.google\.com|(android\.)?clients\d*\.google\.com|[\w-]+\.gvt1\.com|safebrowsing\.googleapis\.com|optimizationguide-pa\.googleapis\.com|content-autofill\.googleapis\.com)$/;
export interface RequestRecord {
  url: string;
  method: string;
  resourceType: string;
  /** 'route' (intercepted), 'event' (context.on('request')), 'websocket'. */
  via: 'route' | 'event' | 'websocket' | 'netlog';
  outcome: Outcome;
  /** Fixture name when outcome is 'fixture'. */
  fixture?: string;
  /** URL of the frame, or 'service-worker' / 'worker'. */
  from: string;
}

const INTERNAL = /^(chrome-extension|chrome|data|blob|about|devtools|chrome-untrusted):/;

export class RequestLog {
  readonly records: RequestRecord[] = [];
  /** Fixture pages currently served: name → compiled matchers. */
  readonly served = new Map<string, RegExp[]>();
  /** Per fixture: how its document is served (headers, rewrite). */
  readonly serveOptions = new Map<string, ServeOptions>();

  fixtureFor(url: string): string | undefined {
    for (const [name, res] of [...this.served].reverse()) if (res.some((re) => re.test(url))) return name;
    return undefined;
  }
  classify(url: string): { outcome: Outcome; fixture?: string } {
    if (INTERNAL.test(url)) return { outcome: 'internal' };
    const fixture = this.fixtureFor(url);
    return fixture ? { outcome: 'fixture', fixture } : { outcome: 'aborted' };
  }
  add(record: RequestRecord): void {
    this.records.push(record);
  }
  /** Requests that went (or tried to go) anywhere but a served fixture or the browser itself. */
  unexpected(): RequestRecord[] {
    return this.records.filter((r) => r.outcome === 'aborted');
  }
  /** Requests made by the extension itself (its pages and service worker). */
  fromExtension(): RequestRecord[] {
    return this.records.filter((r) => r.from.startsWith('chrome-extension:') || r.from === 'service-worker');
  }
  clear(): void {
    this.records.length = 0;
  }
}

/** URLs of URL_REQUEST jobs in a Chromium net log (one event per line; tolerant of a cut-off file). */
export function netlogUrls(file: string): string[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const m = /"URL_REQUEST_START_JOB":(\d+)/.exec(text);
  if (!m) return [];
  const type = Number(m[1]);
  const urls = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.includes('"url"')) continue;
    try {
      const ev = JSON.parse(line.replace(/,\s*$/, '')) as { type?: number; params?: { url?: string } };
      if (ev.type === type && ev.params?.url) urls.add(ev.params.url);
    } catch {
      /* partial line */
    }
  }
  return [...urls];
}

function requestOrigin(req: Request): string {
  if (req.serviceWorker()) return 'service-worker';
  try {
    return req.frame().url();
  } catch {
    return 'worker';
  }
}

export interface HarnessOptions {
  lang: 'en' | 'fr';
  /** Unpacked extensions to load; Balise's build by default (the self-test adds a probe). */
  extensions: string[];
  /** Hosts whose requests may reach the network stack past interception without failing the test. */
  escapeAllowed: string[];
  /**
   * Off by default: any request to a host that is not a served fixture fails the test at teardown,
   * whatever the test asserted (so the whole suite is one long "nothing leaves the device" session).
   * Only the harness's own self-test, which makes such requests on purpose, turns it on.
   */
  unexpectedAllowed: boolean;
}

/** How a fixture document is served: extra response headers (CSP, Trusted Types), an HTML rewrite. */
export interface ServeOptions {
  headers?: Record<string, string>;
  transform?: (html: string) => string;
}
export interface HarnessFixtures {
  requests: RequestLog;
  extensionId: string;
  serve: (name: string, options?: ServeOptions) => Promise<void>;
  open: (name: string, url?: string, options?: ServeOptions) => Promise<Page>;
}

/**
 * Debian Chromium as a persistent context with `extensions` loaded (none: a plain browser, for
 * "with and without Balise" comparisons), every request recorded in `requests`, fixtures served
 * locally, everything else blocked, Chromium's net log written to `netlog`.
 */
export async function launchContext({ lang, extensions, requests, netlog }: { lang: 'en' | 'fr'; extensions: string[]; requests: RequestLog; netlog: string }): Promise<BrowserContext> {
  if (lang === 'fr' && CHROMIUM === '/usr/bin/chromium' && !existsSync('/usr/lib/chromium/locales/fr.pak')) {
    throw new Error('Chromium has no French UI here (install chromium-l10n: `apt-get install -y chromium-l10n`); French tests need it.');
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang === 'fr' ? 'fr-FR' : 'en-US',
    // On Linux, Chromium's UI language (which extensions' i18n follows) comes from LANGUAGE;
    // --lang alone is not enough.
    env: { ...process.env, LANGUAGE: lang === 'fr' ? 'fr' : 'en', LANG: lang === 'fr' ? 'fr_CA.UTF-8' : 'en_US.UTF-8' },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${lang}`,
      // Nothing may leave the machine: fixtures are fulfilled by route, everything else fails.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      // Chromium's own network log: catches what happens before Playwright's hooks are attached
      // (an extension's service worker starts during launch). Read at teardown.
      `--log-net-log=${netlog}`,
      '--net-log-capture-mode=Default',
      ...(extensions.length ? [`--disable-extensions-except=${extensions.join(',')}`, `--load-extension=${extensions.join(',')}`] : ['--disable-extensions']),
    ],
  });
  context.on('request', (req) => {
    const { outcome, fixture } = requests.classify(req.url());
    requests.add({
      url: req.url(),
      method: req.method(),
      resourceType: req.resourceType(),
      via: 'event',
      outcome: outcome === 'aborted' ? 'aborted' : outcome,
      fixture,
      from: requestOrigin(req),
    });
  });
  // Catch-all: lowest priority route (registered first); fixture pages are answered here too.
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = req.url();
    const { outcome, fixture } = requests.classify(url);
    if (outcome === 'internal') return route.continue();
    requests.add({ url, method: req.method(), resourceType: req.resourceType(), via: 'route', outcome, fixture, from: requestOrigin(req) });
    if (outcome === 'fixture' && fixture) {
      if (req.resourceType() === 'document') {
        const how = requests.serveOptions.get(fixture) ?? {};
        const html = readFileSync(builtPage(fixture), 'utf8');
        return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...how.headers }, body: how.transform ? how.transform(html) : html });
      }
      return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
    }
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    requests.add({ url: ws.url(), method: 'GET', resourceType: 'websocket', via: 'websocket', outcome: 'aborted', from: 'websocket' });
    return ws.close({ code: 1008, reason: 'blocked by test harness' });
  });
  return context;
}

export const test = base.extend<HarnessOptions & HarnessFixtures>({
  lang: ['en', { option: true }],
  extensions: [[EXTENSION_DIR], { option: true }],
  escapeAllowed: [[], { option: true }],
  unexpectedAllowed: [false, { option: true }],

  requests: async ({}, use) => {
    await use(new RequestLog());
  },

  context: async ({ lang, extensions, escapeAllowed, unexpectedAllowed, requests }, use, testInfo) => {
    const netlog = testInfo.outputPath('netlog.json');
    const context = await launchContext({ lang, extensions, requests, netlog });
    await use(context);
    await context.close();
    // Every URL that reached Chromium's network stack went past interception (fulfilled and aborted
    // requests never get there) and failed on the host-resolver rule: record it.
    // Chromium's own updater/account calls show up here too; they are logged as 'browser'.
    for (const url of netlogUrls(netlog)) {
      if (INTERNAL.test(url)) continue;
      const host = URL.canParse(url) ? new URL(url).host : '';
      const outcome: Outcome = BROWSER_HOSTS.test(host) ? 'browser' : 'aborted';
      requests.add({ url, method: '', resourceType: 'netlog', via: 'netlog', outcome, from: 'network-stack' });
    }
    rmSync(netlog, { force: true });
    const escaped = requests.records.filter(
      (r) => r.via === 'netlog' && r.outcome === 'aborted' && !escapeAllowed.includes(URL.canParse(r.url) ? new URL(r.url).host : ''),
    );
    if (escaped.length) {
      await testInfo.attach('requests-past-interception.json', { body: JSON.stringify(escaped, null, 2), contentType: 'application/json' });
      throw new Error(`requests reached Chromium's network stack past interception (all failed to resolve): ${escaped.map((r) => r.url).join(', ')}`);
    }
    // Fixture pages are self-contained (one document each): any other request to a fixture host
    // (a fetch, an image, a beacon) can only come from an extension; and the extension's own pages
    // and service worker request nothing outside the extension.
    const unexpected = [
      ...requests.unexpected(),
      ...requests.records.filter((r) => r.outcome === 'fixture' && r.resourceType !== 'document' && r.via === 'route'),
      ...requests.fromExtension().filter((r) => r.outcome !== 'internal' && r.outcome !== 'aborted'),
    ];
    if (unexpected.length && !unexpectedAllowed) {
      await testInfo.attach('unexpected-requests.json', { body: JSON.stringify(unexpected, null, 2), contentType: 'application/json' });
      throw new Error(`requests to hosts other than the served fixtures (blocked, but none may be made): ${unexpected.map((r) => `${r.url} (from ${r.from})`).join(', ')}`);
    }
  },

  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },

  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 }));
    await use(new URL(worker.url()).host);
  },

  serve: async ({ context, requests }, use) => {
    void context; // the catch-all route installed by `context` answers for served fixtures
    await use(async (name: string, options?: ServeOptions) => {
      const site = SITES[name];
      if (!site) throw new Error(`unknown fixture ${name}`);
      requests.served.set(name, site.match.map((s) => new RegExp(s)));
      if (options) requests.serveOptions.set(name, options);
      else requests.serveOptions.delete(name);
    });
  },

  open: async ({ page, serve }, use) => {
    await use(async (name: string, url?: string, options?: ServeOptions) => {
      await serve(name, options);
      const target = url ?? SITES[name]!.urls[0]!;
      await page.goto(target);
      await page.waitForFunction(() => window.__fixture?.ready === true);
      return page;
    });
  },
});

export { expect };

/** Read the editor's own text through the fixture hook. */
export const fixtureText = (page: Page): Promise<string> => page.evaluate(() => window.__fixture.text());
export const fixturePublished = (page: Page): Promise<string[]> => page.evaluate(() => [...window.__fixture.published]);

export type { BrowserContext };

/**
 * What "update" does to an installed extension, as the reload button of chrome://extensions does
 * it (developer mode on, as for any unpacked extension). Resolves once the new service worker runs.
 */
export async function reloadExtension(context: BrowserContext, extensionId: string): Promise<void> {
  const restarted = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`), timeout: 20_000 });
  const admin = await context.newPage();
  await admin.goto('chrome://extensions');
  const error = await admin.evaluate(async (id) => {
    const dp = (globalThis as any).chrome.developerPrivate;
    try {
      await dp.updateProfileConfiguration({ inDeveloperMode: true });
      await dp.reload(id, { failQuietly: false });
      return null;
    } catch (e: any) {
      return String(e?.message ?? e);
    }
  }, extensionId);
  await admin.close();
  if (error) throw new Error(`could not reload the extension: ${error}`);
  await restarted;
}

/** The toolbar popup for `page`'s tab, opened as a page (Playwright cannot click the toolbar). */
export async function openPopup(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))!;
  const url = page.url();
  await page.bringToFront();
  // By URL where Balise may see it; otherwise (a site it has no access to) the active tab.
  const tabId = await sw.evaluate(async (u) => {
    const tabs = (globalThis as any).chrome.tabs;
    return (await tabs.query({})).find((t: any) => t.url === u)?.id ?? (await tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  }, url);
  if (typeof tabId !== 'number') throw new Error(`no tab for ${url}`);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 800 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
