/**
 * The README's main command ends in the demo: Chromium with the extension on the local fixture
 * pages. Without a display here, its headless self-check drives the same launcher end to end
 * (index page → the X page at https://x.com/home → a warning drawn by the extension).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, ROOT, test } from './harness';

test('the demo launcher opens the index, serves the X page at its real address and Balise warns there', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/demo.mjs'), '--smoke'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
    timeout: 120_000,
  });
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('demo: smoke check passed (warning shown on https://x.com/home).');
  expect(run.status).toBe(0);
});
