/**
 * Runs once before the e2e suite: builds the extension (`npm run build` → .output/chrome-mv3)
 * and the fixture pages (tests/fixtures/.build/*.html, rebuilt only when stale).
 * Set BALISE_E2E_SKIP_BUILD=1 to reuse an existing .output/chrome-mv3.
 */
import { execSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  makeGrantedVariant(root);
  const t1 = Date.now();
  const { built, fresh } = await buildFixtures();
  console.log(`[e2e] fixtures: ${built.length} built, ${fresh.length} fresh in ${Date.now() - t1} ms`);
}

/**
 * The built extension as it is once the user has clicked "Allow" on the browser's permission
 * prompt for the self-hosted test domains (the prompt itself is browser UI that no automation can
 * answer): the same files, with those origins granted in the manifest. Everything after the
 * prompt (storage, content-script registration, injection into open tabs) runs unchanged.
 */
export const GRANTED_ORIGINS = ['https://blogue.clinique-exemple.ca/*', 'http://blogue.clinique-exemple.ca/*', 'https://example.org/*', 'http://example.org/*'];
function makeGrantedVariant(root: string): void {
  const src = join(root, '.output/chrome-mv3');
  const dest = join(root, '.output/chrome-mv3-e2e-granted');
  rmSync(dest, { recursive: true, force: true });
  cpSync(src, dest, { recursive: true });
  const manifestPath = join(dest, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...GRANTED_ORIGINS];
  writeFileSync(manifestPath, JSON.stringify(manifest));
}
