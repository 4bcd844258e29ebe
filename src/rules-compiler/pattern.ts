/**
 * The rule pattern language, compiled to regular-expression sources at build time.
 *
 * A pattern is a sequence of items separated by spaces, matched on folded text
 * (see src/engine/normalize.ts), word by word, with any punctuation or spacing between words:
 *   word        a whole word ("clients"); accents, case and apostrophes do not matter
 *   word*       a word starting with these letters ("client*" = client, clients, clientele)
 *   (a|b c)     alternatives, each itself a sequence; `(…)?` or `word?` makes an item optional
 *   {name}      an entry of the lexicon (rules/_lexicon/<lang>.yml), e.g. {client}
 *   ~3          up to three arbitrary words
 *   <num>       a number ("5", "2,5", "300")
 *   📍 $ %      any other symbol is matched literally
 * Regular-expression sources produced here only combine disjoint character classes with
 * bounded repetition, so no input can make them backtrack badly.
 */
import { foldText } from '../engine/normalize';
import type { PatternAlt, Triggers } from '../engine/types';

// Patterns run on folded text, where Latin letters are ASCII (accents, œ, ß… folded; "_" turned
// into a space), so a word character is \w and a word edge is \b. V8 runs \b and \w many times
// faster than Unicode property classes in look-arounds (measured: 13 s → 0.1 s for one large rule
// over the development corpus). Letters of other scripts count as separators: no pattern names them.
export const WORD_CHAR = '\\w';
/**
 * Between two words: a run of 1–5 non-word characters on one line that does not end a sentence
 * (a gap must not reach into the next sentence); the period of an initial ("Jenna R. for") is fine,
 * not the period after a single digit ("salle 3. Audience"), where the sentence splitter cuts.
 */
export const SEP = '(?:[^\\w\\n.!?]|(?<=\\b[a-z])\\.){1,5}';
/** Next to a symbol, the separator may be empty ("info@", "50 $" or "50$"). */
const SEP0 = '[^\\w\\n]{0,5}';
const BEFORE = '\\b';
const AFTER = '\\b';

export class PatternError extends Error {}

/**
 * Trigger words: the words one of which must be in a post for a pattern to match (its possible
 * first words; prefixes for `word*`; `d`: any word starting with a digit, for `<num>`).
 * `any` = cannot tell (starts with a symbol).
 */
interface First {
  any: boolean;
  e: Set<string>;
  p: Set<string>;
  d: boolean;
  /** First UTF-16 units of symbols a match can start with ("📍", "&"), as numbers (JSON-safe for emoji halves). */
  s: Set<number>;
}
const ANY = (): First => ({ any: true, e: new Set(), p: new Set(), d: false, s: new Set() });
const NONE = (): First => ({ any: false, e: new Set(), p: new Set(), d: false, s: new Set() });
function union(a: First, b: First): First {
  return { any: a.any || b.any, e: new Set([...a.e, ...b.e]), p: new Set([...a.p, ...b.p]), d: a.d || b.d, s: new Set([...a.s, ...b.s]) };
}
function toTriggers(f: First): Triggers | null {
  if (f.any) return null;
  const t: Triggers = { e: [...f.e].sort(), p: [...f.p].sort() };
  if (f.d) t.d = true;
  if (f.s.size) t.s = [...f.s].sort((a, b) => a - b);
  return t;
}

type Item =
  | { t: 'word'; src: string; optional: boolean; sym?: boolean; first: First; need?: First }
  | { t: 'gap'; n: number };

export type LexiconLookup = (name: string) => string[] | undefined;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a list of patterns one by one, each with its own trigger words: the engine tries a
 * pattern only where one of its first words stands, instead of the whole list everywhere.
 */
