#!/usr/bin/env node
// npm run train [-- --no-extra] [--out FILE]: trains the learned layer (see src/train/main.ts).
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRulesToJson, ROOT } from './lib.mjs';

await compileRulesToJson({ quiet: true });
const out = join(ROOT, 'node_modules/.cache/balise/train.mjs');
await build({ entryPoints: [join(ROOT, 'src/train/main.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
const { train } = await import(pathToFileURL(out).href);
try {
  process.exitCode = await train(ROOT, process.argv.slice(2));
} catch (e) {
  console.error(`train: ${e.message}`);
  process.exitCode = 2;
}
