/**
 * The learned layer's model file and its scorer.
 *
 * File layout (little-endian), written by `npm run train` (src/train/):
 *   "BALM" · u32 format · u32 payload length · u32 FNV-1a of the payload · payload
 *   payload: u32 header length · header (UTF-8 JSON, {@link ModelHeader}) ·
 *            feature hashes (ascending, as LEB128 deltas) · idf (u8, idf × 16) ·
 *            weights (i8, feature-major, one per category; × the category's scale)
 * A file that is cut, altered or of another format throws {@link ModelError}; the engine then
 * runs on its rules alone and says so (see `modelStatus`).
 */
import { normalize } from '../normalize';
import { splitSentences } from '../sentences';
import { CATEGORIES, type Category, type Lang } from '../types';
import { contextFeatures, FEATURE_VERSION, featureHash, tokenFeatures, tokenize, type FeatureContext } from './features';

export const MODEL_FORMAT = 1;
const MAGIC = 0x4d4c4142; // "BALM"

/** The combiner: how rule hits and the model's scores decide, per category and language. */
export interface CombinerCell {
  /** A rule hit of this category stands when the model's score is at least this. */
  withRule: number;
  /** The model alone raises a finding at or above this. */
  alone: number;
}

export interface ModelHeader {
  featureVersion: number;
  categories: Category[];
  /** Categories scored only on posts from that account type. */
  accountOnly: Partial<Record<Category, string>>;
  scales: number[];
  bias: number[];
  /** Windows: posts longer than `single` folded characters are scored by their best window of ≥ `window` characters. */
  single: number;
  window: number;
  /** Text vectors are divided by max(norm, normFloor): short texts are not blown up (the trainer's floor). */
  normFloor: number;
  /** Texts with a norm below this are shorter than almost every window the model learned from: it raises nothing alone on them. */
  solidNorm: number;
  features: number;
  /** Rule ids whose hits stand without the model (identifiers with a checksum, case numbers…). */
  standAlone: string[];
  /** combiner[category][lang] for short posts, [lang + ":long"] for posts scored by windows. */
  combiner: Record<string, Record<string, CombinerCell>>;
  /** What it was trained on and how it scored in cross-validation (for --explain and the README). */
  trainedOn: { posts: number; files: string[] };
  cv?: unknown;
}

export class ModelError extends Error {}

export interface LearnedModel {
  header: ModelHeader;
  /** feature hash → row */
  rows: Map<number, number>;
  idf: Float32Array;
  weights: Int8Array;
  k: number;
}

function fnvBytes(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) {
    h ^= b[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Writes a model file (the trainer's side). */
export function encodeModel(header: ModelHeader, keys: Uint32Array, idf: Float32Array, weights: Int8Array): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify(header));
  const deltas: number[] = [];
  let prev = 0;
  for (const k of keys) {
    let d = k - prev;
    prev = k;
    while (d >= 0x80) {
      deltas.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    deltas.push(d);
  }
  const payload = new Uint8Array(4 + head.length + deltas.length + idf.length + weights.length);
  const dv = new DataView(payload.buffer);
  dv.setUint32(0, head.length, true);
  payload.set(head, 4);
  payload.set(deltas, 4 + head.length);
  let o = 4 + head.length + deltas.length;
  for (let i = 0; i < idf.length; i++) payload[o + i] = Math.max(0, Math.min(255, Math.round(idf[i]! * 16)));
  o += idf.length;
  payload.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.length), o);
  const out = new Uint8Array(16 + payload.length);
  const ov = new DataView(out.buffer);
  ov.setUint32(0, MAGIC, true);
  ov.setUint32(4, MODEL_FORMAT, true);
  ov.setUint32(8, payload.length, true);
  ov.setUint32(12, fnvBytes(payload), true);
  out.set(payload, 16);
  return out;
}

