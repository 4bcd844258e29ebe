import { describe, expect, it } from 'vitest';
import { normalize, toOriginal } from '../../src/engine/normalize';
import { detectLanguage } from '../../src/engine/language';
import { analyze } from '../../src/engine/default';

const fold = (s: string) => normalize(s).text;

describe('normalisation for matching', () => {
  it('folds case, accents, œ and apostrophes', () => {
    expect(fold('Œuvre d’ÉLÈVES à l’Ordre')).toBe("oeuvre d'eleves a l'ordre");
    expect(fold('Lʼordre')).toBe("l'ordre");
  });
  it('treats decomposed accents (NFD) like composed ones', () => {
    expect(fold('e\u0301le\u0300ve')).toBe('eleve');
  });
  it('turns NBSP and other spaces into plain spaces and drops zero-width characters', () => {
    expect(fold('a\u00a0b\u202fc\u2009d')).toBe('a b c d');
    expect(fold('cli\u200bent\u200d')).toBe('client');
  });
  it('splits hashtags into words', () => {
    expect(fold('#ThérapieDeCouple')).toBe(' therapie de couple');
    expect(fold('#confidentialité')).toBe(' confidentialite');
  });
  it('shortens letter runs but keeps digits', () => {
    expect(fold('tellementttt')).toBe('tellement');
    expect(fold('nooooon 1000')).toBe('non 1000');
  });
  it('keeps offsets on the original text, including around emoji and surrogate pairs', () => {
    const text = '🎉 Ma clienteeee Annie';
    const n = normalize(text);
    const i = n.text.indexOf('cliente');
    const [s, e] = toOriginal(n, i, i + 'cliente'.length);
    expect(text.slice(s, e)).toBe('clienteeee');
  });
  it('never throws on lone surrogates and keeps offsets in range', () => {
    const text = 'a\ud800b\udc00c';
    const n = normalize(text);
    expect(n.text.length).toBe(5);
    for (let i = 0; i < n.text.length; i++) expect(n.ends[i]!).toBeLessThanOrEqual(text.length);
  });
});

describe('language per sentence', () => {
  it('tells French from English, including short informal sentences', () => {
    expect(detectLanguage(fold("Je prends pu de clients, y annulent tout le temps.") , 'en')).toBe('fr');
    expect(detectLanguage(fold('Just accepted a friend request from a family I closed.'), 'fr')).toBe('en');
    expect(detectLanguage(fold('Missing: Tom, last seen downtown wearing a hoodie.'), 'fr')).toBe('en');
  });
  it('gives each sentence of a mixed post its own language for messages', async () => {
    const text = "My client told me today she sleeps in her car. Un de mes clients m'a dit qu'il dort dans son auto.";
    const f = (await analyze(text, {})).filter((x) => x.category === 'client-confidentiality');
    expect(f.map((x) => x.lang)).toEqual(['en', 'fr']);
    expect(f[0]!.message).toMatch(/[a-z]/);
    expect(f[1]!.message).not.toBe(f[0]!.message);
  });
});
