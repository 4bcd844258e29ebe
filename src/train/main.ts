/**
 * npm run train [-- --no-extra] [--out FILE]
 * Trains the learned layer on ../shared/corpus/{dev,train}.jsonl (+ corpus/*.jsonl, our own
 * labelled posts), fits the combiner on out-of-fold scores, and writes the model file
 * (public/model/balise-model.bin). Same data, same bytes.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import bundle from '../engine/generated/rules.json';
import type { RuleBundle } from '../engine/types';
import { decodeModel, scoreText } from '../engine/learned/model';
import { CONFIG, decide, exportModel, fit, fitCombiner, foldsOf, outOfFold, predict, prepare, readCorpus, type Prepared, type Scored } from './pipeline';

export function corpusFiles(root: string, extra: boolean): string[] {
  const shared = join(root, '../shared/corpus');
  const files = [join(shared, 'dev.jsonl'), join(shared, 'train.jsonl')];
  for (const f of files) if (!existsSync(f)) throw new Error(`corpus not found: ${f} (../shared must sit beside the project)`);
  const own = join(root, 'corpus');
  if (extra && existsSync(own)) for (const n of readdirSync(own).sort()) if (n.endsWith('.jsonl')) files.push(join(own, n));
  return files;
}

/**
 * A quick, optimistic figure for comparing settings while developing (the combiner is fitted on
 * the other folds' out-of-fold scores, but those came from models that saw this fold): never a
 * result. The honest figure is `npm run eval`'s nested cross-validation.
 */
function quickEstimate(data: Prepared[], oof: Scored[], folds: number[]): string {
  const got = data.map(() => new Set<string>());
  for (let f = 0; f < CONFIG.folds; f++) {
    const rest = data.map((_, i) => i).filter((i) => folds[i] !== f);
    const comb = fitCombiner(rest.map((i) => data[i]!), rest.map((i) => oof[i]!));
    data.forEach((d, i) => {
      if (folds[i] === f) got[i] = decide(comb, d, oof[i]!);
    });
  }
  const parts = (['fr', 'en'] as const).map((lang) => {
    let viol = 0, caught = 0, clean = 0, fa = 0;
    data.forEach((d, i) => {
      if (d.post.lang !== lang || d.post.file.includes('/corpus/extra')) return;
      if (d.post.expect.length) {
        viol++;
        if (d.post.expect.some((c) => got[i]!.has(c))) caught++;
      } else {
        clean++;
        if (got[i]!.size) fa++;
      }
    });
    return `${lang} ${((100 * caught) / viol).toFixed(1)} % caught, ${((100 * fa) / clean).toFixed(1)} % false alarms`;
  });
  return `quick estimate (optimistic, for comparing settings; npm run eval gives the real figure): ${parts.join('; ')}`;
}

export async function train(root: string, argv: string[]): Promise<number> {
  const extra = !argv.includes('--no-extra');
  const outIdx = argv.indexOf('--out');
  const out = outIdx >= 0 ? argv[outIdx + 1]! : join(root, 'public/model/balise-model.bin');
  const files = corpusFiles(root, extra);
  const posts = files.flatMap(readCorpus);
  const log = (s: string) => process.stderr.write(s + '\n');
  log(`train: ${posts.length} posts from ${files.map((f) => relative(root, f)).join(', ')}`);
  const t0 = Date.now();
  const data = await prepare(posts, bundle as unknown as RuleBundle);
  log(`train: rules and features in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${data.reduce((n, d) => n + d.bag.length, 0)} windows`);
  const folds = foldsOf(data, CONFIG.folds);
  log(`train: ${CONFIG.folds}-fold out-of-fold scores for the combiner`);
  const oof = outOfFold(data, folds, CONFIG.folds, log);
  const comb = fitCombiner(data, oof);
  log(`train: ${quickEstimate(data, oof, folds)}`);
  log(`train: final model on all ${data.length} posts`);
  const fitted = fit(data);
  const bytes = exportModel(fitted, comb, { posts: data.length, files: files.map((f) => relative(root, f)) });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  // Check what was written: it decodes, and its quantised scores follow the float model's.
  const m = decodeModel(bytes);
  let worst = 0;
  for (let i = 0; i < data.length; i += 7) {
    const d = data[i]!;
    if (d.hits.length) continue; // rule features need the engine; compared on posts without hits
    const a = predict(fitted, d).p;
    const b = scoreText(m, d.post.text, d.post);
    for (let c = 0; c < a.length; c++) worst = Math.max(worst, Math.abs(a[c]! - b.p[c]!));
  }
  log(`train: wrote ${relative(root, out)}: ${m.header.features} features, ${(bytes.length / 1024).toFixed(0)} KB (${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KB gzip); ${comb.standAlone.length} rules stand alone; quantised vs float scores: max difference ${worst.toFixed(3)}; ${((Date.now() - t0) / 1000).toFixed(0)} s in all`);
  log('train: cross-validated figures: npm run eval');
  return 0;
}
