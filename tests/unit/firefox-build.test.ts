// The Firefox build (MV2, background page hosting the rule worker) is not driven by the e2e suite
// (Playwright's Firefox cannot load extensions); this checks what Firefox would refuse or miss.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

describe('Firefox build', () => {
  it('builds an MV2 add-on with a background page, the rule worker, no Chrome-only permission and no <all_urls>', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = join(ROOT, '.output/firefox-mv2');
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.manifest_version).toBe(2);
    expect(m.background.scripts).toEqual(['background.js']);
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(m.permissions).not.toContain('offscreen');
    expect(m.permissions).toContain('scripting');
    const all = [...m.permissions, ...(m.optional_permissions ?? [])];
    expect(all).not.toContain('<all_urls>');
    expect(m.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(m.content_scripts[0].js).toEqual(['content-scripts/content.js']);
    for (const f of ['background.js', 'rule-worker.js', 'content-scripts/content.js', 'options.html', '_locales/fr/messages.json', '_locales/en/messages.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    // The content script stays small and free of the NLP and the rules.
    const content = readFileSync(join(out, 'content-scripts/content.js'), 'utf8');
    expect(content.length).toBeLessThan(60_000);
    expect(content).not.toMatch(/compromise|fr-compromise|"ruleId":/);
  }, 120_000);
});
