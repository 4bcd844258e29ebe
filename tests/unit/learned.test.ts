// The learned layer as a user meets it: the shipped model reads meaning the rules' words miss,
// stays quiet on everyday posts and on crisis lines, says which layer raised each finding, and a
// missing or damaged model file leaves the rules at work with a reason, never a crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/rules-compiler/compile';
import { createEngine, type AnalyzeContext, type Finding } from '../../src/engine';
import { createIncrementalChecker } from '../../src/engine/incremental';
import { decodeModel, encodeModel, ModelError } from '../../src/engine/learned/model';
import { featureHash, tokenize } from '../../src/engine/learned/features';

const { bundle } = compileRules(join(__dirname, '../../rules'));
const MODEL = readFileSync(join(__dirname, '../../public/model/balise-model.bin'));
const learned = createEngine(bundle);
learned.useModel(MODEL);
const rulesOnly = createEngine(bundle);

const alarms = (f: Finding[]) => f.filter((x) => x.severity !== 'info');
const cats = (f: Finding[]) => [...new Set(alarms(f).map((x) => x.category))].sort();

describe('model file', () => {
  it('decodes the shipped model', () => {
    const m = decodeModel(MODEL);
    expect(m.header.categories).toHaveLength(15);
    expect(m.header.features).toBeGreaterThan(1000);
    expect(learned.modelStatus).toMatchObject({ layer: 'learned' });
  });

  const damaged: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /empty or cut short/],
    ['not a model', new TextEncoder().encode('<html>404 Not Found</html>'), /not a Balise model/],
    ['cut short', MODEL.subarray(0, MODEL.length - 1000), /cut short/],
    ['one byte flipped', (() => { const b = new Uint8Array(MODEL); const i = b.length >> 1; b[i] = b[i]! ^ 0x40; return b; })(), /damaged \(checksum\)/],
    ['another format', (() => { const b = new Uint8Array(MODEL); b[4] = 9; return b; })(), /format 9/],
  ];
  for (const [what, bytes, reason] of damaged) {
    it(`refuses a model file that is ${what}, and the engine falls back to its rules with the reason`, async () => {
      expect(() => decodeModel(bytes)).toThrow(ModelError);
      expect(() => decodeModel(bytes)).toThrow(reason);
      const e = createEngine(bundle);
      const status = e.useModel(bytes);
      expect(status).toMatchObject({ layer: 'rules-only', reason: 'damaged' });
      expect((status as { detail: string }).detail).toMatch(reason);
      const text = 'Une de mes clientes m’a raconté ce matin que son fils dort dans son auto.';
      expect(await e.analyze(text, { account: 'professional' })).toEqual(await rulesOnly.analyze(text, { account: 'professional' }));
    });
  }

  it('a missing model says so, and checks with the rules alone', async () => {
    const e = createEngine(bundle);
    expect(e.useModel(null, 'no model file at /x')).toEqual({ layer: 'rules-only', reason: 'missing', detail: 'no model file at /x' });
    expect(cats(await e.analyze('NAS 193 456 787', { account: 'professional' }))).toContain('personal-identifier');
  });

  it('round-trips what the trainer writes', () => {
    const header = { ...decodeModel(MODEL).header, features: 3 };
    const keys = Uint32Array.from([featureHash('w:client'), featureHash('w:maison'), featureHash('w:zzz')].sort((a, b) => a - b));
    const bytes = encodeModel(header, keys, Float32Array.from([1.5, 2, 3.25]), Int8Array.from({ length: 45 }, (_, i) => i - 22));
    const m = decodeModel(bytes);
    expect([...m.rows.keys()]).toEqual([...keys]);
    expect(Array.from(m.idf)).toEqual([1.5, 2, 3.25]);
    expect(m.weights[0]).toBe(-22);
    expect(m.weights[44]).toBe(22);
  });
});

