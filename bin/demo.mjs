#!/usr/bin/env node
/**
 * The demo: Chromium with the built extension (.output/chrome-mv3) on a local index of the fixture
 * pages, each served at its real address (https://x.com/home, https://www.facebook.com/ …) from
 * this machine through request routing. Nothing reaches the network: every other request is
 * refused, so the demo browser is for trying Balise, not for browsing.
 *
 *   node bin/demo.mjs            # opens a window (needs a display)
 *   node bin/demo.mjs --smoke    # headless self-check: types a post on the X page, expects a warning
 *
 * Exit codes: 0 done (window closed / smoke passed), 1 smoke failed, 3 no browser or no display
 * (the caller then explains how to load the extension by hand).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

const fr = !/^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
const say = (frText, enText) => console.log(fr ? frText : enText);
const smoke = process.argv.includes('--smoke');
export const DEMO_URL = 'https://demo.balise.localhost/';

export function hasDisplay(env = process.env, platform = process.platform) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function findChromium(env = process.env) {
  const candidates = [env.BALISE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function indexPage(sites) {
  const rows = Object.entries(sites)
    .filter(([, s]) => typeof s === 'object')
    .map(([name, s]) => `<li><a href="${s.urls[0]}">${s.urls[0]}</a> <small>(${name})</small></li>`)
    .join('\n');
  const t = fr
    ? { title: 'Balise — démo', intro: 'Chaque lien ouvre une copie locale de l’éditeur du site, à sa vraie adresse, avec Balise chargée. Essayez par exemple :', sample: 'Une de mes clientes m’a raconté ce matin que son conjoint la surveille et lui prend son chèque.', note: 'Rien ne sort de cet ordinateur : toute autre adresse est refusée. Le blogue auto-hébergé et la zone de texte fonctionnent après l’ajout de leur domaine dans les options de Balise.' }
    : { title: 'Balise — demo', intro: 'Each link opens a local copy of the site’s editor, at its real address, with Balise loaded. Try for example:', sample: 'One of my clients told me this morning that her husband reads her texts.', note: 'Nothing leaves this computer: every other address is refused. The self-hosted blog and the text area work once their domain is added in Balise’s options.' };
  return `<!doctype html><html lang="${fr ? 'fr' : 'en'}"><head><meta charset="utf-8"><title>${t.title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 16px}blockquote{background:#f3f4f6;padding:8px 12px;border-left:4px solid #0f766e}small{color:#6b7280}</style></head>
<body><h1>${t.title}</h1><p>${t.intro}</p><blockquote>${t.sample}</blockquote><ul>${rows}</ul><p><small>${t.note}</small></p></body></html>`;
}

export async function runDemo({ headless = false } = {}) {
  const ext = join(ROOT, '.output/chrome-mv3');
  if (!existsSync(join(ext, 'manifest.json'))) {
    say('démo : l’extension n’est pas construite (npm run build).', 'demo: the extension is not built (npm run build).');
    return 3;
  }
  const executablePath = findChromium();
  if (!executablePath) {
    say('démo : Chromium introuvable (Debian/Ubuntu : sudo apt-get install chromium ; ou BALISE_CHROMIUM=/chemin/vers/chromium).', 'demo: Chromium not found (Debian/Ubuntu: sudo apt-get install chromium; or BALISE_CHROMIUM=/path/to/chromium).');
    return 3;
  }
  if (!headless && !hasDisplay()) return 3;
  const { chromium } = await import('@playwright/test');
  const { buildFixtures, builtPage, sitesDir } = await import(pathToFileURL(join(ROOT, 'tests/fixtures/build.mjs')).href);
  await buildFixtures();
  const sites = JSON.parse(readFileSync(join(sitesDir, 'sites.json'), 'utf8'));
  const matchers = Object.entries(sites)
    .filter(([, s]) => typeof s === 'object')
    .map(([name, s]) => ({ name, res: s.match.map((m) => new RegExp(m)) }));
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless,
    viewport: null,
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
  await context.route('**/*', (route) => {
    const req = route.request();
    const url = req.url();
    if (url === DEMO_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: indexPage(sites) });
    const hit = [...matchers].reverse().find((m) => m.res.some((re) => re.test(url)));
    if (hit && req.resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(builtPage(hit.name)) });
    if (hit) return route.fulfill({ status: 404, body: '' });
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DEMO_URL);
  if (smoke) {
    try {
      await page.getByRole('link', { name: 'https://x.com/home' }).click();
      await page.waitForFunction(() => window.__fixture?.ready === true);
      await page.getByTestId('tweetTextarea_0').click();
      await page.keyboard.type('One of my clients told me this morning that her husband reads her texts.');
      await page.locator('balise-overlay[data-severity=error]').waitFor({ state: 'attached', timeout: 20_000 });
      say('démo : vérification réussie (avertissement affiché sur https://x.com/home).', 'demo: smoke check passed (warning shown on https://x.com/home).');
      return 0;
    } catch (e) {
      console.error(String(e?.message ?? e));
      return 1;
    } finally {
      await context.close();
    }
  }
  say(`\n✔ Chromium est ouvert sur ${DEMO_URL} avec Balise. Fermez la fenêtre pour terminer.`, `\n✔ Chromium is open on ${DEMO_URL} with Balise. Close the window to finish.`);
  await new Promise((resolve) => context.on('close', resolve));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(await runDemo({ headless: smoke }));
}
