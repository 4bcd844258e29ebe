// Trigger words let the engine skip rules that cannot match a post; they must never skip one that could.
import { describe, expect, it } from 'vitest';
import { compilePatternAlts } from '../../src/rules-compiler/pattern';

/** Each pattern's trigger words, in order (the engine indexes every pattern on its own). */
const triggersOf = (patterns: string[], lex: (n: string) => string[] | undefined) => compilePatternAlts(patterns, lex).map((a) => a.t);

const lex = (n: string) => (n === 'client' ? ['client*', 'usager', 'personne que j accompagne'] : undefined);

describe('trigger words', () => {
  it('are the possible first words, through optional words, groups and lexicon lists', () => {
    expect(triggersOf(['mon ancien? {client}'], lex)).toEqual([{ e: ['mon'], p: [] }]);
    expect(triggersOf(['(tres|si)? ancien* {client}'], lex)).toEqual([{ e: ['si', 'tres'], p: ['ancien'] }]);
    expect(triggersOf(['{client} ~3 suivi'], lex)).toEqual([{ e: ['personne', 'usager'], p: ['client'] }]);
    // Typed apart ("l'ordre") the word is "l"; typed joined ("lordre") it starts with "lordre".
    expect(triggersOf(["l'Ordre ~2 exige"], lex)).toEqual([{ e: ['l'], p: ['lordre'] }]);
    // A lexicon entry on its own is its list: each entry gets its own triggers.
    expect(triggersOf(['{client}'], lex)).toEqual([{ e: [], p: ['client'] }, { e: ['usager'], p: [] }, { e: ['personne'], p: [] }]);
    // Leading punctuation belongs to the separator: "#votez" is the word "votez".
    expect(triggersOf(['#votez'], lex)).toEqual([{ e: ['votez'], p: [] }]);
  });
  it('cover numbers (any word starting with a digit) and symbols (their first UTF-16 unit)', () => {
    expect(triggersOf(['<num> $'], lex)).toEqual([{ e: [], p: [], d: true }]);
    expect(triggersOf(['📍 ~3 bureau', 'au bureau'], lex)).toEqual([{ e: [], p: [], s: ['📍'.charCodeAt(0)] }, { e: ['au'], p: [] }]);
  });
  it('give up (always run) only when a pattern can start with something else', () => {
    expect(triggersOf(['mon? ~2 bureau'], lex)).toEqual([null]);
  });
});
