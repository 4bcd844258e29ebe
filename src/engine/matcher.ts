/**
 * Pattern matching over folded text, run only where a pattern can start.
 *
 * Every pattern list of the rule bundle (a rule's groups, its `unless` lists, the shared
 * suppression cues) is a PatternSet: one regex per pattern, with the words it can start with.
 * One trie over all trigger words is walked once per word of a post; each hit records "pattern k
 * of set s may start here". A set is then matched by trying only those patterns, sticky, at those
 * positions; a set no word of the post triggers costs nothing. Patterns that start with a symbol
 * ("📍", "@") have no trigger word and are scanned for.
 */
import type { PatternSet, Triggers } from './types';

/** Flat match list: [start, end, start, end, …] in folded offsets, non-overlapping, by position. */
export type Spans = number[];

export interface Matcher {
  readonly id: number;
  readonly sticky: RegExp[];
  /** Per pattern: the guard id whose words must be in the post (-1: none). */
  readonly guard: Int32Array;
  /** The patterns without trigger words, as one global regex (null: none). */
  readonly scan: RegExp | null;
}

interface Node {
  next: Map<number, Node>;
  /**
   * Packed (set id, pattern index) pairs whose trigger is this prefix (`word*`) … Negative
   * codes are guards: -(guard id + 1).
   */
  pre: number[];
  /** … or this exact word. */
  ex: number[];
}

/** What one pass over a post's words found. */
export interface Hits {
  /** Per matcher id: packed (position, pattern index) entries where a pattern may start. */
  sets: (number[] | undefined)[];
  /** Per guard id: 1 when one of its words is in the post. */
  guards: Uint8Array;
}

const K = 4096;
const node = (): Node => ({ next: new Map(), pre: [], ex: [] });

export class MatcherIndex {
  private root = node();
  private digit: number[] = [];
  /** Patterns starting with a symbol, by the symbol's first UTF-16 unit. */
  private symbol = new Map<number, number[]>();
  private byKey = new Map<string, Matcher>();
  private guards = 0;
  readonly matchers: Matcher[] = [];

  /** The matcher for `set`, shared with every identical set (null for an empty set). */
  add(set: PatternSet): Matcher | null {
    if (!set.length) return null;
    const key = set.map((a) => a.src).join('\u0000');
    const known = this.byKey.get(key);
    if (known) return known;
    if (set.length >= K) throw new Error(`a pattern list has ${set.length} patterns (limit ${K - 1})`);
    const id = this.matchers.length;
    const scanned = set.filter((a) => !a.t).map((a) => a.src);
    const m: Matcher = {
      id,
      sticky: set.map((a) => new RegExp(a.src, 'uy')),
      guard: new Int32Array(set.length).fill(-1),
      scan: scanned.length ? new RegExp(scanned.length === 1 ? scanned[0]! : `(?:${scanned.join('|')})`, 'gu') : null,
    };
    set.forEach((a, k) => {
      if (!a.t) return;
      this.register(a.t, id * K + k);
      if (a.g) {
        m.guard[k] = this.guards;
        this.register(a.g, -(this.guards + 1));
        this.guards++;
      }
    });
    this.matchers.push(m);
    this.byKey.set(key, m);
    return m;
  }

  private register(t: Triggers, code: number) {
    for (const w of t.e) this.walk(w).ex.push(code);
    for (const w of t.p) this.walk(w).pre.push(code);
    if (t.d) this.digit.push(code);
    for (const c of t.s ?? []) {
      const list = this.symbol.get(c);
      if (list) list.push(code);
      else this.symbol.set(c, [code]);
    }
  }

  private walk(word: string): Node {
    let n = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let next = n.next.get(c);
      if (!next) n.next.set(c, (next = node()));
      n = next;
    }
    return n;
  }

  /** Where each set's patterns may start in `text`, and which guards are present. One pass over the words. */
  hits(text: string): Hits {
    const out: (number[] | undefined)[] = new Array(this.matchers.length);
    const guards = new Uint8Array(this.guards);
    const put = (codes: number[], pos: number) => {
      for (const c of codes) {
        if (c < 0) {
          guards[-c - 1] = 1;
          continue;
        }
        const id = (c / K) | 0;
        (out[id] ??= []).push(pos * K + (c - id * K));
      }
    };
    const n = text.length;
    let i = 0;
    while (i < n) {
      // Words are runs of \w (folded text: ASCII letters, digits, underscore never survives folding).
      let c = text.charCodeAt(i);
      if (!isWord(c)) {
        if (c > 32 && this.symbol.size) {
          const codes = this.symbol.get(c);
          if (codes) put(codes, i);
        }
        i++;
        continue;
      }
      const pos = i;
      if (c >= 48 && c <= 57 && this.digit.length) put(this.digit, pos);
      let nd: Node | undefined = this.root;
      for (;;) {
        nd = nd?.next.get(c);
        if (nd?.pre.length) put(nd.pre, pos);
        i++;
        c = i < n ? text.charCodeAt(i) : 0;
        if (!isWord(c)) break;
      }
      if (nd?.ex.length) put(nd.ex, pos);
    }
    return { sets: out, guards };
  }
}

function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;
}

/** All matches of matcher `m` in `text`, given the post's hits (see MatcherIndex.hits). */
export function matchAll(m: Matcher, text: string, hits: Hits): Spans {
  const out: Spans = [];
  const entries = hits.sets[m.id];
  if (entries) {
    if (entries.length > 1) entries.sort((a, b) => a - b);
    let last = -1;
    for (const e of entries) {
      const pos = Math.floor(e / K);
      if (pos < last) continue;
      const k = e - pos * K;
      const g = m.guard[k]!;
      if (g >= 0 && !hits.guards[g]) continue;
      const re = m.sticky[k]!;
      re.lastIndex = pos;
      const x = re.exec(text);
      if (x && x[0].length) {
        out.push(pos, pos + x[0].length);
        last = pos + x[0].length;
      }
    }
  }
  if (!m.scan) return out;
  const scanned: Spans = [];
  const re = m.scan;
  re.lastIndex = 0;
  for (let x = re.exec(text); x; x = re.exec(text)) {
    if (x[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    scanned.push(x.index, x.index + x[0].length);
  }
  if (!out.length) return scanned;
  if (!scanned.length) return out;
  // Merge by start, keeping the earlier (then the triggered) match where two overlap.
  const merged: Spans = [];
  let a = 0;
  let b = 0;
  let last = -1;
  while (a < out.length || b < scanned.length) {
    const takeA = b >= scanned.length || (a < out.length && out[a]! <= scanned[b]!);
    const s = takeA ? out[a]! : scanned[b]!;
    const e = takeA ? out[a + 1]! : scanned[b + 1]!;
    if (takeA) a += 2;
    else b += 2;
    if (s < last) continue;
    merged.push(s, e);
    last = e;
  }
  return merged;
}
