/**
 * The learned layer's trainer: TF-IDF over hashed features, one class-balanced logistic
 * regression per category, fitted by AdaGrad in a seeded order (same data → same weights).
 */

export interface Doc {
  /** Sorted unique feature hashes. */
  keys: Uint32Array;
  /** How often each appears. */
  counts: Uint16Array;
  /** Context features (account, platform): plain indicators outside the normalised vector. */
  context: Uint32Array;
}

export function toDoc(hashes: number[], context: readonly number[] = []): Doc {
  const sorted = Uint32Array.from(hashes).sort();
  let u = 0;
  const keys = new Uint32Array(sorted.length);
  const counts = new Uint16Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    if (u > 0 && keys[u - 1] === sorted[i]) counts[u - 1] = Math.min(65535, counts[u - 1]! + 1);
    else {
      keys[u] = sorted[i]!;
      counts[u] = 1;
      u++;
    }
  }
  return { keys: keys.slice(0, u), counts: counts.slice(0, u), context: Uint32Array.from(context) };
}

export interface Vocab {
  /** Sorted feature hashes. */
  keys: Uint32Array;
  idf: Float32Array;
  index: Map<number, number>;
  /**
   * Vectors are divided by max(their norm, this): a text shorter than most is not blown up to
   * full length, so a five-word post cannot score like a paragraph (0 until set).
   */
  normFloor: number;
  /** Texts with a norm below this are too short for the model to raise a finding alone (0 until set). */
  solidNorm: number;
}

