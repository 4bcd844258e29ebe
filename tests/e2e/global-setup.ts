/**
 * Runs once before the e2e suite: builds the extension (`npm run build` → .output/chrome-mv3)
 * and the fixture pages (tests/fixtures/.build/*.html, rebuilt only when stale).
 * Set BALISE_E2E_SKIP_BUILD=1 to reuse an existing .output/chrome-mv3.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures } from '../fixtures/build.mjs';

export default async function globalSetup(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  if (process.env.BALISE_E2E_SKIP_BUILD !== '1') {
    const t0 = Date.now();
    execSync('npm run build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`[e2e] extension built in ${Date.now() - t0} ms`);
  }
  if (!existsSync(join(root, '.output/chrome-mv3/manifest.json'))) throw new Error('no .output/chrome-mv3: run `npm run build`');
  const t1 = Date.now();
  const { built, fresh } = await buildFixtures();
  console.log(`[e2e] fixtures: ${built.length} built, ${fresh.length} fresh in ${Date.now() - t1} ms`);
}
