#!/usr/bin/env node
// npm run eval [-- FILE] [--ratchet] [--update-ratchet] [--misses [--only=cat,cat]]
// Runs the engine over a labelled corpus (default ../shared/corpus/dev.jsonl) and prints the score
// from ../shared/tools/score.mjs. --ratchet fails when the score falls below tests/ratchet.json;
// --update-ratchet raises the ratchet to today's score; --misses lists missed and false-alarm posts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCli, ROOT } from './lib.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const corpus = args.find((a) => !a.startsWith('--')) ?? join(ROOT, '../shared/corpus/dev.jsonl');
const scorer = join(ROOT, '../shared/tools/score.mjs');
const ratchetFile = join(ROOT, 'tests/ratchet.json');

if (!existsSync(corpus)) {
  console.error(`eval: corpus not found: ${corpus}\n(the development corpus lives in ../shared beside the project)`);
  process.exit(2);
}
if (!existsSync(scorer)) {
  console.error(`eval: scorer not found: ${scorer}`);
  process.exit(2);
}
await ensureCli();
const out = join(mkdtempSync(join(tmpdir(), 'balise-eval-')), 'findings.jsonl');
const run = spawnSync(process.execPath, [join(ROOT, 'bin/balise.mjs'), '--jsonl', corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(2);
}
writeFileSync(out, run.stdout);
const human = spawnSync(process.execPath, [scorer, corpus, out], { encoding: 'utf8' });
process.stdout.write(human.stdout);
const json = JSON.parse(spawnSync(process.execPath, [scorer, corpus, out, '--json'], { encoding: 'utf8' }).stdout);

// --only=cat1,cat2 limits the --misses listing to those categories (for rule authors).
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
if (flags.has('--misses')) {
  const found = new Map(run.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [r.id, r.findings]));
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
    for (const x of f) if (!p.expect.includes(x.category) && mine(x.category)) console.log(`  > ${x.ruleId}: «${p.text.slice(x.start, x.end)}»`);
  }
}

// The ratchet: per language, caught may not fall and false alarms may not rise; per category, recall may not fall.
const current = {};
for (const lang of ['fr', 'en']) {
  const r = json.results[lang];
  current[lang] = {
    caught: r.caught_rate,
    false_alarm: r.false_alarm_rate,
    recall: Object.fromEntries(Object.entries(r.cats).map(([c, m]) => [c, m.recall])),
  };
}
if (flags.has('--update-ratchet')) {
  writeFileSync(ratchetFile, JSON.stringify(current, null, 2) + '\n');
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
    for (const [cat, r] of Object.entries(f.recall)) {
      if ((c.recall[cat] ?? 0) + EPS < r) problems.push(`${lang}: ${cat} recall ${(100 * (c.recall[cat] ?? 0)).toFixed(1)}% < ratchet ${(100 * r).toFixed(1)}%`);
    }
  }
  if (problems.length) {
    console.error(`\nThe development-corpus score fell below the ratchet (tests/ratchet.json):\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log('\nratchet: the score is at or above tests/ratchet.json');
}
