// Trigger words let the engine skip rules that cannot match a post; they must never skip one that could.
import { describe, expect, it } from 'vitest';
import { compilePatternList } from '../../src/rules-compiler/pattern';

const triggersOf = (patterns: string[], lex: (n: string) => string[] | undefined) => compilePatternList(patterns, lex).triggers;

const lex = (n: string) => (n === 'client' ? ['client*', 'usager', 'personne que j accompagne'] : undefined);

describe('trigger words', () => {
  it('are the possible first words, through optional words, groups and lexicon lists', () => {
    expect(triggersOf(['mon ancien? {client}'], lex)).toEqual({ e: ['mon'], p: [] });
    expect(triggersOf(['(tres|si)? ancien* {client}'], lex)).toEqual({ e: ['si', 'tres'], p: ['ancien'] });
    expect(triggersOf(['{client} ~3 suivi'], lex)).toEqual({ e: ['personne', 'usager'], p: ['client'] });
    expect(triggersOf(["l'Ordre ~2 exige"], lex)).toEqual({ e: ['l'], p: [] });
  });
  it('give up (always run) when a pattern can start with a number or a symbol', () => {
    expect(triggersOf(['<num> $'], lex)).toBeNull();
    expect(triggersOf(['📍 ~3 bureau', 'au bureau'], lex)).toBeNull();
  });
});
