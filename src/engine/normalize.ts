/**
 * Matching form of a post, with offsets kept on the original text.
 *
 * Rules are matched on a folded copy (lower case, no accents, one apostrophe, one kind of
 * space, no zero-width characters, hashtags split into words, letter runs shortened) so that
 * "#ConfidentialitÉ", "confidentialite" and "confidentialitééé" read the same. Every folded
 * UTF-16 unit remembers the [start, end) range of the original text it came from, so a finding
 * highlights exactly the words the user typed.
 */
export interface Normalized {
  /** The folded text. */
  text: string;
  /** For each unit of `text`, the original start offset. */
  starts: Int32Array;
  /** For each unit of `text`, the original end offset (exclusive). */
  ends: Int32Array;
}

const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\ufe00-\ufe0f\u202a-\u202e\u2066-\u2069]/;
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const APOSTROPHE = /['\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032\u201b\uff07]/;
const DQUOTE = /["\u00ab\u00bb\u201c\u201d\u201e\u201f\u2039\u203a\uff02]/;
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const MARKS = /\p{M}/gu;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const SPECIAL: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th' };

const foldCache = new Map<string, string>();
/** ASCII folds to itself in lower case ("_" to a space): a table, no lookups on the common path. */
const ASCII_FOLD: string[] = Array.from({ length: 128 }, (_, c) => (c === 95 ? ' ' : String.fromCharCode(c).toLowerCase()));

/** Folds one code point (as a string) to its matching form; '' drops it. */
function fold(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  // "_" separates words (@ma_cliente): patterns use \w, where "_" would otherwise join them.
  if (ch === '_') out = ' ';
  else if (ch.length === 1 && ch < '\u0080') out = ch.toLowerCase();
  else if (ZERO_WIDTH.test(ch)) out = '';
  else if (SPACE.test(ch)) out = ' ';
  else if (APOSTROPHE.test(ch)) out = "'";
  else if (DQUOTE.test(ch)) out = '"';
  else if (DASH.test(ch)) out = '-';
  else if (SPECIAL[ch]) out = SPECIAL[ch];
  else if (/\p{M}/u.test(ch)) out = ''; // a lone combining mark (decomposed input): folded away
  else {
    out = ch.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(MARKS, '');
    // Compatibility forms that expand to several words (e.g. "㎢") are kept as they are.
    if (out.length > 4) out = ch;
  }
  if (foldCache.size < 5000) foldCache.set(ch, out);
  return out;
}

/** Normalises `original` for matching; see {@link Normalized}. Linear in the input length. */
export function normalize(original: string): Normalized {
  const n = original.length;
  const out: string[] = [];
  // Folding can lengthen the text ("…" → "...", "㎢" → "km2", a hashtag's split words): the offset
  // arrays grow when full (a typed array silently drops writes past its end).
  let starts = new Int32Array(n * 2 + 8);
  let ends = new Int32Array(n * 2 + 8);
  let len = 0;
  const grow = () => {
    const s = new Int32Array(starts.length * 2);
    const e = new Int32Array(starts.length * 2);
    s.set(starts);
    e.set(ends);
    starts = s;
    ends = e;
  };
  let prev1 = '';
  let prev2 = '';
  let inHashtag = false;
  let prevOrigLower = false;

  const push = (s: string, start: number, end: number) => {
    for (let k = 0; k < s.length; k++) {
      if (len === starts.length) grow();
      out.push(s[k]!);
      starts[len] = start;
      ends[len] = end;
      len++;
    }
  };

  for (let i = 0; i < n; ) {
    const c0 = original.charCodeAt(i);
    if (c0 < 128 && c0 !== 35 /* # */) {
      // ASCII fast path: the same steps as below, without regular expressions or allocation.
      const upper = c0 >= 65 && c0 <= 90;
      const isLetter = upper || (c0 >= 97 && c0 <= 122);
      const start = i++;
      if (inHashtag) {
        if (!isLetter && !(c0 >= 48 && c0 <= 57)) inHashtag = false;
        else if (upper && prevOrigLower) push(' ', start, start);
      }
      prevOrigLower = isLetter && !upper;
      const f = ASCII_FOLD[c0]!;
      if (isLetter && f === prev1 && f === prev2) {
        if (out[len - 1] === f && out[len - 2] === f) {
          out.pop();
          len--;
        }
        ends[len - 1] = i;
        continue;
      }
      if (len === starts.length) grow();
      out.push(f);
      starts[len] = start;
      ends[len] = i;
      len++;
      prev2 = prev1;
      prev1 = isLetter ? f : '';
      continue;
    }
    const cp = original.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    // A lone surrogate is kept as a neutral symbol, never a crash.
    const ch = cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : original.slice(i, i + size);
    const start = i;
    const end = i + size;
    i = end;

    if (ch === '#' && i < n && LETTER.test(original[i]!)) {
      // "#ThérapieDeCouple" reads as "therapie de couple".
      inHashtag = true;
      prevOrigLower = false;
      push(' ', start, end);
      prev1 = prev2 = '';
      continue;
    }
    const isLetter = LETTER.test(ch);
    if (inHashtag) {
      if (!isLetter && !/\p{N}/u.test(ch)) inHashtag = false;
      else if (isLetter && UPPER.test(ch) && prevOrigLower) push(' ', start, start);
    }
    prevOrigLower = isLetter && !UPPER.test(ch);

    const f = fold(ch);
    if (f === '') continue;
    if (f.length === 1 && isLetter && f === prev1 && f === prev2) {
      // Third of a run ("tellementttt"): the run reads as one letter, highlighted in full.
      if (out[len - 1] === f && out[len - 2] === f) {
        out.pop();
        len--;
        ends[len - 1] = end;
      } else {
        ends[len - 1] = end;
      }
      continue;
    }
    push(f, start, end);
    prev2 = prev1;
    prev1 = f.length === 1 && isLetter ? f : '';
    if (f.length !== 1) prev2 = '';
  }
  return { text: out.join(''), starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

/** Maps a [start, end) range of the folded text back onto the original text. */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  if (norm.text.length === 0) return [0, 0];
  const s = Math.min(Math.max(start, 0), norm.text.length - 1);
  const e = Math.min(Math.max(end, s + 1), norm.text.length);
  return [norm.starts[s]!, norm.ends[e - 1]!];
}

/** The folded [start, end) that covers original [start, end) (the inverse of toOriginal). */
export function toFolded(norm: Normalized, start: number, end: number): [number, number] {
  const { starts, ends } = norm;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= start) lo = mid + 1;
    else hi = mid;
  }
  let e = lo;
  while (e < starts.length && starts[e]! < end) e++;
  return [lo, Math.max(lo, e)];
}

/** Folds a short string the same way (patterns, lexicon entries, watch-list names). */
export function foldText(s: string): string {
  return normalize(s).text;
}
