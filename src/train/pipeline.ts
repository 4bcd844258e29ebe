/**
 * `npm run train` and the cross-validated `npm run eval`: corpora → rule hits → windows →
 * model → combiner. Everything is seeded and ordered, so the same data gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createEngine } from '../engine/index';
import { normalize, toFolded } from '../engine/normalize';
import { splitSentences } from '../engine/sentences';
import { CATEGORIES, type Category, type Lang, type RuleBundle } from '../engine/types';
import { encodeModel, windowFeatures, windowIndicators, windowsOf, type CombinerCell, type ModelHeader, type RuleHit } from '../engine/learned/model';
import { contextFeatures, FEATURE_VERSION } from '../engine/learned/features';
import { buildVocab, rawNorm, rng, toDoc, trainBags, vectorize, type Doc, type Linear, type Vocab } from './linear';

export interface Post {
  id: string;
  lang: Lang;
  platform: string;
  account: string;
  text: string;
  expect: Category[];
  file: string;
}

export interface Prepared {
  post: Post;
  /** Rule findings (warning and error) before any combining, as the engine's rules give them. */
  hits: { ruleId: string; category: Category }[];
  bag: Doc[];
  /** Training-only negatives: the sentences of an acceptable post, each alone. */
  aug: Doc[];
  /** Bitmask of expected categories (CATEGORIES order). */
  y: number;
  long: boolean;
}

export const K = CATEGORIES.length;
export const ACCOUNT_ONLY: Partial<Record<Category, string>> = { 'work-on-personal': 'personal', 'personal-on-professional': 'professional' };
const ACCOUNT_COL = CATEGORIES.map((c) => ACCOUNT_ONLY[c]);
export const applies = (c: number, account: string) => !ACCOUNT_COL[c] || ACCOUNT_COL[c] === account;

/** The settings of the shipped model; CV and the final fit use the same. */
export const CONFIG = {
  single: 400,
  window: 240,
  minDf: 3,
  epochs: 8,
  lr: 0.5,
  l2: 1e-4,
  bias: true,
  seed: 1,
  folds: 5,
  /** Each sentence of an acceptable post also trains as a negative: short benign texts read as benign. */
  augmentClean: true,
  /** Share of training windows whose norm is below the floor (see Vocab.normFloor). */
  normFloorQuantile: 0.1,
  /** Share of training windows too short for the model to raise a finding alone (shorter than almost every post it learned from). */
  solidQuantile: 0.02,
  /** How much a false alarm on an acceptable post costs against one caught category (the combiner's utility). */
  falseAlarmCost: 6,
  /** …and a wrong category on a post that does break another guideline. */
  wrongCategoryCost: 2,
  /** A rule stands alone when this share of its hits, in the training folds, are right (and it fired ≥ 5 times). */
  standAlonePrecision: 0.9,
  /** A (category, language, length) cell with fewer positive posts than this takes the thresholds fitted over both lengths. */
  minCellPositives: 25,
};

export function readCorpus(file: string): Post[] {
  const out: Post[] = [];
  readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let p: any;
    try {
      p = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof p?.text !== 'string' || !Array.isArray(p.expect) || (p.lang !== 'fr' && p.lang !== 'en')) throw new Error(`${file}:${i + 1}: needs text, lang (fr|en) and expect`);
    for (const c of p.expect) if (!(CATEGORIES as readonly string[]).includes(c)) throw new Error(`${file}:${i + 1}: unknown category ${c}`);
    out.push({ id: String(p.id), lang: p.lang, platform: p.platform ?? 'unknown', account: p.account ?? 'unknown', text: p.text, expect: p.expect, file });
  });
  return out;
}

export async function prepare(posts: Post[], bundle: RuleBundle): Promise<Prepared[]> {
  const rules = createEngine(bundle);
  const out: Prepared[] = [];
  for (const post of posts) {
    const raw = (await rules.analyze(post.text, { account: post.account as any, platform: post.platform })).filter((f) => f.severity !== 'info');
    const norm = normalize(post.text);
    const hits: RuleHit[] = raw.map((f) => {
      const [start, end] = toFolded(norm, f.start, f.end);
      return { ruleId: f.ruleId, category: f.category, start, end };
    });
    const wins = windowsOf(norm.text, splitSentences(norm), CONFIG.single, CONFIG.window);
    const context = contextFeatures(post);
    const bag = wins.map((w) => toDoc(windowFeatures(norm.text, w), windowIndicators(w, context, hits)));
    const y = post.expect.reduce((m, c) => m | (1 << CATEGORIES.indexOf(c)), 0);
    const sentences = splitSentences(norm).filter((s) => /[a-z]/.test(norm.text.slice(s.start, s.end)));
    const aug = CONFIG.augmentClean && y === 0 && sentences.length > 1 ? sentences.map((s) => toDoc(windowFeatures(norm.text, s), windowIndicators(s, context, hits))) : [];
    out.push({ post, hits: raw.map((f) => ({ ruleId: f.ruleId, category: f.category })), bag, aug, y, long: norm.text.length > CONFIG.single });
  }
  return out;
}

