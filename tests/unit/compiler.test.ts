// A bad rule file must fail the build with the file, the field and the fix.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/rules-compiler/compile';
import { compilePattern } from '../../src/rules-compiler/pattern';

function withRule(yaml: string, folder = 'testimonial', name = 'bad-rule.yml') {
  const dir = mkdtempSync(join(tmpdir(), 'balise-rules-'));
  cpSync(join(__dirname, '../../rules/_lexicon'), join(dir, '_lexicon'), { recursive: true });
  cpSync(join(__dirname, '../../rules/_suppress.yml'), join(dir, '_suppress.yml'));
  cpSync(join(__dirname, '../../rules/_categories.yml'), join(dir, '_categories.yml'));
  mkdirSync(join(dir, folder));
  writeFileSync(join(dir, folder, name), yaml);
  return compileRules(dir);
}

const GOOD = `category: testimonial
severity: error
kind: phrase
source: { doc: "OTSTTSO", clause: "7.1.4", seed: 001_9433daff71de13bf.txt }
fr:
  message: "Ne sollicitez pas de témoignages."
  advice: "Retirez la demande d'avis."
  patterns: ["laissez-moi un avis"]
  examples: { flag: ["Laissez-moi un avis!"], allow: ["Un avis de tempête."] }
en:
  message: "Do not ask for testimonials."
  advice: "Remove the request for reviews."
  patterns: ["leave me a review"]
  examples: { flag: ["Leave me a review!"], allow: ["A storm warning."] }
`;

describe('rule compiler', () => {
  it('accepts a valid rule', () => {
    expect(withRule(GOOD).errors).toEqual([]);
  });
  it('refuses a category file that leaves a category without its message, severity or source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'balise-rules-'));
    cpSync(join(__dirname, '../../rules'), dir, { recursive: true });
    const yaml = readFileSync(join(dir, '_categories.yml'), 'utf8');
    // Drop the English half of the first category, and the whole last one.
    const cut = yaml.replace(/(client-confidentiality:[\s\S]*?)\n  en:\n    message: [^\n]*\n    advice: [^\n]*/, '$1').replace(/\nwork-on-personal:[\s\S]*$/, '\n');
    writeFileSync(join(dir, '_categories.yml'), cut);
    const errors = compileRules(dir).errors.join('\n');
    expect(errors).toMatch(/_categories\.yml: client-confidentiality\.en: \{message, advice\}/);
    expect(errors).toMatch(/_categories\.yml: work-on-personal: missing/);
  });
  it('refuses a pattern list too large for the regex engine to run fast, and says how to fix it', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `mot${i.toString(36)}x`);
    const r = withRule(GOOD.replace('patterns: ["laissez-moi un avis"]', `patterns: ${JSON.stringify(words)}`));
    expect(r.errors.join('\n')).toMatch(/testimonial\/bad-rule\.yml.*KB of regular expression.*split the rule/);
  });
  it('names the file and the field when the source citation is missing', () => {
    const r = withRule(GOOD.replace(/source:.*\n/, ''));
    expect(r.errors.join('\n')).toMatch(/testimonial\/bad-rule\.yml: field "source": required/);
  });
  it('rejects an unknown category with the list of valid ones', () => {
    const r = withRule(GOOD.replace('category: testimonial', 'category: testimonials'));
    expect(r.errors.join('\n')).toMatch(/field "category": "testimonials" is not one of: client-confidentiality/);
  });
  it('rejects a seed file that does not exist', () => {
    const r = withRule(GOOD.replace('001_9433daff71de13bf.txt', 'nope.txt'));
    expect(r.errors.join('\n')).toMatch(/field "source.seed"/);
  });
  it('requires both languages and examples of both kinds', () => {
    const r = withRule(GOOD.replace(/en:[\s\S]*$/, ''));
    expect(r.errors.join('\n')).toMatch(/field "en": required/);
    const r2 = withRule(GOOD.replace('allow: ["Un avis de tempête."]', 'allow: []'));
    expect(r2.errors.join('\n')).toMatch(/field "fr.examples"/);
  });
  it('reports a broken pattern with the pattern text', () => {
    const r = withRule(GOOD.replace('"laissez-moi un avis"', '"laissez (moi un avis"'));
    expect(r.errors.join('\n')).toMatch(/fr.patterns.*missing "\)"/);
    const r2 = withRule(GOOD.replace('"laissez-moi un avis"', '"{no-such-list} avis"'));
    expect(r2.errors.join('\n')).toMatch(/unknown lexicon entry \{no-such-list\}/);
  });
  it('insists that the file name is the id and the folder is the category', () => {
    expect(withRule(GOOD, 'testimonial', 'Bad_Name.yml').errors.join('\n')).toMatch(/kebab-case/);
    expect(withRule(GOOD, 'commercial').errors.join('\n')).toMatch(/move it to rules\/testimonial\//);
  });
  it('reports invalid YAML with the file name', () => {
    expect(withRule('category: [unclosed').errors.join('\n')).toMatch(/bad-rule\.yml: not valid YAML/);
  });
});

describe('pattern language', () => {
  const lex = (n: string) => (n === 'client' ? ['client*', 'usager'] : undefined);
  const m = (p: string, text: string) => new RegExp(compilePattern(p, lex), 'u').test(text);
  it('matches whole words with any punctuation between them', () => {
    expect(m("au nom de l'ordre", 'au nom de l ordre')).toBe(true);
    expect(m('nom', 'prenom')).toBe(false);
  });
  it('supports prefixes, alternatives, optional words, gaps and lexicon lists', () => {
    expect(m('recommand*', 'recommandation')).toBe(true);
    expect(m('(mon|ma) {client}', 'ma cliente')).toBe(true);
    expect(m('mon ancien? {client}', 'mon client')).toBe(true);
    expect(m('mon ancien? {client}', 'mon ancien client')).toBe(true);
    expect(m('avis ~2 etoiles', 'avis cinq etoiles')).toBe(true);
    expect(m('avis ~2 etoiles', 'avis a cinq belles etoiles')).toBe(false);
  });
  it('never lets a gap or separator run into the next sentence, except over an initial', () => {
    expect(m('{client} ~3 suivi', 'mon client. suivi de dossier')).toBe(false);
    expect(m('{client} ~3 suivi', 'mon client! suivi')).toBe(false);
    expect(m('client ~2 for', 'my client jenna r. for this')).toBe(true);
  });
  it('matches symbols that touch words', () => {
    expect(m('info @', 'info@exemple.ca')).toBe(true);
    expect(m('<num> $', 'gagnez 500$')).toBe(true);
  });
  it('gaps are bounded repetitions of disjoint classes (no nested unbounded quantifiers)', () => {
    const src = compilePattern('a ~6 b ~6 c', lex);
    expect(src).not.toMatch(/[+*]\)[+*{]/); // no (x+)+ or (x*)* shapes
    // A pathological input completes (the test's own timeout would catch a hang) and finds nothing.
    expect(new RegExp(src, 'gu').test('a '.repeat(20000))).toBe(false);
  });
});

describe('word gaps and sentence ends', () => {
  const noLex = () => undefined;
  it('step over an initial\'s period but not over a period after a digit, where a sentence ends', () => {
    const re = new RegExp(compilePattern('rencontre ~1 client', noLex), 'u');
    expect(re.test('rencontre m. client')).toBe(true);
    // "salle 3. Client…": the splitter ends the sentence after "3."; a match across it would make
    // the incremental check (sentence by sentence) disagree with a full one.
    expect(re.test('rencontre 3. client')).toBe(false);
  });
});
