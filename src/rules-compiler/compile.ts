/**
 * Build-time rule compiler: reads rules/<category>/<id>.yml, validates every field, compiles
 * the patterns to regular-expression sources and returns the runtime bundle. Every problem is
 * reported with the file, the field and how to fix it; one bad file fails the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import { CATEGORIES, type Category, type CategoryInfo, type CompiledRule, type CompiledSuppressors, type Lang, type PatternSet, type RuleBundle } from '../engine/types';
import { VALIDATORS } from '../engine/identifiers';
import { compilePatternAlts, PatternError, type LexiconLookup } from './pattern';

/** Largest regular expression one pattern list may compile to. */
export const MAX_REGEX_CHARS = 20_000;

export interface RuleExample {
  ruleId: string;
  lang: Lang;
  text: string;
  expect: 'flag' | 'allow';
  file: string;
}

export interface CompileResult {
  bundle: RuleBundle;
  examples: RuleExample[];
  errors: string[];
  files: string[];
}

const KINDS = ['phrase', 'cooccurrence', 'identifier', 'person-name'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const ACCOUNTS = ['personal', 'professional'] as const;
const SEEDS = [
  '000_f87839742bbd8956.txt', '001_9433daff71de13bf.txt', '002_eb5e4275f159553e.txt',
  '003_a0191a331c50ba06.txt', '004_edbaf7a95882731f.txt',
];
const RULE_KEYS = new Set(['id', 'category', 'severity', 'kind', 'account', 'platforms', 'scope', 'source', 'suppress', 'validator', 'fr', 'en', 'note']);
const LANG_KEYS = new Set(['message', 'advice', 'patterns', 'all', 'unless', 'unless_post', 'examples']);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

const isStrList = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string' && s.trim() !== '');

/** Compiles the rules directory. `errors` is empty when everything is valid. */
export function compileRules(rulesDir: string): CompileResult {
  // (errors are collected per file; the caller decides whether any error fails the build)
  const errors: string[] = [];
  const examples: RuleExample[] = [];
  const files = walk(rulesDir);
  const rel = (f: string) => relative(process.cwd(), f) || f;

  // Lexicon: rules/_lexicon/<lang>.yml and rules/_lexicon/<lang>-<topic>.yml, name -> list of patterns.
  const lexRaw: Record<Lang, Record<string, string[]>> = { fr: {}, en: {} };
  const lexDir = join(rulesDir, '_lexicon');
  const lexWhere: Record<string, string> = {};
  for (const f of walk(lexDir)) {
    const m = /^(fr|en)(-[a-z0-9-]+)?\.ya?ml$/.exec(basename(f));
    if (!m) {
      errors.push(`${rel(f)}: lexicon files are named fr.yml, en.yml, fr-<topic>.yml or en-<topic>.yml`);
      continue;
    }
    const lang = m[1] as Lang;
    try {
      const data = parse(readFileSync(f, 'utf8')) ?? {};
      for (const [k, v] of Object.entries(data)) {
        if (!isStrList(v)) errors.push(`${rel(f)}: entry "${k}" must be a list of non-empty strings`);
        else if (lexRaw[lang][k]) errors.push(`${rel(f)}: entry "${k}" is already defined in ${lexWhere[`${lang}:${k}`]}; rename one of them`);
        else {
          lexRaw[lang][k] = v;
          lexWhere[`${lang}:${k}`] = rel(f);
        }
      }
    } catch (e) {
      errors.push(`${rel(f)}: cannot read the lexicon (${(e as Error).message.split('\n')[0]})`);
    }
  }
  const lookup = (lang: Lang): LexiconLookup => (name) => {
    const [l, n] = name.includes(':') ? (name.split(':') as [Lang, string]) : [lang, name];
    return lexRaw[l]?.[n];
  };
  const compileList = (list: string[], lang: Lang, where: string): PatternSet | undefined => {
    try {
      const alts = compilePatternAlts(list, lookup(lang));
      const src = `(?:${alts.map((a) => a.src).join('|')})`;
      if (new RegExp(src, 'u').test('')) throw new PatternError('it matches empty text; make at least one word required');
      // Past this size V8 stops optimising a regular expression and matching slows down a
      // hundredfold (measured); a whole rule set once ran out of memory this way.
      if (src.length > MAX_REGEX_CHARS) {
        throw new PatternError(`this list compiles to ${Math.round(src.length / 1000)} KB of regular expression (limit ${MAX_REGEX_CHARS / 1000} KB); split the rule in two or shorten the lexicon lists it uses`);
      }
      return alts;
    } catch (e) {
      errors.push(`${where}: ${(e as Error).message}`);
      return undefined;
    }
  };

  // Suppression cues: rules/_suppress.yml, {negation|teaching|hypothetical|quote|ownContact: {fr: [...], en: [...]}}.
  const suppressFile = join(rulesDir, '_suppress.yml');
  const suppress: CompiledSuppressors = { negation: [], teaching: [], hypothetical: [], quote: [], ownContact: [] };
  try {
    const data = parse(readFileSync(suppressFile, 'utf8')) ?? {};
    for (const key of Object.keys(suppress) as (keyof typeof suppress)[]) {
      const parts: PatternSet = [];
      for (const lang of ['fr', 'en'] as const) {
        const list = data?.[key]?.[lang];
        if (!isStrList(list)) {
          errors.push(`${rel(suppressFile)}: "${key}.${lang}" must be a list of patterns`);
          continue;
        }
        const c = compileList(list, lang, `${rel(suppressFile)}: ${key}.${lang}`);
        if (c) parts.push(...c);
      }
      suppress[key] = parts;
    }
  } catch (e) {
    errors.push(`${rel(suppressFile)}: cannot read (${(e as Error).message})`);
  }

  // What each category says when the learned layer raises it alone: rules/_categories.yml.
  const categoriesFile = join(rulesDir, '_categories.yml');
  const categories = {} as Record<Category, CategoryInfo>;
  try {
    const data = parse(readFileSync(categoriesFile, 'utf8')) ?? {};
    for (const key of Object.keys(data)) if (!(CATEGORIES as readonly string[]).includes(key)) errors.push(`${rel(categoriesFile)}: "${key}" is not one of the 15 categories`);
    for (const cat of CATEGORIES) {
      const d = data[cat];
      const at = `${rel(categoriesFile)}: ${cat}`;
      if (!d) {
        errors.push(`${at}: missing (every category needs its severity, source and messages)`);
        continue;
      }
      if (!SEVERITIES.includes(d.severity) || d.severity === 'info') errors.push(`${at}.severity: error or warning`);
      const src = d.source;
      if (!src || typeof src.doc !== 'string' || !src.doc.trim() || src.clause == null || !SEEDS.includes(src.seed)) errors.push(`${at}.source: {doc, clause, seed} with seed one of ${SEEDS.join(', ')}`);
      const messages = {} as CategoryInfo['messages'];
      for (const lang of ['fr', 'en'] as const) {
        const m = d[lang];
        if (!m || typeof m.message !== 'string' || !m.message.trim() || typeof m.advice !== 'string' || !m.advice.trim()) errors.push(`${at}.${lang}: {message, advice}, both non-empty`);
        else messages[lang] = { message: m.message.trim(), advice: m.advice.trim() };
      }
      if (src && messages.fr && messages.en) categories[cat] = { severity: d.severity, source: { doc: String(src.doc).trim(), clause: String(src.clause).trim(), seed: src.seed }, messages };
    }
  } catch (e) {
    errors.push(`${rel(categoriesFile)}: cannot read (${(e as Error).message})`);
  }

  const rules: CompiledRule[] = [];
  const ids = new Map<string, string>();
  for (const file of files) {
    if (file.startsWith(lexDir) || file === suppressFile || file === categoriesFile) continue;
    const where = rel(file);
    const err = (field: string, msg: string) => errors.push(`${where}: field "${field}": ${msg}`);
    let doc: any;
    try {
      doc = parse(readFileSync(file, 'utf8'));
    } catch (e) {
      errors.push(`${where}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    if (!doc || typeof doc !== 'object') {
      errors.push(`${where}: empty file; a rule needs id, category, severity, kind, source, fr and en`);
      continue;
    }
    const before = errors.length;
    for (const k of Object.keys(doc)) if (!RULE_KEYS.has(k)) err(k, `unknown field; allowed: ${[...RULE_KEYS].join(', ')}`);
    const fileId = basename(file).replace(/\.ya?ml$/, '');
    const folder = basename(join(file, '..'));
    const id = doc.id ?? fileId;
    if (id !== fileId) err('id', `"${id}" must equal the file name "${fileId}" (rename the file or the id)`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) err('id', `"${id}" must be kebab-case (a-z, 0-9, -)`);
    if (!CATEGORIES.includes(doc.category)) err('category', `"${doc.category}" is not one of: ${CATEGORIES.join(', ')}`);
    else if (folder !== doc.category) err('category', `the file is in rules/${folder}/ but its category is ${doc.category}; move it to rules/${doc.category}/`);
    const fullId = `${doc.category}/${id}`;
    if (ids.has(fullId)) err('id', `duplicate rule id ${fullId} (also in ${ids.get(fullId)})`);
    ids.set(fullId, where);
    if (!SEVERITIES.includes(doc.severity)) err('severity', `"${doc.severity}" must be one of: ${SEVERITIES.join(', ')}`);
    if (!KINDS.includes(doc.kind)) err('kind', `"${doc.kind}" must be one of: ${KINDS.join(', ')}`);
    if (doc.account !== undefined && !ACCOUNTS.includes(doc.account)) err('account', `"${doc.account}" must be personal or professional (or leave it out)`);
    if (doc.platforms !== undefined && !isStrList(doc.platforms)) err('platforms', 'must be a list such as [facebook, x, linkedin, blog]');
    const scope = doc.scope ?? 'sentence';
    if (scope !== 'sentence' && scope !== 'post') err('scope', `"${scope}" must be sentence or post`);
    const src = doc.source;
    if (!src || typeof src !== 'object') err('source', 'required: { doc: "…", clause: "…", seed: "00N_….txt" } — every warning cites its guideline');
    else {
      if (typeof src.doc !== 'string' || !src.doc.trim()) err('source.doc', 'name the document, e.g. "Normes ASWB/OTSTCFQ"');
      if (typeof src.clause !== 'string' || !src.clause.trim()) err('source.clause', 'name the clause, e.g. "4.07"');
      if (!SEEDS.includes(src.seed)) err('source.seed', `"${src.seed}" must be one of the seed files: ${SEEDS.join(', ')}`);
    }
    const suppressList: string[] = doc.suppress ?? ['negation', 'teaching', 'hypothetical'];
    if (!Array.isArray(suppressList) || suppressList.some((s) => !['negation', 'teaching', 'hypothetical', 'quote'].includes(s)))
      err('suppress', 'a list drawn from negation, teaching, hypothetical, quote (or [] to never suppress)');
    if (doc.kind === 'identifier' && !VALIDATORS[doc.validator as string])
      err('validator', `"${doc.validator}" must be one of: ${Object.keys(VALIDATORS).join(', ')}`);
    if (doc.kind !== 'identifier' && doc.validator !== undefined) err('validator', 'only identifier rules have a validator');

    const groupsByLang: Record<Lang, string[][]> = { fr: [], en: [] };
    const unless: PatternSet = [];
    const unlessPost: PatternSet = [];
    const messages = {} as CompiledRule['messages'];
    for (const lang of ['fr', 'en'] as const) {
      const b = doc[lang];
      const f = (k: string) => `${lang}.${k}`;
      if (!b || typeof b !== 'object') {
        err(lang, `required: a ${lang === 'fr' ? 'French' : 'English'} block with message, advice, patterns and examples`);
        continue;
      }
      for (const k of Object.keys(b)) if (!LANG_KEYS.has(k)) err(f(k), `unknown field; allowed: ${[...LANG_KEYS].join(', ')}`);
      if (typeof b.message !== 'string' || b.message.trim().length < 10) err(f('message'), 'a plain-language reason of at least 10 characters');
      if (typeof b.advice !== 'string' || b.advice.trim().length < 10) err(f('advice'), 'say what to do instead (at least 10 characters)');
      messages[lang] = { message: String(b.message ?? '').trim(), advice: String(b.advice ?? '').trim() };
      let groups: string[][] = [];
      if (doc.kind === 'phrase') {
        if (!isStrList(b.patterns)) err(f('patterns'), 'a phrase rule needs a list of patterns');
        else groups = [b.patterns];
        if (b.all !== undefined) err(f('all'), 'phrase rules use "patterns"; use kind: cooccurrence for "all"');
      } else if (doc.kind === 'cooccurrence' || doc.kind === 'person-name') {
        if (!Array.isArray(b.all) || !b.all.length || !b.all.every(isStrList))
          err(f('all'), 'a list of pattern lists, e.g. all: [[my client*], [friend request*]]; each list must match in the scope');
        else groups = b.all;
        if (doc.kind === 'cooccurrence' && groups.length < 2) err(f('all'), 'a cooccurrence rule needs at least two lists (use kind: phrase for one)');
      } else if (doc.kind === 'identifier') {
        if (b.all !== undefined) {
          if (!Array.isArray(b.all) || !b.all.every(isStrList)) err(f('all'), 'context: a list of pattern lists, each must match in the sentence');
          else groups = b.all;
        }
      }
      groupsByLang[lang] = groups;
      for (const [key, target] of [['unless', unless], ['unless_post', unlessPost]] as const) {
        if (b[key] === undefined) continue;
        if (!isStrList(b[key])) err(f(key), 'a list of patterns that cancel the finding');
        else {
          const c = compileList(b[key], lang, `${where}: field "${f(key)}"`);
          if (c) target.push(...c);
        }
      }
      const ex = b.examples;
      if (!ex || !isStrList(ex.flag) || !isStrList(ex.allow) || !ex.flag.length || !ex.allow.length)
        err(f('examples'), 'required: { flag: ["a post that must be flagged"], allow: ["a close post that must not"] }');
      else {
        for (const text of ex.flag) examples.push({ ruleId: fullId, lang, text, expect: 'flag', file: where });
        for (const text of ex.allow) examples.push({ ruleId: fullId, lang, text, expect: 'allow', file: where });
      }
    }
    if (groupsByLang.fr.length !== groupsByLang.en.length)
      err('all', `fr has ${groupsByLang.fr.length} pattern lists and en has ${groupsByLang.en.length}; they must have the same number, in the same order`);
    const all: PatternSet[] = [];
    for (let g = 0; g < groupsByLang.fr.length; g++) {
      // Both languages run on every sentence: a group holds the patterns of both.
      const parts: PatternSet = [];
      for (const lang of ['fr', 'en'] as const) {
        const list = groupsByLang[lang][g];
        if (!list) continue;
        const c = compileList(list, lang, `${where}: field "${lang}.${doc.kind === 'phrase' ? 'patterns' : `all[${g}]`}"`);
        if (c) parts.push(...c);
      }
      all.push(parts);
    }
    if (errors.length > before) continue;
    rules.push({
      id: fullId,
      category: doc.category as Category,
      severity: doc.severity,
      kind: doc.kind,
      account: doc.account,
      platforms: doc.platforms,
      scope,
      all,
      unless,
      unlessPost,
      suppress: suppressList,
      validator: doc.validator,
      source: { doc: src.doc.trim(), clause: String(src.clause).trim(), seed: src.seed },
      messages,
    } as CompiledRule);
  }
  if (!rules.length && !errors.length) errors.push(`${rel(rulesDir)}: no rules found`);
  const lexicon: Record<string, string> = {};
  return { bundle: { version: 1, rules, suppress, lexicon, categories }, examples, errors, files };
}