export function compilePatternAlts(patterns: string[], lex: LexiconLookup): PatternAlt[] {
  if (patterns.length === 0) throw new PatternError('an empty list of patterns');
  // A pattern that is only a lexicon entry ("{presence-partisan}") is that entry's list: each
  // of its patterns then gets its own trigger words.
  const flat = (list: string[], depth: number): string[] =>
    list.flatMap((p) => {
      const m = /^\s*\{([^{}]+)\}\s*$/.exec(p);
      const entries = m && depth < 5 ? lex(m[1]!.trim()) : undefined;
      return entries?.length ? flat(entries, depth + 1) : [p];
    });
  return flat(patterns, 0).map((p) => {
    const { src, first, guard } = compileOne(p, lex, 0);
    const alt: PatternAlt = { src, t: toTriggers(first) };
    const g = guard && toTriggers(guard);
    if (g && alt.t) alt.g = g;
    return alt;
  });
}

function compileList(patterns: string[], lex: LexiconLookup, depth: number): { src: string; first: First } {
  if (patterns.length === 0) throw new PatternError('an empty list of patterns');
  const parts = patterns.map((p) => compileOne(p, lex, depth));
  return { src: `(?:${parts.map((x) => x.src).join('|')})`, first: parts.map((x) => x.first).reduce(union) };
}

/** Compiles one pattern into a regular-expression source (no flags; use with 'gu'). */
export function compilePattern(pattern: string, lex: LexiconLookup): string {
  return compileOne(pattern, lex, 0).src;
}

function compileOne(pattern: string, lex: LexiconLookup, depth: number): { src: string; first: First; guard: First | null } {
  if (depth > 5) throw new PatternError(`lexicon references nest too deeply in "${pattern}"`);
  const p = new Parser(pattern, lex, depth);
  const { src, first, guard } = p.sequence();
  if (p.pos < p.s.length) throw new PatternError(`unexpected "${p.s[p.pos]}" at position ${p.pos + 1} in "${pattern}"`);
  if (!src) throw new PatternError(`"${pattern}" matches nothing`);
  return { src, first, guard };
}

/** How rare a trigger set's words are likely to be: its shortest word's length (longer = rarer). */
function selectivity(f: First): number {
  let min = Infinity;
  for (const w of f.e) min = Math.min(min, w.length);
  for (const w of f.p) min = Math.min(min, w.length);
  if (f.d) min = Math.min(min, 1);
  if (f.s.size) min = Math.min(min, 2);
  return min === Infinity ? 0 : min;
}

class Parser {
  pos = 0;
  constructor(readonly s: string, readonly lex: LexiconLookup, readonly depth: number) {}

  /**
   * sequence := item (' ' item)* ; stops at ')' or '|'. `first`: words a match can start with;
   * `guard`: the words of one more required item, one of which any match contains (the most
   * selective such item), so the engine can skip a pattern whose second half is not in the post.
   */
  sequence(): { src: string; first: First; guard: First | null } {
    const items: Item[] = [];
    for (;;) {
      this.skipSpaces();
      const c = this.s[this.pos];
      if (c === undefined || c === ')' || c === '|') break;
      items.push(...this.item());
    }
    // A match starts with the first item, or with the next one when it is optional.
    let first: First = NONE();
    for (const it of items) {
      if (it.t === 'gap') {
        first = union(first, ANY());
        break;
      }
      first = union(first, it.first);
      if (!it.optional) break;
    }
    let guard: First | null = null;
    items.forEach((it, i) => {
      if (i === 0 || it.t !== 'word' || it.optional) return;
      const need = it.need ?? it.first;
      if (need.any) return;
      const score = selectivity(need);
      const best = guard ? selectivity(guard) : 0;
      const size = (f: First) => f.e.size + f.p.size;
      if (score > best || (guard && score === best && size(need) < size(guard))) guard = need;
    });
    return { src: join(items), first, guard };
  }

  skipSpaces() {
    while (this.s[this.pos] === ' ') this.pos++;
  }

