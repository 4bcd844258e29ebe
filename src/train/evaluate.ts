/**
 * The honest figures: nested k-fold cross-validation on dev + train. For each outer fold, a
 * model and a combiner are fitted without it (the combiner on inner out-of-fold scores of the
 * other folds), then the fold's posts are decided. Our own labelled posts (corpus/*.jsonl), when
 * used, only ever join the training side; the scored posts are dev + train alone.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bundle from '../engine/generated/rules.json';
import { CATEGORIES, type RuleBundle } from '../engine/types';
import { CONFIG, decide, fit, fitCombiner, foldsOf, outOfFold, predict, prepare, readCorpus, type Prepared } from './pipeline';
import { corpusFiles } from './main';

async function load(root: string, extra: boolean) {
  const files = corpusFiles(root, extra);
  const data = await prepare(files.flatMap(readCorpus), bundle as unknown as RuleBundle);
  const scored = data.map((d) => !d.post.file.includes('/corpus/') || d.post.file.includes('/shared/corpus/'));
  // Folds over the scored posts; own posts get fold -1 (always on the training side).
  const scoredData = data.filter((_, i) => scored[i]);
  const f = foldsOf(scoredData, CONFIG.folds);
  let j = 0;
  const folds = data.map((_, i) => (scored[i] ? f[j++]! : -1));
  return { data, folds };
}

/** One outer fold: the categories decided for each of its posts. */
export async function evalFold(root: string, extra: boolean, fold: number): Promise<{ id: string; cats: string[] }[]> {
  const { data, folds } = await load(root, extra);
  const trainIdx = data.map((_, i) => i).filter((i) => folds[i] !== fold);
  const train = trainIdx.map((i) => data[i]!);
  // Inner folds: the other outer folds (own posts spread over them).
  const inner = trainIdx.map((i, n) => (folds[i]! >= 0 ? (folds[i]! < fold ? folds[i]! : folds[i]! - 1) : n % (CONFIG.folds - 1)));
  const oof = outOfFold(train, inner, CONFIG.folds - 1);
  const comb = fitCombiner(train, oof);
  const m = fit(train);
  return data.flatMap((d: Prepared, i) => (folds[i] === fold ? [{ id: d.post.id, cats: [...decide(comb, d, predict(m, d))] }] : []));
}

/** All folds, two processes at a time; writes findings and the scored corpus for the shared scorer. */
export async function crossValidate(root: string, extra: boolean, script: string, outDir: string, log: (s: string) => void) {
  const { data, folds } = await load(root, extra);
  const results: { id: string; cats: string[] }[][] = [];
  const run = (f: number) =>
    new Promise<void>((resolve, reject) => {
      const t0 = Date.now();
      execFile(process.execPath, [script, '--fold', String(f), ...(extra ? [] : ['--no-extra'])], { maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
        if (err) return reject(new Error(`fold ${f + 1}: ${stderr || err.message}`));
        results[f] = JSON.parse(stdout);
        log(`  fold ${f + 1}/${CONFIG.folds} scored by a model and combiner fitted without it (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
        resolve();
      });
    });
  const queue = Array.from({ length: CONFIG.folds }, (_, f) => f);
  const workers = Array.from({ length: 2 }, async () => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) await run(f);
  });
  await Promise.all(workers);
  const sev = Object.fromEntries(CATEGORIES.map((c) => [c, (bundle as unknown as RuleBundle).categories[c].severity]));
  const corpus = join(outDir, 'cv-corpus.jsonl');
  const findings = join(outDir, 'cv-findings.jsonl');
  writeFileSync(corpus, data.filter((_, i) => folds[i]! >= 0).map((d) => JSON.stringify({ id: d.post.id, lang: d.post.lang, platform: d.post.platform, account: d.post.account, text: d.post.text, expect: d.post.expect })).join('\n') + '\n');
  writeFileSync(findings, results.flat().map((r) => JSON.stringify({ id: r.id, findings: r.cats.map((c) => ({ category: c, severity: sev[c] })) })).join('\n') + '\n');
  return { corpus, findings };
}
