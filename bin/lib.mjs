// Build helpers shared by the CLI launcher, the rule compiler script, the vite plugin and the tests.
// They bundle TypeScript with esbuild (already a dependency of vite) so node 20 can run it directly.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DIR = join(ROOT, 'rules');
export const RULES_JSON = join(ROOT, 'src/engine/generated/rules.json');
const CACHE = join(ROOT, 'node_modules/.cache/balise');

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

// Outputs are written to a temporary file and renamed, so concurrent runs never read half a file.
const tmp = (f) => `${f}.${process.pid}.tmp`;

async function bundleTs(entry, outfile) {
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: tmp(outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    sourcemap: 'inline',
  });
  renameSync(tmp(outfile), outfile);
}

/**
 * Compiles and validates rules/ into src/engine/generated/rules.json.
 * Returns the compile result; throws an Error listing every problem when a rule is invalid.
 */
export async function compileRulesToJson({ quiet = false } = {}) {
  const out = join(CACHE, 'compile.mjs');
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(out) || newest(join(ROOT, 'src')) > statSync(out).mtimeMs) await bundleTs('src/rules-compiler/compile.ts', out);
  const { compileRules } = await import(`${pathToFileURL(out).href}?t=${statSync(out).mtimeMs}`);
  const result = compileRules(RULES_DIR);
  if (result.errors.length && process.env.BALISE_SKIP_BAD_RULES === '1') {
    // Development aid only: report and carry on with the valid rules.
    console.error(`balise: skipping invalid rules:\n  - ${result.errors.join('\n  - ')}`);
  } else if (result.errors.length) {
    const e = new Error(`Invalid rules (${result.errors.length} problem${result.errors.length > 1 ? 's' : ''}):\n  - ${result.errors.join('\n  - ')}`);
    e.ruleErrors = result.errors;
    throw e;
  }
  mkdirSync(dirname(RULES_JSON), { recursive: true });
  const json = JSON.stringify(result.bundle);
  if (!existsSync(RULES_JSON) || readFileSync(RULES_JSON, 'utf8') !== json) {
    writeFileSync(tmp(RULES_JSON), json);
    renameSync(tmp(RULES_JSON), RULES_JSON);
  }
  if (!quiet) console.error(`balise: ${result.bundle.rules.length} rules compiled (${result.examples.length} examples)`);
  return result;
}

/**
 * Bundles `entry` (with the compiled rules) into dist/<name>, rebuilding only when src/ or rules/
 * are newer; the write is atomic so concurrent runs never see half a file. Returns its path.
 * The NLP libraries stay external so that they load only when a sentence needs them.
 */
async function ensureBundle(name, entry, options) {
  const out = join(ROOT, 'dist', name);
  const srcTime = Math.max(newest(join(ROOT, 'src')), newest(RULES_DIR));
  if (existsSync(out) && statSync(out).mtimeMs >= srcTime && existsSync(RULES_JSON)) return out;
  await compileRulesToJson({ quiet: true });
  await build({ entryPoints: [join(ROOT, entry)], outfile: tmp(out), bundle: true, format: 'esm', logLevel: 'error', external: ['compromise', 'fr-compromise'], ...options });
  renameSync(tmp(out), out);
  return out;
}

/** dist/cli.mjs, the check CLI. */
export const ensureCli = () => ensureBundle('cli.mjs', 'src/cli/main.ts', { platform: 'node', target: 'node20' });

/** dist/engine.mjs, the engine with its rules, minified as it ships (for the benchmark). */
export const ensureEngineBundle = () => ensureBundle('engine.mjs', 'src/engine/default.ts', { platform: 'neutral', target: 'es2022', minify: true });
