// What ships: the built Chrome (MV3) and Firefox (MV2) packages, checked as the stores would get
// them. Both builds run here, one after the other (two wxt builds at once would race on .wxt/).
// The Firefox build is not driven by the e2e suite (Playwright's Firefox cannot load extensions);
// this checks what Firefox would refuse or miss. `npm run lint:firefox` runs Mozilla's linter.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const CHROME = join(ROOT, '.output/chrome-mv3');
const FIREFOX = join(ROOT, '.output/firefox-mv2');

// Changing either list changes what users are asked to accept: update README.md and PRIVACY.md too.
const SITES = [
  'https://*.facebook.com/*',
  'https://x.com/*',
  'https://*.x.com/*',
  'https://twitter.com/*',
  'https://*.twitter.com/*',
  'https://*.linkedin.com/*',
  'https://*.wordpress.com/*',
  'https://medium.com/*',
  'https://*.medium.com/*',
  'https://*.substack.com/*',
  'https://*.ghost.io/*',
  'https://www.blogger.com/*',
];
const API_PERMISSIONS = ['storage', 'scripting', 'activeTab', 'alarms'];
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];
const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; connect-src 'self'; img-src 'self' data:; style-src 'self'";
const ICON_SIZES = [16, 32, 48, 128];

function build(args: string[]): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wxt ${args.join(' ')} failed:\n${r.stderr}${r.stdout}`);
}
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && ext.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** Directive → sources, from a CSP string. */
function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    out.set(name!, sources);
  }
  return out;
}

/** PNG width and height from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

beforeAll(() => {
  build(['build']);
  build(['build', '-b', 'firefox']);
}, 300_000);

describe.each([
  { name: 'Chrome', dir: CHROME, csp: (m: any) => m.content_security_policy?.extension_pages },
  { name: 'Firefox', dir: FIREFOX, csp: (m: any) => m.content_security_policy },
])('$name package', ({ dir, csp }) => {
  it('has a strict CSP for extension pages: only its own files, no eval, no inline code, no remote origin', () => {
    const policy = csp(manifest(dir));
    expect(policy).toBe(CSP);
    const d = directives(policy);
    for (const name of ['default-src', 'script-src', 'object-src', 'base-uri']) expect(d.has(name), name).toBe(true);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    for (const [name, sources] of d) {
      for (const s of sources) {
        expect(s, `${name} ${s}`).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
        expect(s, `${name} ${s}`).not.toMatch(/^(\*|https?:|wss?:|blob:|filesystem:)|:\/\/|\*/);
        if (name !== 'img-src') expect(s, `${name} ${s}`).not.toBe('data:');
      }
    }
  });

  it('ships icons of 16, 32, 48 and 128 px, and the toolbar button uses them', () => {
    const m = manifest(dir);
    expect(Object.keys(m.icons).map(Number)).toEqual(ICON_SIZES);
    for (const size of ICON_SIZES) {
      const file = join(dir, m.icons[size]);
      expect(existsSync(file), m.icons[size]).toBe(true);
      expect(pngSize(file), m.icons[size]).toEqual([size, size]);
    }
    const action = m.action ?? m.browser_action;
    for (const path of Object.values<string>(action.default_icon)) expect(existsSync(join(dir, path)), path).toBe(true);
  });

  it('contains no eval( or new Function( and loads no remote script', () => {
    const scripts = files(dir, /\.(js|mjs)$/);
    expect(scripts.length).toBeGreaterThan(4);
    for (const f of scripts) {
      const code = readFileSync(f, 'utf8');
      const name = relative(dir, f);
      expect(code, name).not.toMatch(/\beval\s*\(/);
      expect(code, name).not.toMatch(/\bnew\s+Function\s*\(|(^|[^\w$.])Function\s*\(\s*["'`]/);
      expect(code, name).not.toMatch(/importScripts\s*\(|import\s*\(\s*["'`]https?:/);
    }
    for (const f of files(dir, /\.html$/)) {
      const html = readFileSync(f, 'utf8');
      const name = relative(dir, f);
      // Only module scripts from the package; no inline script (the CSP would block it anyway).
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, name).toMatch(/\ssrc="\/[^"]+\.js"/);
      expect(html, name).not.toMatch(/<script\b[^>]*>[^<\s]/);
      expect(html, name).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });
});

describe('Chrome package', () => {
  it('asks for exactly these permissions', () => {
    const m = manifest(CHROME);
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual([...API_PERMISSIONS, 'offscreen']);
    expect(m.host_permissions).toEqual(SITES);
    expect(m.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.storage).toEqual({ managed_schema: 'managed-schema.json' });
    expect(existsSync(join(CHROME, 'managed-schema.json'))).toBe(true);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
  });
});

describe('Firefox package', () => {
  it('asks for exactly these permissions, no Chrome-only one and no <all_urls>', () => {
    const m = manifest(FIREFOX);
    expect(m.manifest_version).toBe(2);
    expect(m.permissions).toEqual([...API_PERMISSIONS, ...SITES]);
    expect(m.optional_permissions).toEqual(OPTIONAL_HOSTS);
    expect([...m.permissions, ...m.optional_permissions]).not.toContain('<all_urls>');
    expect(m.host_permissions).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('is an MV2 add-on with a background page, the rule worker and a gecko id', () => {
    const m = manifest(FIREFOX);
    expect(m.background.scripts).toEqual(['background.js']);
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    // Firefox's data-consent record: Balise collects and transmits nothing (PRIVACY.md).
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.content_scripts[0].js).toEqual(['content-scripts/content.js']);
    for (const f of ['background.js', 'rule-worker.js', 'content-scripts/content.js', 'options.html', '_locales/fr/messages.json', '_locales/en/messages.json']) {
      expect(existsSync(join(FIREFOX, f)), f).toBe(true);
    }
    // The content script stays small and free of the NLP and the rules.
    const content = readFileSync(join(FIREFOX, 'content-scripts/content.js'), 'utf8');
    expect(content.length).toBeLessThan(60_000);
    expect(content).not.toMatch(/compromise|fr-compromise|"ruleId":/);
  });
});