describe('what the learned layer adds', () => {
  const pro: AnalyzeContext = { account: 'professional', platform: 'facebook' };

  it('finds a client story told without the word "client", in French and in English', async () => {
    const fr = await learned.analyze('Le petit gars de 9 ans que j’accompagne depuis septembre m’a dit aujourd’hui que son père ne rentre plus à la maison le soir. Il dort avec ses souliers au cas où il faudrait partir vite.', pro);
    const en = await learned.analyze('The teenager I met with this afternoon told me she has been sleeping in her car behind the arena since her mom kicked her out. Sixteen years old. I can’t stop thinking about her.', pro);
    expect(cats(fr)).toContain('client-confidentiality');
    expect(cats(en)).toContain('client-confidentiality');
    expect(cats(await rulesOnly.analyze('The teenager I met with this afternoon told me she has been sleeping in her car behind the arena since her mom kicked her out. Sixteen years old. I can’t stop thinking about her.', pro))).not.toContain('client-confidentiality');
  });

  it('reads coded contempt for people on welfare as discrimination', async () => {
    const f = await learned.analyze('Encore une autre qui vit sur le BS depuis 10 ans pis qui se plaint. Faudrait peut-être aller travailler comme tout le monde.', { account: 'unknown', platform: 'facebook' });
    expect(cats(f)).toContain('discrimination');
  });

  it('says which layer raised each finding, with the model’s score and the category’s source', async () => {
    const text = 'The teenager I met with this afternoon told me she has been sleeping in her car behind the arena since her mom kicked her out. Sixteen years old. I can’t stop thinking about her.';
    const f = alarms(await learned.analyze(text, pro)).find((x) => x.category === 'client-confidentiality')!;
    expect(f.layer).toBe('model');
    expect(f.ruleId).toBe('model/client-confidentiality');
    expect(f.score).toBeGreaterThan(0.5);
    expect(f.score).toBeLessThanOrEqual(1);
    expect(f.source).toMatch(/4\.07/);
    expect(f.severity).toBe('error');
    // The span is one sentence of the post, not the whole post.
    expect(f.end - f.start).toBeLessThan(text.length);
    expect(text.slice(f.start, f.end)).toMatch(/^The teenager/);
    const r = alarms(await learned.analyze('NAS 193 456 787', pro));
    expect(r[0]).toMatchObject({ layer: 'rules', category: 'personal-identifier' });
    expect(r[0]!.ruleId).not.toMatch(/^model\//);
  });

  it('points at the sentence that carries the harm inside a long blog post', async () => {
    const bad = 'La semaine passée, une dame de 82 ans que je suis depuis l’été m’a confié en pleurant que son fils vide son compte de banque chaque mois, et elle ne veut pas porter plainte.';
    const text = `Quand on travaille en CLSC, on apprend vite que la confidentialité commence dans le corridor. On baisse la voix, on ferme la porte, on range les dossiers. Ce sont des réflexes qui protègent les gens.\n\n${bad}\n\nJe pense souvent à la place que prend la honte dans ces situations. Si vous travaillez auprès des aînés, quels sont vos repères pour aborder la maltraitance financière?`;
    const f = alarms(await learned.analyze(text, { account: 'professional', platform: 'blog' })).filter((x) => x.category === 'client-confidentiality');
    expect(f.length).toBeGreaterThan(0);
    const at = text.indexOf(bad);
    for (const x of f) {
      expect(x.start).toBeGreaterThanOrEqual(at - 1);
      expect(x.end).toBeLessThanOrEqual(at + bad.length + 1);
    }
  });

  // Everyday posts a user writes: none may raise a warning. Written for this test, not taken from the corpora.
  const everyday = [
    'Lovely sunset tonight.', 'Belle journée au chalet avec les enfants!', 'Go Habs go!', 'Merci à tous pour vos bons mots.',
    'Happy Thanksgiving everyone!', 'Bonne fête maman ❤️', 'Quelle tempête ce matin, soyez prudents sur la route.',
    'Reading a great book on attachment theory this weekend.', 'Joyeux Noël à toutes et à tous!', 'First snow of the year in Sudbury.',
    'Ma fille a commencé la maternelle aujourd’hui 🥹', 'Le café du lundi matin, essentiel.', 'Hockey night with the kids.',
    'Bonne fin de semaine!', 'Beautiful sunset at the lake tonight.', 'Tabarnak qu’il fait frette à matin, le char a pas voulu partir pantoute.',
  ];
  it('stays quiet on everyday posts (personal and unknown accounts)', async () => {
    for (const account of ['personal', 'unknown'] as const) {
      for (const text of everyday) expect(alarms(await learned.analyze(text, { account, platform: 'facebook' })), `${account}: ${text}`).toEqual([]);
    }
  });

  it('never warns on crisis lines, or on the author’s own office contact on a professional account', async () => {
    const posts = [
      'Si vous êtes en détresse, appelez le 811 (Info-Social) ou le 1 866 APPELLE. Tel-Jeunes : 1 800 263-2266. Vous n’êtes pas seul·e.',
      'In crisis? Call or text 988 any time, or Kids Help Phone at 1-800-668-6868. You are not alone.',
      'Mon bureau est au 245, rue Principale, bureau 3, à Rimouski. Pour prendre rendez-vous : 418 555-0199 ou rdv@cliniqueexemple.ca.',
    ];
    for (const text of posts) expect(alarms(await learned.analyze(text, { account: 'professional', platform: 'x' })), text).toEqual([]);
  });

  it('accepts a teaching post that quotes a bad example with its frame', async () => {
    const text = 'Ne publiez jamais quelque chose comme « ma cliente de 15 ans a encore fugué hier » : même sans nom, c’est reconnaissable. Voici trois questions à vous poser avant de publier.';
    expect(alarms(await learned.analyze(text, { account: 'professional', platform: 'linkedin' }))).toEqual([]);
  });

  it('gives the same findings typed paragraph by paragraph (incremental) as in one check', async () => {
    const checker = createIncrementalChecker(learned);
    const parts = [
      'Belle rencontre ce matin à la conférence régionale.',
      'Le petit gars de 9 ans que j’accompagne depuis septembre m’a dit aujourd’hui que son père ne rentre plus à la maison le soir.',
      'NAS 193 456 787',
      'Merci à l’équipe pour l’organisation!',
    ];
    let text = '';
    for (const p of parts) {
      text = text ? `${text}\n${p}` : p;
      for (const account of ['personal', 'professional'] as const) {
        const ctx = { account, platform: 'facebook' };
        expect(await checker.check(text, ctx)).toEqual(await learned.analyze(text, ctx));
      }
    }
  });

  it('tokenizes numbers by their shape, so no number is learned by heart', () => {
    expect(tokenize('appelez le 418 555-0199')).toEqual(['appelez', 'le', '#3', '#3', '#4']);
  });
});