export function buildVocab(docs: Doc[], minDf: number, keep?: (k: number) => boolean): Vocab {
  const df = new Map<number, number>();
  for (const d of docs) {
    for (const k of d.keys) df.set(k, (df.get(k) ?? 0) + 1);
    for (const k of new Set(d.context)) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const keys = Uint32Array.from([...df].filter(([k, n]) => n >= minDf && (!keep || keep(k))).map(([k]) => k)).sort();
  const n = docs.length;
  const idf = new Float32Array(keys.length);
  const index = new Map<number, number>();
  keys.forEach((k, i) => {
    idf[i] = Math.log((n + 1) / (df.get(k)! + 1)) + 1;
    index.set(k, i);
  });
  return { keys, idf, index, normFloor: 0, solidNorm: 0 };
}

export interface Vec {
  idx: Int32Array;
  val: Float32Array;
}

/** The raw TF-IDF norm of a document (for choosing the floor). */
export function rawNorm(d: Doc, v: Vocab): number {
  let norm = 0;
  for (let i = 0; i < d.keys.length; i++) {
    const j = v.index.get(d.keys[i]!);
    if (j === undefined) continue;
    const x = (1 + Math.log(d.counts[i]!)) * v.idf[j]!;
    norm += x * x;
  }
  return Math.sqrt(norm);
}

/** Sublinear TF × IDF, L2-normalised (with the vocabulary's floor), over the vocabulary's features only. */
export function vectorize(d: Doc, v: Vocab): Vec {
  const idx: number[] = [];
  const val: number[] = [];
  let norm = 0;
  for (let i = 0; i < d.keys.length; i++) {
    const j = v.index.get(d.keys[i]!);
    if (j === undefined) continue;
    const x = (1 + Math.log(d.counts[i]!)) * v.idf[j]!;
    idx.push(j);
    val.push(x);
    norm += x * x;
  }
  norm = Math.max(Math.sqrt(norm), v.normFloor) || 1;
  const n = idx.length;
  for (const k of d.context) {
    const j = v.index.get(k);
    if (j === undefined) continue;
    idx.push(j);
    val.push(1);
  }
  return { idx: Int32Array.from(idx), val: Float32Array.from(val, (x, i) => (i < n ? x / norm : x)) };
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LinearOptions {
  epochs: number;
  lr: number;
  l2: number;
  seed: number;
  /** Learn an intercept per category (false: the context indicators carry the offsets, under L2). */
  bias: boolean;
}

export interface Linear {
  /** [feature × K] row-major. */
  w: Float32Array;
  b: Float32Array;
  k: number;
}

/**
 * Multiple-instance training (max pooling): a post is a bag of windows (a short post is one
 * window) and its score for a category is its best window's. A window of a post without the
 * category is a negative; a post with it lends its label to its best-scoring window, chosen again
 * every epoch (the first epoch learns from one-window posts only).
 */
export function trainBags(
  bags: Vec[][], y: number[], k: number, nFeat: number, o: LinearOptions,
  applies?: (c: number, bag: number) => boolean,
): Linear {
  const m: Linear = { w: new Float32Array(nFeat * k), b: new Float32Array(k), k };
  const { w, b } = m;
  const g2 = new Float32Array(nFeat * k).fill(1e-6);
  const gb = new Float32Array(k).fill(1e-6);
  const pos = new Float64Array(k);
  const tot = new Float64Array(k);
  for (let i = 0; i < bags.length; i++) {
    for (let c = 0; c < k; c++) {
      if (applies && !applies(c, i)) continue;
      tot[c] = tot[c]! + 1;
      if (y[i]! & (1 << c)) pos[c] = pos[c]! + 1;
    }
  }
  const wPos = Array.from({ length: k }, (_, c) => (pos[c] ? tot[c]! / (2 * pos[c]!) : 0));
  const wNeg = Array.from({ length: k }, (_, c) => (tot[c]! - pos[c]! ? tot[c]! / (2 * (tot[c]! - pos[c]!)) : 0));
  // Instances: [bag, window].
  const inst: [number, number][] = [];
  bags.forEach((bag, i) => bag.forEach((_, j) => inst.push([i, j])));
  const rand = rng(o.seed);
  const z = new Float64Array(k);
  const weight = new Float64Array(k);
  const chosen = bags.map(() => new Int32Array(k).fill(-1));
  const score = (x: Vec, c: number) => {
    let s = b[c]!;
    for (let t = 0; t < x.idx.length; t++) s += w[x.idx[t]! * k + c]! * x.val[t]!;
    return s;
  };
  for (let e = 0; e < o.epochs; e++) {
    // Each positive bag's best window, under the current weights.
    for (let i = 0; i < bags.length; i++) {
      const bag = bags[i]!;
      for (let c = 0; c < k; c++) {
        if (!(y[i]! & (1 << c))) continue;
        if (bag.length === 1) chosen[i]![c] = 0;
        else if (e === 0) chosen[i]![c] = -1;
        else {
          let best = 0;
          let bs = -Infinity;
          for (let j = 0; j < bag.length; j++) {
            const s = score(bag[j]!, c);
            if (s > bs) {
              bs = s;
              best = j;
            }
          }
          chosen[i]![c] = best;
        }
      }
    }
    for (let i = inst.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [inst[i], inst[j]] = [inst[j]!, inst[i]!];
    }
    for (const [i, j] of inst) {
      const { idx, val } = bags[i]![j]!;
      let any = false;
      for (let c = 0; c < k; c++) {
        weight[c] = 0;
        if (applies && !applies(c, i)) continue;
        if (y[i]! & (1 << c)) {
          if (chosen[i]![c] !== j) continue;
          weight[c] = wPos[c]!;
        } else weight[c] = -wNeg[c]!;
        any = true;
      }
      if (!any) continue;
      for (let c = 0; c < k; c++) z[c] = b[c]!;
      for (let t = 0; t < idx.length; t++) {
        const base = idx[t]! * k;
        const x = val[t]!;
        for (let c = 0; c < k; c++) z[c] = z[c]! + w[base + c]! * x;
      }
      for (let c = 0; c < k; c++) {
        const wt = weight[c]!;
        if (wt === 0) {
          z[c] = 0;
          continue;
        }
        const yc = wt > 0 ? 1 : 0;
        const p = 1 / (1 + Math.exp(-z[c]!));
        z[c] = (p - yc) * Math.abs(wt);
        if (o.bias) {
          gb[c] = gb[c]! + z[c]! * z[c]!;
          b[c] = b[c]! - (o.lr * z[c]!) / Math.sqrt(gb[c]!);
        }
      }
      for (let t = 0; t < idx.length; t++) {
        const base = idx[t]! * k;
        const x = val[t]!;
        for (let c = 0; c < k; c++) {
          if (weight[c] === 0) continue;
          const q = base + c;
          const g = z[c]! * x + o.l2 * w[q]!;
          g2[q] = g2[q]! + g * g;
          w[q] = w[q]! - (o.lr * g) / Math.sqrt(g2[q]!);
        }
      }
    }
  }
  return m;
}