/** Reads a model file; throws ModelError with a plain reason when it is not a whole, known model. */
export function decodeModel(bytes: Uint8Array): LearnedModel {
  if (!(bytes instanceof Uint8Array) || bytes.length < 16) throw new ModelError('the model file is empty or cut short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw new ModelError('this is not a Balise model file');
  if (dv.getUint32(4, true) !== MODEL_FORMAT) throw new ModelError(`model format ${dv.getUint32(4, true)} is not the one this version reads (${MODEL_FORMAT})`);
  const len = dv.getUint32(8, true);
  if (bytes.length !== 16 + len) throw new ModelError('the model file is cut short or has extra bytes');
  const payload = bytes.subarray(16);
  if (fnvBytes(payload) !== dv.getUint32(12, true)) throw new ModelError('the model file is damaged (checksum)');
  const pv = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const hl = pv.getUint32(0, true);
  let header: ModelHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(payload.subarray(4, 4 + hl)));
  } catch {
    throw new ModelError('the model header is not readable');
  }
  if (header.featureVersion !== FEATURE_VERSION) throw new ModelError('the model was trained on other features than this version computes');
  const k = header.categories.length;
  if (!header.categories.every((c) => (CATEGORIES as readonly string[]).includes(c))) throw new ModelError('the model names an unknown category');
  const n = header.features;
  const rows = new Map<number, number>();
  let o = 4 + hl;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    let d = 0;
    let mul = 1;
    for (;;) {
      if (o >= payload.length) throw new ModelError('the model file is cut short');
      const b = payload[o++]!;
      d += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
    }
    prev += d;
    rows.set(prev >>> 0, i);
  }
  if (payload.length - o !== n + n * k) throw new ModelError('the model file does not hold the weights its header announces');
  const idf = new Float32Array(n);
  for (let i = 0; i < n; i++) idf[i] = payload[o + i]! / 16;
  o += n;
  const weights = new Int8Array(payload.buffer, payload.byteOffset + o, n * k);
  return { header, rows, idf, weights, k };
}

export interface Window {
  /** [start, end) in the folded text. */
  start: number;
  end: number;
}

/** The windows a post is scored on: the whole post when short, else runs of sentences of ≥ `minLen` characters. */
export function windowsOf(folded: string, sentences: readonly Window[], single: number, minLen: number): Window[] {
  if (folded.length <= single) return [{ start: 0, end: folded.length }];
  const ss = sentences.filter((s) => /[a-z]/.test(folded.slice(s.start, s.end)));
  const out: Window[] = [];
  // Each window runs from a sentence to the first one that brings it to `minLen`; the next window
  // starts at that last sentence, so neighbouring windows share one sentence.
  for (let i = 0; i < ss.length; ) {
    let j = i;
    while (j + 1 < ss.length && ss[j]!.end - ss[i]!.start < minLen) j++;
    out.push({ start: ss[i]!.start, end: ss[j]!.end });
    if (j === ss.length - 1) break;
    i = j > i ? j : i + 1;
  }
  return out.length ? out : [{ start: 0, end: folded.length }];
}

/** Probabilities per category (model order) for one bag of text features and its plain indicators. */
export function scoreFeatures(m: LearnedModel, features: number[], context: readonly number[], out?: { norm: number }): Float64Array {
  const k = m.k;
  const { scales, bias } = m.header;
  const hashes = Uint32Array.from(features).sort();
  const z = new Float64Array(k);
  const rowsSeen: number[] = [];
  const vals: number[] = [];
  let norm = 0;
  for (let i = 0; i < hashes.length; ) {
    let j = i + 1;
    while (j < hashes.length && hashes[j] === hashes[i]) j++;
    const r = m.rows.get(hashes[i]!);
    if (r !== undefined) {
      const x = (1 + Math.log(j - i)) * m.idf[r]!;
      rowsSeen.push(r);
      vals.push(x);
      norm += x * x;
    }
    i = j;
  }
  // idf is stored at 1/16 precision: the floor is compared with the same quantised values the trainer checked.
  if (out) out.norm = Math.sqrt(norm);
  norm = Math.max(Math.sqrt(norm), m.header.normFloor ?? 0) || 1;
  for (let t = 0; t < rowsSeen.length; t++) {
    const base = rowsSeen[t]! * k;
    const x = vals[t]! / norm;
    for (let c = 0; c < k; c++) z[c] = z[c]! + m.weights[base + c]! * x;
  }
  for (const h of context) {
    const r = m.rows.get(h);
    if (r === undefined) continue;
    for (let c = 0; c < k; c++) z[c] = z[c]! + m.weights[r * k + c]!;
  }
  for (let c = 0; c < k; c++) z[c] = 1 / (1 + Math.exp(-(z[c]! * scales[c]! + bias[c]!)));
  return z;
}

