import { describe, expect, it } from 'vitest';
import { analyze, engine } from '../../src/engine/default';
import { hashWatchEntry } from '../../src/engine/watchlist';

const cats = async (text: string, ctx = {}) => (await analyze(text, ctx)).filter((f) => f.severity !== 'info').map((f) => f.category);

describe('suppression where a human reader would not flag', () => {
  it('negation: talking about never discussing clients is not a client story', async () => {
    expect(await cats('Je ne parle jamais de mes clients sur les réseaux sociaux.')).toEqual([]);
    expect(await cats('I never talk about my clients online.')).toEqual([]);
  });
  it('a negation early in the post does not hide a real violation later', async () => {
    const c = await cats("Je ne parle jamais de mes clients ici. Mais hier, une de mes clientes m'a appelée en pleurs à minuit.");
    expect(c).toContain('client-confidentiality');
  });
  it('teaching the guidelines is not a violation', async () => {
    expect(await cats('Rappel : ne publiez jamais le NAS 193 456 787 de quelqu’un, même pour un exemple.')).toEqual([]);
  });
});

describe('findings', () => {
  it('carry the contract fields, offsets on the original text and a citation', async () => {
    const text = '🙂 Avis de recherche : cell 450 555-0139 de M. Ouimet.';
    const f = (await analyze(text, {})).find((x) => x.category === 'personal-identifier')!;
    expect(f).toMatchObject({ ruleId: expect.stringMatching(/^personal-identifier\//), severity: 'error' });
    expect(text.slice(f.start, f.end)).toBe('450 555-0139');
    expect(f.source).toMatch(/\S+ \S+/);
    expect(f.message.length).toBeGreaterThan(10);
  });
  it('the author’s own office number is not a finding on a professional account', async () => {
    const t = 'Pour prendre rendez-vous, appelez-moi au 418 555-0100.';
    expect(await cats(t, { account: 'professional' })).toEqual([]);
    // elsewhere it is only a reminder
    expect((await analyze(t, { account: 'personal' })).every((f) => f.severity === 'info')).toBe(true);
  });
  it('empty and whitespace-only posts give no findings', async () => {
    expect(await analyze('', {})).toEqual([]);
    expect(await analyze(' \n\u00a0\u200b', {})).toEqual([]);
  });
});

describe('watch list (salted hashes only)', () => {
  it('flags a watched name written with other case, accents or spacing', async () => {
    const salt = 'test-salt';
    const hashes = [...(await hashWatchEntry(salt, 'Annie Tremblay')), ...(await hashWatchEntry(salt, 'Lavallée'))];
    expect(hashes.join(' ')).not.toMatch(/annie|tremblay/i);
    const text = 'Bravo à annie  TREMBLAY pour sa nouvelle job! Et salut au Dr Lavallee.';
    const f = (await analyze(text, { watchList: { salt, hashes } })).filter((x) => x.ruleId.endsWith('watch-list-name'));
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['annie  TREMBLAY', 'Lavallee']);
  });
});

describe('robustness', () => {
  // Generated hostile inputs (10,000 of them, Unicode, surrogates, 200,000-character posts): tests/unit/fuzz.test.ts.
  it('completes on pathological repetitions that make naive regular expressions backtrack', async () => {
    for (const s of ['a'.repeat(50_000), 'mes '.repeat(20_000), '1 '.repeat(30_000), '@'.repeat(30_000) + '.', 'rue de la '.repeat(10_000), '1234 '.repeat(20_000)]) {
      const f = await analyze(s, {});
      for (const x of f) expect(x.end).toBeLessThanOrEqual(s.length);
    }
  });
  it('detects the language of a whole post for the CLI', () => {
    expect(engine.detectPostLanguage('Bonne fin de semaine à toute l’équipe!')).toBe('fr');
    expect(engine.detectPostLanguage('Have a great weekend, team!')).toBe('en');
  });
});

describe('message language', () => {
  const FR = "Une de mes clientes m'a raconté ce matin que son conjoint la surveille et lui prend son chèque.";
  it('by default a finding speaks the language of its sentence', async () => {
    const [f] = await analyze(FR);
    expect(f!.lang).toBe('fr');
    expect(f!.message).toMatch(/\b(la|le|les|une?|des)\b/);
  });
  it('messageLanguage makes every reason and advice speak the browser language; lang stays the sentence’s', async () => {
    const fr = await analyze(FR);
    const en = await analyze(FR, { messageLanguage: 'en' });
    expect(en.map((f) => f.ruleId)).toEqual(fr.map((f) => f.ruleId));
    expect(en[0]!.lang).toBe('fr');
    expect(en[0]!.message).not.toBe(fr[0]!.message);
    expect(en[0]!.message).toMatch(/\b(the|a|an|someone|you)\b/i);
    expect(en[0]!.advice).not.toBe(fr[0]!.advice);
  });
});