  item(): Item[] {
    const c = this.s[this.pos]!;
    let src: string;
    let first: First;
    /** For a plain word: the words a post must hold where it matches (see presence()). */
    let need: First | undefined;
    if (c === '(') {
      this.pos++;
      const alts = [this.sequence()];
      while (this.s[this.pos] === '|') {
        this.pos++;
        alts.push(this.sequence());
      }
      if (this.s[this.pos] !== ')') throw new PatternError(`missing ")" in "${this.s}"`);
      this.pos++;
      const nonEmpty = alts.filter((a) => a.src);
      if (!nonEmpty.length) throw new PatternError(`empty alternatives "()" in "${this.s}"`);
      src = `(?:${nonEmpty.map((a) => a.src).join('|')})`;
      first = nonEmpty.map((a) => a.first).reduce(union);
      if (nonEmpty.length < alts.length) return [{ t: 'word', src, optional: true, first }];
    } else if (c === '{') {
      const close = this.s.indexOf('}', this.pos);
      if (close < 0) throw new PatternError(`missing "}" in "${this.s}"`);
      const name = this.s.slice(this.pos + 1, close).trim();
      this.pos = close + 1;
      const entries = this.lex(name);
      if (!entries) throw new PatternError(`unknown lexicon entry {${name}} in "${this.s}"`);
      ({ src, first } = compileList(entries, this.lex, this.depth + 1));
    } else if (c === '~') {
      const m = /^~(\d{1,2})/.exec(this.s.slice(this.pos));
      if (!m) throw new PatternError(`"~" must be followed by a number of words (e.g. ~3) in "${this.s}"`);
      this.pos += m[0].length;
      const n = Number(m[1]);
      if (n < 1 || n > 12) throw new PatternError(`gap ~${n} out of range 1–12 in "${this.s}"`);
      return [{ t: 'gap', n }];
    } else if (this.s.startsWith('<num>', this.pos)) {
      this.pos += 5;
      src = `${BEFORE}\\d+(?:[.,]\\d+)?${AFTER}`;
      first = { ...NONE(), d: true };
    } else {
      const m = /^[^\s()|{}~?]+/.exec(this.s.slice(this.pos));
      if (!m) throw new PatternError(`unexpected "${c}" at position ${this.pos + 1} in "${this.s}"`);
      this.pos += m[0].length;
      // Punctuation between words (":", "-", ",") is already covered by the separator.
      if (/^[-:;,.!?'"()«»…/\\[\]]+$/u.test(foldText(m[0]))) return [];
      src = word(m[0], this.s);
      first = firstWord(m[0]);
      if (!/[\p{L}\p{N}]/u.test(m[0])) {
        // A symbol ("@", "$", "📍") may touch the next word: "info@", "50$".
        let optional = false;
        if (this.s[this.pos] === '?') {
          optional = true;
          this.pos++;
        }
        return [{ t: 'word', src, optional, sym: true, first }];
      }
      need = presence(m[0]);
    }
    let optional = false;
    if (this.s[this.pos] === '?') {
      optional = true;
      this.pos++;
    }
    return [{ t: 'word', src, optional, first, need }];
  }
}

/**
 * Words one of which a post must contain when one written word matches (for guards): the word
 * itself; for a two-part word ("l'editeur") its longer part or both parts joined ("lediteur").
 */
function presence(raw: string): First {
  const prefix = raw.endsWith('*');
  const folded = foldText(prefix ? raw.slice(0, -1) : raw);
  const words = folded.match(/\w+/g);
  if (!words || words.length !== 2) return words?.length === 1 ? firstWord(raw) : ANY();
  const t: First = NONE();
  const [a, b] = words as [string, string];
  if (prefix || b.length >= a.length) (prefix ? t.p : t.e).add(b);
  else t.e.add(a);
  t.p.add(a + b);
  return t;
}

/** The trigger of one written word: its first folded word, a prefix for a one-part `word*`. */
function firstWord(raw: string): First {
  const prefix = raw.endsWith('*');
  const folded = foldText(prefix ? raw.slice(0, -1) : raw);
  const words = folded.match(/\w+/g);
  // Leading punctuation is left to the separator ("#votez" is the word "votez"; see word()).
  const rest = folded.replace(/^[^\p{L}\p{N}]+/u, '');
  if (words && rest !== folded && /^\w/.test(rest)) return firstWord(rest + (prefix ? '*' : ''));
  // A symbol alone ("📍", "&", "$"): matched literally, so its first character triggers it.
  if (!prefix && folded.trim() && !/[\p{L}\p{N}]/u.test(folded)) return { ...NONE(), s: new Set([folded.trim().charCodeAt(0)]) };
  if (!words || !/^\w/.test(folded)) return ANY();
  const t: First = NONE();
  if (words.length === 1) (prefix ? t.p : t.e).add(words[0]!);
  else {
    // "l'ordre", "porte-a-porte": typed apart, the text's word is the first part; typed joined
    // ("lordre"), it starts with all the parts together.
    t.e.add(words[0]!);
    t.p.add(words.join(''));
  }
  return t;
}

/** One written word: may contain apostrophes or hyphens ("l'ordre", "vous-même"), a trailing "*". */
function word(raw: string, pattern: string): string {
  const prefix = raw.endsWith('*');
  const body = prefix ? raw.slice(0, -1) : raw;
  if (!body) throw new PatternError(`"*" alone is not a word in "${pattern}"`);
  if (body.includes('*')) throw new PatternError(`"*" only at the end of a word, in "${pattern}"`);
  const folded = foldText(body);
  // Split on non-word characters so "l'ordre" and "bit.exemple" match whatever punctuation the user typed.
  // Leading punctuation ("#votez") is left to the separator before the word, as "," or ":" are.
  const parts = folded.split(/([^\p{L}\p{N}]+)/u).filter(Boolean);
  if (parts.length > 1 && !/[\p{L}\p{N}]/u.test(parts[0]!)) parts.shift();
  const wordParts = parts.filter((x) => /[\p{L}\p{N}]/u.test(x));
  if (!wordParts.length) return escapeRe(folded.trim()); // a symbol such as 📍 or $
  const firstIsWord = /[\p{L}\p{N}]/u.test(parts[0]!);
  const lastIsWord = /[\p{L}\p{N}]/u.test(parts[parts.length - 1]!);
  const inner = parts.map((x) => (/[\p{L}\p{N}]/u.test(x) ? escapeRe(x) : x.trim() ? `[^\\w\\n]{0,3}` : SEP)).join('');
  return `${firstIsWord ? BEFORE : ''}${inner}${prefix ? `${WORD_CHAR}*` : ''}${lastIsWord ? AFTER : ''}`;
}

function join(items: Item[]): string {
  let out = '';
  let needSep = false;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const isLast = i === items.length - 1;
    if (it.t === 'gap') {
      if (!out) throw new PatternError('a pattern cannot start with a gap ~N');
      if (isLast) throw new PatternError('a pattern cannot end with a gap ~N');
      out += `${SEP}(?:${WORD_CHAR}+${SEP}){0,${it.n}}`;
      needSep = false;
      continue;
    }
    if (it.optional) {
      if (!out && isLast) throw new PatternError('a pattern cannot be only optional');
      if (!needSep) {
        // At the start (or right after a gap): the item carries its own trailing separator.
        out += `(?:${it.src}${SEP})?`;
      } else {
        // After a word: the item carries its own leading separator; the next one still needs one.
        out += `(?:${SEP}${it.src})?`;
      }
      continue;
    }
    const prev = items[i - 1];
    const touching = it.sym || (prev && prev.t === 'word' && prev.sym);
    out += (needSep ? (touching ? SEP0 : SEP) : '') + it.src;
    needSep = true;
  }
  return out;
}
