import type { Normalized } from './normalize';

export interface Sentence {
  /** [start, end) in the folded text. */
  start: number;
  end: number;
}

// Words after which a period does not end a sentence (folded): titles, initials, "p. ex.", "no.".
const ABBREV = new Set(['dr', 'dre', 'm', 'mm', 'mme', 'mmes', 'mlle', 'mr', 'mrs', 'ms', 'st', 'ste', 'no', 'p', 'ex', 'etc', 'vs', 'e', 'g', 'i', 'jr', 'sr', 'prof', 'art', 'av', 'boul', 'ch', 'rd', 'ave', 'inc', 'ltee', 'cf', 'approx', 'min', 'h', 'env']);

/**
 * Splits folded text into sentences: at . ! ? … followed by a space and not after an
 * abbreviation or a single initial, and at every line break. Linear.
 */
export function splitSentences(norm: Normalized): Sentence[] {
  const t = norm.text;
  const out: Sentence[] = [];
  let start = 0;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    let cut = -1;
    if (c === 10) cut = i + 1;
    else if (c === 46 /* . */ || c === 33 || c === 63 || c === 0x2026) {
      let j = i + 1;
      while (j < n && '.!?\u2026)"\''.includes(t[j]!)) j++;
      if (j >= n || t[j] === ' ' || t[j] === '\n') {
        if (c === 46 && j === i + 1) {
          // "Dr. Lavallée", "A. & R.": not the end of a sentence. The word is read as the patterns
          // read it (folded Latin letters; other scripts separate words), since their gaps may cross
          // the period of an initial: cutting there would let a match reach into the next sentence
          // ("שM. G., 74 ans").
          let k = i;
          while (k > 0 && /[a-z]/.test(t[k - 1]!)) k--;
          const w = t.slice(k, i);
          if (ABBREV.has(w) || w.length === 1) continue;
        }
        cut = j;
        i = j - 1;
      }
    }
    if (cut >= 0) {
      if (cut > start) out.push({ start, end: cut });
      start = cut;
    }
  }
  if (start < n) out.push({ start, end: n });
  return out;
}
