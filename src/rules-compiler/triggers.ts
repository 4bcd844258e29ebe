/**
 * Trigger words: for a list of patterns, the words one of which must appear in a post for the
 * list to match at all (the possible first words of each pattern; prefixes for `word*`). The
 * engine skips a rule's regular expressions outright when none of its trigger words is in the
 * post — most rules, for most posts — which is where most of the matching time went.
 * `null` means "cannot tell" (a pattern may start with a number or a symbol): always run.
 */
import { foldText } from '../engine/normalize';
import type { Triggers } from '../engine/types';
import type { LexiconLookup } from './pattern';

interface T {
  any: boolean;
  e: Set<string>;
  p: Set<string>;
}
const empty = (): T => ({ any: false, e: new Set(), p: new Set() });
const merge = (a: T, b: T) => {
  a.any ||= b.any;
  b.e.forEach((x) => a.e.add(x));
  b.p.forEach((x) => a.p.add(x));
};

function seq(s: string, i: number, lex: LexiconLookup, d: number): [T, boolean, number] {
  const first = empty();
  let open = true;
  for (;;) {
    while (s[i] === ' ') i++;
    const c = s[i];
    if (c === undefined || c === ')' || c === '|') break;
    const [t, optional, skip, j] = item(s, i, lex, d);
    i = j;
    if (skip) continue;
    if (open) {
      merge(first, t);
      if (!optional) open = false;
    }
  }
  return [first, open, i];
}

function item(s: string, i: number, lex: LexiconLookup, d: number): [T, boolean, boolean, number] {
  const t = empty();
  let optional = false;
  const c = s[i]!;
  if (c === '(') {
    i++;
    for (;;) {
      const [a, canBeEmpty, j] = seq(s, i, lex, d);
      merge(t, a);
      optional ||= canBeEmpty;
      i = j;
      if (s[i] === '|') i++;
      else break;
    }
    i++; // ')'
  } else if (c === '{') {
    const close = s.indexOf('}', i);
    const entries = d > 5 ? undefined : lex(s.slice(i + 1, close).trim());
    if (!entries) t.any = true;
    else for (const e of entries) merge(t, seq(e, 0, lex, d + 1)[0]);
    i = close + 1;
  } else if (c === '~') {
    i++;
    while (/\d/.test(s[i] ?? '')) i++;
    t.any = true; // only reachable after an optional first item: be conservative
  } else if (s.startsWith('<num>', i)) {
    i += 5;
    t.any = true;
  } else {
    const m = /^[^\s()|{}~?]+/.exec(s.slice(i))!;
    i += m[0].length;
    const raw = m[0];
    const folded = foldText(raw.endsWith('*') ? raw.slice(0, -1) : raw);
    if (/^[-:;,.!?'"()«»…/\\[\]]+$/u.test(folded)) return [t, false, true, i];
    const words = folded.match(/\w+/g);
    if (!words || !/^\w/.test(folded)) t.any = true;
    else if (raw.endsWith('*') && words.length === 1) t.p.add(words[0]!);
    else t.e.add(words[0]!);
  }
  if (s[i] === '?') {
    optional = true;
    i++;
  }
  return [t, optional, false, i];
}

export function triggersOf(patterns: string[], lex: LexiconLookup): Triggers | null {
  const t = empty();
  for (const p of patterns) merge(t, seq(p, 0, lex, 0)[0]);
  return t.any ? null : { e: [...t.e].sort(), p: [...t.p].sort() };
}