export interface Fitted {
  vocab: Vocab;
  model: Linear;
}

export function fit(data: Prepared[]): Fitted {
  const docs = data.flatMap((d) => d.bag);
  const vocab = buildVocab(docs, CONFIG.minDf);
  const norms = docs.map((d) => rawNorm(d, vocab)).sort((a, b) => a - b);
  vocab.normFloor = norms[Math.floor(CONFIG.normFloorQuantile * (norms.length - 1))] ?? 0;
  vocab.solidNorm = norms[Math.floor(CONFIG.solidQuantile * (norms.length - 1))] ?? 0;
  // Bags: each post's windows, then each augmenting sentence as a one-window negative bag of its post.
  const owner = data.flatMap((d, i) => [i, ...d.aug.map(() => i)]);
  const bags = data.flatMap((d) => [d.bag.map((doc) => vectorize(doc, vocab)), ...d.aug.map((doc) => [vectorize(doc, vocab)])]);
  const y = data.flatMap((d) => [d.y, ...d.aug.map(() => 0)]);
  const model = trainBags(bags, y, K, vocab.keys.length, CONFIG, (c, i) => applies(c, data[owner[i]!]!.post.account));
  return { vocab, model };
}

/** A post's scores: its best window's probability per category, and whether the model may speak alone. */
export interface Scored {
  p: Float64Array;
  /**
   * Some window is at least as long as almost every window the model learned from
   * (Vocab.solidNorm): shorter than that it extrapolates, so it raises nothing alone (it still
   * confirms or holds back rule hits: a sacre about the weather stays quiet).
   */
  solid: boolean;
}

export function predict(f: Fitted, d: Prepared): Scored {
  const { w, b, k } = f.model;
  const best = new Float64Array(K).fill(-Infinity);
  let solid = false;
  for (const doc of d.bag) {
    if (rawNorm(doc, f.vocab) >= f.vocab.solidNorm) solid = true;
    const x = vectorize(doc, f.vocab);
    for (let c = 0; c < k; c++) {
      let s = b[c]!;
      for (let t = 0; t < x.idx.length; t++) s += w[x.idx[t]! * k + c]! * x.val[t]!;
      if (s > best[c]!) best[c] = s;
    }
  }
  return { p: best.map((s) => 1 / (1 + Math.exp(-s))), solid };
}

