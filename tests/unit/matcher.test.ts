// The engine tries a pattern only where its first word stands, and skips it when a later required
// word is absent from the post. Both shortcuts must never hide a match: on every pattern list of
// the real rules, the indexed matcher must find a match exactly when a plain scan of the whole
// text does, starting at the same leftmost position.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compileRules } from '../../src/rules-compiler/compile';
import { matchAll, MatcherIndex, type Matcher } from '../../src/engine/matcher';
import { normalize } from '../../src/engine/normalize';
import type { PatternSet } from '../../src/engine/types';

const { bundle, examples } = compileRules(join(__dirname, '../../rules'));
const sets: PatternSet[] = [];
for (const r of bundle.rules) sets.push(...r.all, r.unless, r.unlessPost);
sets.push(...Object.values(bundle.suppress));
const index = new MatcherIndex();
// Each list once, with the plain regex of the whole list as one alternation beside it.
const seen = new Set<Matcher>();
const pairs: [PatternSet, Matcher, RegExp][] = [];
for (const s of sets.filter((x) => x.length)) {
  const m = index.add(s)!;
  if (!seen.has(m)) pairs.push([s, m, new RegExp(`(?:${s.map((a) => a.src).join('|')})`, 'gu')]);
  seen.add(m);
}

/** Leftmost match of a plain global scan. */
function leftmost(re: RegExp, text: string): number {
  re.lastIndex = 0;
  for (let x = re.exec(text); x; x = re.exec(text)) {
    if (x[0].length) return x.index;
    re.lastIndex++;
  }
  return -1;
}

// The rules' examples, plus the ways people actually type them: joined apostrophes and hyphens,
// hashtags, capitals, emoji and numbers glued to words, several posts in one.
const texts = examples.map((e) => e.text);
const variants = texts.filter((_, i) => i % 2 === 0).flatMap((t, i) => [
  t.replace(/[’'-]/g, ''),
  `#${t.replace(/ /g, ' #')}`,
  t.toUpperCase(),
  `📍${t}🍷 ${i}%`,
  `${t} ${texts[(i * 7 + 3) % texts.length]}`,
]);

describe('indexed pattern matching', () => {
  it('finds a match, at the same leftmost position, exactly where a full scan does', { timeout: 300_000 }, () => {
    let compared = 0;
    let matched = 0;
    for (const raw of [...texts, ...variants]) {
      const text = normalize(raw).text;
      const hits = index.hits(text);
      for (const [set, m, re] of pairs) {
        const want = leftmost(re, text);
        const got = matchAll(m, text, hits);
        expect(got.length ? got[0] : -1, `${raw}\n${set.map((a) => a.src).join('\n').slice(0, 400)}`).toBe(want);
        compared++;
        if (want >= 0) matched++;
      }
    }
    // Not a vacuous comparison: many lists do match these texts.
    expect(matched).toBeGreaterThan(2000);
    expect(compared).toBeGreaterThan(50_000);
  });

  it('shares one matcher between identical lists and keeps the patterns in order', () => {
    const a = index.add([{ src: '\\bfoo\\b', t: { e: ['foo'], p: [] } }, { src: '\\bfoo\\b(?:[^\\w\\n]{1,5})\\bbar\\b', t: { e: ['foo'], p: [] } }])!;
    const b = index.add([{ src: '\\bfoo\\b', t: { e: ['foo'], p: [] } }, { src: '\\bfoo\\b(?:[^\\w\\n]{1,5})\\bbar\\b', t: { e: ['foo'], p: [] } }])!;
    expect(a).toBe(b);
    // The first pattern that matches at a position wins, as in an alternation.
    expect(matchAll(a, 'x foo bar', index.hits('x foo bar'))).toEqual([2, 5]);
  });
});
