/**
 * Features of the learned layer: what the linear model sees of a post. The same code runs when
 * `npm run train` fits the model and when the engine scores a draft, so the two can never drift.
 *
 * A post is read on its folded form (src/engine/normalize: lower case, no accents, one apostrophe),
 * then cut into words (numbers become their shape: "418 555-0131" → "#3 #4"). Features are words,
 * pairs of adjacent words, the character 3- to 5-grams of each word with its boundaries (" cli",
 * "ent ", so "clientes" and "cliente" share most of them), pictographs, and the account type the
 * post is written from (apart: see contextFeatures). Each feature is a 32-bit FNV-1a hash of its
 * text; the model keeps only the hashes it learned a weight for.
 */
export const FEATURE_VERSION = 4;

/** Char n-gram lengths over each padded word. */
const MIN_N = 3;
const MAX_N = 5;
/** Longer "words" (URLs glued together, base64…) are cut for their n-grams. */
const MAX_WORD = 24;

export interface FeatureContext {
  account?: string;
  platform?: string;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a string's UTF-16 units, continued from `h`. */
function fnv(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** The hash of a feature given as text (for tests and for the trainer's reports). */
export function featureHash(text: string): number {
  return fnv(FNV_OFFSET, text);
}

/** Words of folded text: letter runs and number shapes; pictographs as their own tokens. */
export function tokenize(folded: string): string[] {
  const out: string[] = [];
  const re = /[a-z]+|[0-9]+|\p{Extended_Pictographic}/gu;
  for (const m of folded.matchAll(re)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) out.push(`#${Math.min(w.length, 9)}`);
    else out.push(w);
  }
  return out;
}

/**
 * The context feature (account type): a plain indicator beside the text's normalised vector, so a
 * short text does not read as "mostly context". The platform is left out on purpose: blog posts
 * in the corpora are all long, so a short draft on a blog read as "blog" scored as nothing seen
 * before and lost a plain client story; the window length already tells long posts apart.
 */
export function contextFeatures(ctx: FeatureContext): number[] {
  return [featureHash(`a:${ctx.account ?? 'unknown'}`)];
}

/** Adds the hashes of a token list's features to `into` (a multiset: a feature seen twice is pushed twice). */
export function tokenFeatures(tokens: readonly string[], into: number[]): number[] {
  const W = fnv(FNV_OFFSET, 'w:');
  const B = fnv(FNV_OFFSET, 'b:');
  const C = fnv(FNV_OFFSET, 'c:');
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    into.push(fnv(W, w));
    if (i > 0) into.push(fnv(fnv(fnv(B, tokens[i - 1]!), ' '), w));
    const c0 = w.charCodeAt(0);
    // Char n-grams for words only (not number shapes, not pictographs).
    if (c0 < 97 || c0 > 122) continue;
    const p = ` ${w.length > MAX_WORD ? w.slice(0, MAX_WORD) : w} `;
    // One FNV stream per start position, read out at each n-gram length (3, 4, 5).
    for (let s = 0; s + MIN_N <= p.length; s++) {
      let h = C;
      for (let e = s; e < s + MAX_N && e < p.length; e++) {
        h = Math.imul(h ^ p.charCodeAt(e), FNV_PRIME);
        const n = e - s + 1;
        if (n >= MIN_N && n !== p.length) into.push(h >>> 0); // the whole padded word is already the unigram
      }
    }
  }
  return into;
}