/** Out-of-fold probabilities: each post scored by a model that never saw it. */
export function outOfFold(data: Prepared[], folds: number[], k: number, log?: (s: string) => void): Scored[] {
  const out: Scored[] = new Array(data.length);
  for (let f = 0; f < k; f++) {
    const train = data.filter((_, i) => folds[i] !== f);
    const t0 = Date.now();
    const m = fit(train);
    data.forEach((d, i) => {
      if (folds[i] === f) out[i] = predict(m, d);
    });
    log?.(`  fold ${f + 1}/${k}: ${train.length} posts, ${m.vocab.keys.length} features, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return out;
}

/** Fold of each post: round robin over a seeded shuffle, stratified by language. */
export function foldsOf(data: Prepared[], k: number, seed = 7): number[] {
  const idx = data.map((_, i) => i);
  const rand = rng(seed);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  const folds = new Array<number>(data.length);
  const next = { fr: 0, en: 0 };
  for (const i of idx) folds[i] = next[data[i]!.post.lang]++ % k;
  return folds;
}

export interface Combiner {
  standAlone: string[];
  /** cells[category][lang + (long ? ':long' : '')] */
  cells: Record<string, Record<string, CombinerCell>>;
}

const GRID = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.96, 0.98, 1.01];
export const cellKey = (lang: Lang, long: boolean) => (long ? `${lang}:long` : lang);

/**
 * Fits the combiner on scored posts (each score from a model that did not see the post): which
 * rules stand alone, and per category, language and length the two thresholds that maximise
 * caught categories minus the cost of false alarms.
 */
export function fitCombiner(data: Prepared[], probs: Scored[]): Combiner {
  const stats = new Map<string, { n: number; ok: number }>();
  for (const d of data) {
    for (const h of d.hits) {
      const s = stats.get(h.ruleId) ?? { n: 0, ok: 0 };
      s.n++;
      if (d.post.expect.includes(h.category)) s.ok++;
      stats.set(h.ruleId, s);
    }
  }
  const standAlone = [...stats].filter(([, s]) => s.n >= 5 && s.ok / s.n >= CONFIG.standAlonePrecision).map(([id]) => id).sort();
  const strong = new Set(standAlone);
  const cells: Combiner['cells'] = {};
  /** The two thresholds that maximise the utility over rows (ties keep the stricter pair). */
  const best = (rows: { gain: number; s: boolean; r: boolean; p: number; solid: boolean }[]): CombinerCell => {
    let top = { u: -Infinity, withRule: 1.01, alone: 1.01 };
    for (const a of GRID) {
      for (const b of GRID) {
        if (b < a) continue;
        let u = 0;
        for (const x of rows) if (x.s || (x.r && x.p >= a) || (x.solid && x.p >= b)) u += x.gain;
        if (u > top.u + 1e-9) top = { u, withRule: a, alone: b };
      }
    }
    return { withRule: top.withRule, alone: top.alone };
  };
  CATEGORIES.forEach((cat, c) => {
    cells[cat] = {};
    for (const lang of ['fr', 'en'] as const) {
      const rows = (long: boolean | null) => {
        const out: { gain: number; s: boolean; r: boolean; p: number; solid: boolean; pos: number }[] = [];
        data.forEach((d, i) => {
          if (d.post.lang !== lang || (long !== null && d.long !== long) || !applies(c, d.post.account)) return;
          const mine = d.hits.filter((h) => h.category === cat);
          const yes = (d.y >> c) & 1;
          out.push({
            gain: yes ? 1 : d.y === 0 ? -CONFIG.falseAlarmCost : -CONFIG.wrongCategoryCost,
            s: mine.some((h) => strong.has(h.ruleId)),
            r: mine.length > 0,
            p: probs[i]!.p[c]!,
            solid: probs[i]!.solid,
            pos: yes,
          });
        });
        return out;
      };
      const pooled = best(rows(null));
      for (const long of [false, true]) {
        const r = rows(long);
        // Too few examples of the category at this length: the thresholds of both lengths together.
        const own = r.reduce((n, x) => n + x.pos, 0) >= CONFIG.minCellPositives ? best(r) : pooled;
        cells[cat]![cellKey(lang, long)] = own;
      }
    }
  });
  return { standAlone, cells };
}

/** The categories the combiner raises on a post. */
export function decide(comb: Combiner, d: Prepared, scored: Scored): Set<Category> {
  const p = scored.p;
  const out = new Set<Category>();
  const strong = new Set(comb.standAlone);
  CATEGORIES.forEach((cat, c) => {
    if (!applies(c, d.post.account)) return;
    const cell = comb.cells[cat]![cellKey(d.post.lang, d.long)]!;
    const mine = d.hits.filter((h) => h.category === cat);
    if (mine.some((h) => strong.has(h.ruleId)) || (mine.length && p[c]! >= cell.withRule) || (scored.solid && p[c]! >= cell.alone)) out.add(cat);
  });
  return out;
}

/** Quantises a fitted model and writes the model file. */
export function exportModel(f: Fitted, comb: Combiner, trainedOn: ModelHeader['trainedOn'], cv?: unknown): Uint8Array {
  const { w, b, k } = f.model;
  const n = f.vocab.keys.length;
  const scales = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) scales[c] = Math.max(scales[c]!, Math.abs(w[i * k + c]!));
  for (let c = 0; c < k; c++) scales[c] = (scales[c]! || 1) / 127;
  // Features whose every weight rounds to zero are left out of the file.
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    let any = false;
    for (let c = 0; c < k && !any; c++) any = Math.round(w[i * k + c]! / scales[c]!) !== 0;
    if (any) keep.push(i);
  }
  const keys = Uint32Array.from(keep, (i) => f.vocab.keys[i]!);
  const idf = Float32Array.from(keep, (i) => f.vocab.idf[i]!);
  const q = new Int8Array(keep.length * k);
  keep.forEach((i, r) => {
    for (let c = 0; c < k; c++) q[r * k + c] = Math.max(-127, Math.min(127, Math.round(w[i * k + c]! / scales[c]!)));
  });
  const header: ModelHeader = {
    featureVersion: FEATURE_VERSION,
    categories: [...CATEGORIES],
    accountOnly: ACCOUNT_ONLY,
    scales: scales.map((s) => +s.toPrecision(8)),
    bias: Array.from(b, (x) => +x.toPrecision(8)),
    single: CONFIG.single,
    window: CONFIG.window,
    normFloor: +f.vocab.normFloor.toPrecision(6),
    solidNorm: +f.vocab.solidNorm.toPrecision(6),
    features: keep.length,
    standAlone: comb.standAlone,
    combiner: comb.cells as ModelHeader['combiner'],
    trainedOn,
    cv,
  };
  return encodeModel(header, keys, idf, q);
}
