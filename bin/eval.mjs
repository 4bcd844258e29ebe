#!/usr/bin/env node
// npm run eval [-- FILE] [--no-extra] [--ratchet] [--update-ratchet] [--misses [--only=cat,cat]] [--fit-only]
// Without FILE: the k-fold cross-validated figures on ../shared/corpus/dev.jsonl + train.jsonl (each fold
// scored by a model and combiner fitted without it; our own posts in corpus/ join the training side
// unless --no-extra), then, separately, the shipped engine on dev.jsonl (a fit: it has seen those posts).
// With FILE: the shipped engine on that corpus (a held-out set measures generalisation).
// --ratchet fails when the cross-validated score falls below tests/ratchet.json; --update-ratchet raises it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compileRulesToJson, ensureCli, ROOT } from './lib.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const file = args.find((a) => !a.startsWith('--'));
const dev = join(ROOT, '../shared/corpus/dev.jsonl');
const scorer = join(ROOT, '../shared/tools/score.mjs');
const ratchetFile = join(ROOT, 'tests/ratchet.json');
const tmp = mkdtempSync(join(tmpdir(), 'balise-eval-'));

for (const [what, p] of [['corpus', file ?? dev], ['scorer', scorer]]) {
  if (!existsSync(p)) {
    console.error(`eval: ${what} not found: ${p}\n(the corpora and the scorer live in ../shared beside the project)`);
    process.exit(2);
  }
}

const score = (corpus, findings, human = true) => {
  if (human) process.stdout.write(spawnSync(process.execPath, [scorer, corpus, findings], { encoding: 'utf8' }).stdout);
  return JSON.parse(spawnSync(process.execPath, [scorer, corpus, findings, '--json'], { encoding: 'utf8' }).stdout);
};

/** The shipped engine (rules + model + combiner) on a corpus. */
async function shipped(corpus) {
  await ensureCli();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/balise.mjs'), '--jsonl', corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0 && !run.stdout) {
    console.error(run.stderr);
    process.exit(2);
  }
  if (run.stderr.trim()) process.stderr.write(run.stderr);
  const out = join(tmp, 'findings.jsonl');
  writeFileSync(out, run.stdout);
  return { out, stdout: run.stdout };
}

function misses(corpus, stdout) {
  const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const found = new Map(stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.id, r.findings]));
  for (const line of readFileSync(corpus, 'utf8').trim().split('\n')) {
    const p = JSON.parse(line);
    const f = (found.get(p.id) ?? []).filter((x) => x.severity !== 'info');
    const got = new Set(f.map((x) => x.category));
    const mine = (c) => !only || only.includes(c);
    const missed = p.expect.filter((c) => !got.has(c) && mine(c));
    const extra = [...got].filter((c) => !p.expect.includes(c) && mine(c));
    if (!missed.length && !extra.length) continue;
    console.log(`\n${p.id} [${p.account}] expect=${p.expect.join(',') || '-'}${missed.length ? `  MISSED=${missed.join(',')}` : ''}${extra.length ? `  EXTRA=${extra.join(',')}` : ''}`);
    console.log(`  ${p.text.slice(0, 300).replace(/\n/g, ' / ')}`);
    for (const x of f) if (!p.expect.includes(x.category) && mine(x.category)) console.log(`  > ${x.ruleId}${x.score != null ? ` (model ${x.score})` : ''}: «${p.text.slice(x.start, x.end)}»`);
  }
}

if (file || flags.has('--fit-only')) {
  const corpus = file ?? dev;
  console.log(`# the shipped engine on ${corpus}${file ? '' : ' (a fit: the rules and the model have seen these posts)'}`);
  const { out, stdout } = await shipped(corpus);
  score(corpus, out);
  if (flags.has('--misses')) misses(corpus, stdout);
  process.exit(0);
}

// Cross-validation.
await compileRulesToJson({ quiet: true });
const evalJs = join(ROOT, 'node_modules/.cache/balise/eval.mjs');
await build({ entryPoints: [join(ROOT, 'src/train/eval-entry.ts')], outfile: evalJs, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
process.env.BALISE_ROOT = ROOT;
const { crossValidate } = await import(pathToFileURL(evalJs).href);
const extra = !flags.has('--no-extra');
const t0 = Date.now();
console.log(`# ${5}-fold cross-validation on dev + train${extra ? ' (our own posts in corpus/ on the training side only)' : ' (without our own posts)'}`);
const cv = await crossValidate(ROOT, extra, evalJs, tmp, (s) => console.log(s));
console.log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
const json = score(cv.corpus, cv.findings);
if (flags.has('--misses')) misses(cv.corpus, readFileSync(cv.findings, 'utf8').replace(/"category"/g, '"ruleId":"cv","category"'));

if (!flags.has('--cv-only')) {
  console.log('\n# the shipped engine on dev.jsonl: a fit (rules were written and the model trained on these posts), not a result');
  const { out } = await shipped(dev);
  const fitJson = score(dev, out, false);
  for (const lang of ['fr', 'en']) {
    const r = fitJson.results[lang];
    console.log(`${lang}: caught ${(100 * r.caught_rate).toFixed(1)}% (${r.caught}/${r.with_expect}), false alarms ${(100 * r.false_alarm_rate).toFixed(1)}% (${r.false_alarms}/${r.clean})`);
  }
}

// The ratchet, on the cross-validated figures: per language, caught may not fall and false alarms may not rise.
const current = {};
for (const lang of ['fr', 'en']) {
  const r = json.results[lang];
  current[lang] = {
    caught: r.caught_rate,
    false_alarm: r.false_alarm_rate,
    recall: Object.fromEntries(Object.entries(r.cats).map(([c, m]) => [c, m.recall])),
  };
}
const ratchet = { what: 'k-fold cross-validated figures on dev+train (npm run eval)', extra, ...current };
if (flags.has('--update-ratchet')) {
  writeFileSync(ratchetFile, JSON.stringify(ratchet, null, 2) + '\n');
  console.log(`\nratchet updated: ${ratchetFile}`);
}
if (flags.has('--ratchet')) {
  const floor = JSON.parse(readFileSync(ratchetFile, 'utf8'));
  const EPS = 1e-9;
  const problems = [];
  for (const lang of ['fr', 'en']) {
    const f = floor[lang];
    const c = current[lang];
    if (c.caught + EPS < f.caught) problems.push(`${lang}: caught ${(100 * c.caught).toFixed(1)}% < ratchet ${(100 * f.caught).toFixed(1)}%`);
    if (c.false_alarm > f.false_alarm + EPS) problems.push(`${lang}: false alarms ${(100 * c.false_alarm).toFixed(1)}% > ratchet ${(100 * f.false_alarm).toFixed(1)}%`);
  }
  if (problems.length) {
    console.error(`\nThe cross-validated score fell below the ratchet (tests/ratchet.json):\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log('\nratchet: the cross-validated score is at or above tests/ratchet.json');
}