export interface PostScores {
  /** Best window's probability per category (model order). */
  p: Float64Array;
  /**
   * Some window is at least as long as almost every window the model learned from (solidNorm):
   * shorter than that it extrapolates, so it raises nothing alone (it still confirms or holds back rule hits).
   */
  solid: boolean;
  /** For each category, the folded [start, end) of its best window. */
  best: Window[];
}

/** Scores a post: each window's features, the best window per category. */
/**
 * Window scores kept between checks of the same draft (the incremental checker's): typing
 * changes one or two windows, the others are read from here. Keyed by context, the rules that
 * fired in the window and its text.
 */
export type WindowCache = Map<string, Float64Array>;
const WINDOW_CACHE_MAX = 2000;

export function scorePost(m: LearnedModel, folded: string, sentences: readonly Window[], ctx: FeatureContext, hits: readonly RuleHit[] = [], cache?: WindowCache): PostScores {
  const k = m.k;
  const wins = windowsOf(folded, sentences, m.header.single, m.header.window);
  const p = new Float64Array(k).fill(-1);
  const best: Window[] = new Array(k);
  const context = contextFeatures(ctx);
  const ctxKey = `${ctx.account ?? ''}\u0001${ctx.platform ?? ''}`;
  let solid = false;
  const norm = { norm: 0 };
  for (const w of wins) {
    let q: Float64Array | undefined;
    let key = '';
    if (cache) {
      key = ctxKey;
      for (const h of hits) if (h.start < w.end && h.end > w.start) key += `\u0001${h.ruleId}`;
      key += `\u0000${folded.slice(w.start, w.end)}`;
      q = cache.get(key);
      if (q) cache.delete(key); // re-inserted below: most recently used last
    }
    if (!q) {
      q = scoreFeatures(m, windowFeatures(folded, w), windowIndicators(w, context, hits), norm);
      // The last slot of a cached score keeps whether the window was solid.
      q = Float64Array.of(...q, norm.norm >= m.header.solidNorm ? 1 : 0);
    }
    if (q[k] === 1) solid = true;
    if (cache) {
      cache.set(key, q);
      if (cache.size > WINDOW_CACHE_MAX) cache.delete(cache.keys().next().value!);
    }
    for (let c = 0; c < k; c++) {
      if (q[c]! > p[c]!) {
        p[c] = q[c]!;
        best[c] = w;
      }
    }
  }
  return { p, best, solid };
}

/** A rule's hit as the model sees it: its rule id and category, where it stands (folded offsets). */
export interface RuleHit {
  ruleId: string;
  category: string;
  start: number;
  end: number;
}

/** A window's text features: its words, pairs and character n-grams. */
export function windowFeatures(folded: string, w: Window): number[] {
  return tokenFeatures(tokenize(folded.slice(w.start, w.end)), []);
}

/**
 * The window's plain indicators: the post's context and each rule that fired inside the window
 * (the model learns what a rule is worth in context). They stand outside the normalised text
 * vector, so a rule's hit weighs the same in a five-word post and in a long paragraph.
 */
export function windowIndicators(w: Window, context: readonly number[], hits: readonly RuleHit[]): number[] {
  const f = [...context];
  for (const h of hits) {
    if (h.start >= w.end || h.end <= w.start) continue;
    f.push(featureHash(`r:${h.ruleId}`), featureHash(`rc:${h.category}`));
  }
  return f;
}

/** Convenience for tools: scores original text. */
export function scoreText(m: LearnedModel, text: string, ctx: FeatureContext): PostScores {
  const n = normalize(text);
  return scorePost(m, n.text, splitSentences(n), ctx);
}
