/**
 * The Balise rule engine: normalise → detect language per sentence → match → suppress →
 * findings. Pure TypeScript, no DOM: the same code runs in node (CLI, tests) and in the
 * extension's rule worker.
 */
import { VALIDATORS, type IdMatch } from './identifiers';
import { languageCounts, scoreOf } from './language';
import { findPeople } from './nlp';
import { normalize, toFolded, toOriginal, type Normalized } from './normalize';
import { splitSentences, type Sentence } from './sentences';
import { matchAll, MatcherIndex, type Hits, type Matcher, type Spans } from './matcher';
import type { AnalyzeContext, CompiledRule, Finding, Lang, PatternSet, RuleBundle, WatchList } from './types';
import { WATCH_LIST_RULE, watchListMatches } from './watchlist';
import { contextFeatures } from './learned/features';
import { decodeModel, ModelError, scoreFeatures, scorePost, windowFeatures, windowIndicators, type LearnedModel, type RuleHit, type Window, type WindowCache } from './learned/model';

export * from './types';
export { normalize, toOriginal } from './normalize';

/** Posts longer than this are checked in full, but sentence by sentence NLP is skipped beyond it. */
const NLP_MAX_SENTENCE = 600;
/** How far before an identifier (folded characters) an `unless` cue still applies to it. */
const UNLESS_NEAR = 45;
/** A matcher for an empty list (a bundle without a suppression cue): never matches. */
const NEVER: Matcher = { id: -1, sticky: [], guard: new Int32Array(0), scan: null };
const NO_SPANS: Spans = Object.freeze([]) as unknown as Spans;

interface PreparedRule {
  rule: CompiledRule;
  groups: Matcher[];
  unless: Matcher | null;
  unlessPost: Matcher | null;
}

interface SentenceInfo extends Sentence {
  lang: Lang;
}

/** Everything the engine learns about one post, shared by every rule. */
class Post {
  readonly norm: Normalized;
  readonly sentences: SentenceInfo[];
  private cache = new Map<Matcher, Spans>();
  private idCache = new Map<string, IdMatch[]>();
  private hitList: Hits | null = null;
  readonly lang: Lang;

  constructor(readonly text: string, fallback: Lang, private index: MatcherIndex) {
    this.norm = normalize(text);
    const raw = splitSentences(this.norm);
    const t = this.norm.text;
    // One pass over the words: each sentence's counts, and their sum for the post (sentences never split a word).
    const counts = raw.map((s) => languageCounts(t, s.start, s.end));
    const total = { fr: 0, en: 0, shape: 0 };
    for (const c of counts) {
      total.fr += c.fr;
      total.en += c.en;
      total.shape += c.shape;
    }
    const postScore = scoreOf(total);
    const postLang: Lang = postScore > 0 ? 'fr' : postScore < 0 ? 'en' : fallback;
    let prev = postLang;
    this.sentences = raw.map((s, i) => {
      const score = scoreOf(counts[i]!);
      const lang: Lang = score > 0 ? 'fr' : score < 0 ? 'en' : prev;
      prev = lang;
      return { start: s.start, end: s.end, lang };
    });
    this.lang = postLang;
  }

  /** Where each matcher's patterns may start (one pass over the words, on first use). */
  private get hits(): Hits {
    return (this.hitList ??= this.index.hits(this.norm.text));
  }

  /** All matches of `m` over the whole post as flat [start, end, start, end, …], computed once. */
  matches(m: Matcher): Spans {
    // Most matchers have no trigger word in a given post: nothing to run, nothing to cache.
    if (!this.canMatch(m)) return NO_SPANS;
    let r = this.cache.get(m);
    if (!r) this.cache.set(m, (r = matchAll(m, this.norm.text, this.hits)));
    return r;
  }

  /** Whether `m` can match at all: one of its patterns' first words is in the post (or it must be scanned for). */
  canMatch(m: Matcher): boolean {
    return m.scan !== null || this.hits.sets[m.id] !== undefined;
  }

  ids(name: string): IdMatch[] {
    let m = this.idCache.get(name);
    if (!m) {
      const v = VALIDATORS[name]!;
      const t = this.norm.text;
      // Most posts hold no number and no "@": the validators' scans are skipped outright.
      const skip = (v.minDigits !== undefined && this.digitCount() < v.minDigits) || (v.needs !== undefined && !t.includes(v.needs));
      this.idCache.set(name, (m = skip ? [] : v.find(t)));
    }
    return m;
  }

  private digits = -1;
  /** ASCII digits in the folded text (what \d matches in the validators; folding maps full-width digits here). */
  private digitCount(): number {
    if (this.digits < 0) {
      const t = this.norm.text;
      let n = 0;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c >= 48 && c <= 57) n++;
      }
      this.digits = n;
    }
    return this.digits;
  }

  /** Index of the sentence containing folded offset `pos`. */
  sentenceAt(pos: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sentences[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First match of `m` inside [start, end), or null. */
  firstIn(m: Matcher, start: number, end: number): [number, number] | null {
    const x = this.matches(m);
    for (let i = 0; i < x.length; i += 2) {
      if (x[i]! >= start && x[i + 1]! <= end) return [x[i]!, x[i + 1]!];
      if (x[i]! >= end) break;
    }
    return null;
  }

  /** Whether `m` matches inside [start, end) with its end at or before `before`. */
  anyBefore(m: Matcher, start: number, before: number): boolean {
    const x = this.matches(m);
    for (let i = 0; i < x.length; i += 2) {
      if (x[i]! >= start && x[i + 1]! <= before) return true;
      if (x[i]! >= before) break;
    }
    return false;
  }
}

interface Candidate {
  prepared: PreparedRule;
  sentence: number;
  start: number;
  end: number;
  /** person-name rules still need NLP confirmation. */
  needsPerson?: boolean;
  severity?: Finding['severity'];
}

/**
 * Which rules a call runs. `local` rules look only inside one sentence (sentences never cross a
 * line break), so a paragraph can be checked on its own and its findings cached; `global` rules
 * need the whole post (post scope, an `unless_post` exception, the quote suppression, whose cue
 * may stand anywhere in the post, or an identifier whose label may stand in the previous line).
 * `all` (default) runs both.
 */
export type RulePart = 'all' | 'local' | 'global';

/** Whether a rule's result depends only on the sentence it fires in. */
export function isLocalRule(rule: CompiledRule): boolean {
  if (rule.kind === 'identifier' && VALIDATORS[rule.validator!]?.labelled) return false;
  return rule.scope !== 'post' && rule.unlessPost.length === 0 && !rule.suppress.includes('quote');
}

/** Whether the learned layer is in use, and if not, why (shown in the popup and by the CLI). */
export type ModelStatus =
  | { layer: 'learned'; features: number; trainedOn: number }
  | { layer: 'rules-only'; reason: 'missing' | 'damaged' | 'disabled' | 'loading'; detail: string };

export interface Engine {
  /**
   * Checks one post; findings sorted by position. Never throws on any string input. With
   * `part` 'local' or 'global' it returns that part of the rules' findings, before the combiner
   * (the incremental checker gathers them and calls `finish`).
   */
  analyze(text: string, context?: AnalyzeContext, part?: RulePart): Promise<Finding[]>;
  /**
   * The rest of an incremental check in one pass over the post: its global rules, then the
   * combiner over those and the `local` findings gathered line by line.
   */
  finish(text: string, context: AnalyzeContext, local: Finding[], cache?: WindowCache): Promise<Finding[]>;
  /**
   * Loads the learned layer from a model file's bytes (null: none). A missing or damaged file
   * leaves the rules alone at work, with the reason in `modelStatus`; it never throws.
   */
  useModel(bytes: Uint8Array | null, detail?: string): ModelStatus;
  readonly modelStatus: ModelStatus;
  /** Language of the post as a whole (majority of its sentences). */
  detectPostLanguage(text: string): Lang;
  readonly rules: readonly CompiledRule[];
}

/** Builds an engine from a compiled rule bundle (see src/rules-compiler). */
export function createEngine(bundle: RuleBundle): Engine {
  let model: LearnedModel | null = null;
  let status: ModelStatus = { layer: 'rules-only', reason: 'disabled', detail: 'no model loaded' };
  const index = new MatcherIndex();
  const prepared: PreparedRule[] = bundle.rules.map((rule) => ({
    rule,
    groups: rule.all.map((g) => index.add(g) ?? NEVER),
    unless: index.add(rule.unless),
    unlessPost: index.add(rule.unlessPost),
  }));
  const cue = (set: PatternSet) => index.add(set) ?? NEVER;
  const sup = {
    negation: cue(bundle.suppress.negation),
    teaching: cue(bundle.suppress.teaching),
    hypothetical: cue(bundle.suppress.hypothetical),
    quote: cue(bundle.suppress.quote),
    ownContact: cue(bundle.suppress.ownContact),
  };

  function suppressed(post: Post, p: PreparedRule, si: number, start: number): boolean {
    const s = post.sentences[si]!;
    const kinds = p.rule.suppress;
    // Negation and hypotheticals bear on what follows them in the sentence ("je ne parle jamais de mes clients").
    if (kinds.includes('negation') && post.anyBefore(sup.negation, Math.max(s.start, start - 80), start + 1)) return true;
    if (kinds.includes('hypothetical') && post.anyBefore(sup.hypothetical, s.start, start + 1)) return true;
    // Teaching or quoting the guidelines: the cue may sit anywhere in the sentence.
    if (kinds.includes('teaching') && post.firstIn(sup.teaching, s.start, s.end)) return true;
    if (kinds.includes('quote')) {
      const t = post.norm.text;
      let quotes = 0;
      for (let i = s.start; i < start; i++) if (t.charCodeAt(i) === 34) quotes++;
      if (quotes % 2 === 1 && post.firstIn(sup.quote, 0, t.length)) return true;
    }
    return false;
  }

  function candidatesFor(post: Post, p: PreparedRule, ctx: AnalyzeContext): Candidate[] {
    const { rule } = p;
    const out: Candidate[] = [];
    const t = post.norm.text;
    // Cheap first: a rule whose every group cannot match (no trigger word in the post) is skipped.
    if (!p.groups.every((g) => post.canMatch(g))) return out;
    if (p.unlessPost && post.matches(p.unlessPost).length) return out;

    if (rule.kind === 'identifier') {
      const v = VALIDATORS[rule.validator!]!;
      for (const id of post.ids(rule.validator!)) {
        const si = post.sentenceAt(id.start);
        const s = post.sentences[si]!;
        if (!p.groups.every((g) => post.firstIn(g, s.start, s.end))) continue;
        // For identifiers, an exception ("ligne de crise", "our office") must stand close to the number itself.
        if (p.unless && post.firstIn(p.unless, Math.max(s.start, id.start - UNLESS_NEAR), Math.min(s.end, id.end + 12))) continue;
        let severity: Finding['severity'] | undefined;
        if (v.contact && post.firstIn(sup.ownContact, s.start, s.end)) {
          // The author's own contact details: not a finding on a professional account, a reminder elsewhere.
          if (ctx.account === 'professional') continue;
          severity = 'info';
        }
        if (suppressed(post, p, si, id.start)) continue;
        out.push({ prepared: p, sentence: si, start: id.start, end: id.end, severity });
      }
      return out;
    }

    const first = post.matches(p.groups[0]!);
    if (!first.length) return out;
    if (rule.scope === 'post') {
      if (!p.groups.every((g) => post.matches(g).length)) return out;
      for (let i = 0; i < first.length; i += 2) {
        const si = post.sentenceAt(first[i]!);
        if (p.unless && post.firstIn(p.unless, 0, t.length)) return out;
        if (suppressed(post, p, si, first[i]!)) continue;
        out.push({ prepared: p, sentence: si, start: first[i]!, end: first[i + 1]!, needsPerson: rule.kind === 'person-name' });
        return out;
      }
      return out;
    }
    let lastSentence = -1;
    for (let i = 0; i < first.length; i += 2) {
      const si = post.sentenceAt(first[i]!);
      if (si === lastSentence) continue;
      const s = post.sentences[si]!;
      if (!p.groups.every((g, k) => k === 0 || post.firstIn(g, s.start, s.end))) continue;
      if (p.unless && post.firstIn(p.unless, s.start, s.end)) {
        lastSentence = si;
        continue;
      }
      if (suppressed(post, p, si, first[i]!)) continue;
      lastSentence = si;
      out.push({ prepared: p, sentence: si, start: first[i]!, end: first[i + 1]!, needsPerson: rule.kind === 'person-name' });
    }
    return out;
  }

  async function analyze(text: string, context: AnalyzeContext = {}, part: RulePart = 'all'): Promise<Finding[]> {
    if (typeof text !== 'string' || text.length === 0) return [];
    const ctx = { account: 'unknown', ...context } as AnalyzeContext;
    const post = new Post(text, ctx.uiLanguage ?? 'fr', index);
    const found = await ruleFindings(post, ctx, part);
    return part === 'all' ? combineIn(post, ctx, found) : found;
  }

  async function finish(text: string, context: AnalyzeContext, local: Finding[], cache?: WindowCache): Promise<Finding[]> {
    if (typeof text !== 'string' || !text) return [];
    const ctx = { account: 'unknown', ...context } as AnalyzeContext;
    const post = new Post(text, ctx.uiLanguage ?? 'fr', index);
    const all = [...local, ...(await ruleFindings(post, ctx, 'global'))];
    all.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    return combineIn(post, ctx, all, cache);
  }

  function combineIn(post: Post, ctx: AnalyzeContext, found: Finding[], cache?: WindowCache): Finding[] {
    if (!model) return found.map((f) => ({ ...f, layer: 'rules' as const }));
    const m = model;
    const h = m.header;
    const t = post.norm.text;
    const alarms = found.filter((f) => f.severity !== 'info' && f.ruleId !== WATCH_LIST_RULE);
    const hits: RuleHit[] = alarms.map((f) => {
      const [start, end] = toFolded(post.norm, f.start, f.end);
      return { ruleId: f.ruleId, category: f.category, start, end };
    });
    const scores = scorePost(m, t, post.sentences, ctx, hits, cache);
    const long = t.length > h.single;
    const cellKey = long ? `${post.lang}:long` : post.lang;
    const strong = standAlone!;
    const out: Finding[] = found.filter((f) => f.severity === 'info' || f.ruleId === WATCH_LIST_RULE).map((f) => ({ ...f, layer: 'rules' as const }));
    h.categories.forEach((cat, c) => {
      const only = h.accountOnly[cat];
      if (only && only !== ctx.account) return;
      const cell = h.combiner[cat]?.[cellKey];
      if (!cell) return;
      const p = scores.p[c]!;
      const score = Math.round(p * 100) / 100;
      const mine = alarms.filter((f) => f.category === cat);
      const kept = mine.filter((f) => strong.has(f.ruleId) || p >= cell.withRule);
      if (kept.length) {
        for (const f of kept) out.push({ ...f, layer: 'rules', score });
        return;
      }
      if (p < cell.alone || !scores.solid) return;
      const [fs, fe] = bestSentence(m, post, scores.best[c]!, c, ctx, hits);
      const [start, end] = toOriginal(post.norm, fs, fe);
      const lang = post.sentences[post.sentenceAt(fs)]!.lang;
      const info = bundle.categories[cat];
      const say = ctx.messageLanguage ?? lang;
      out.push({
        ruleId: `model/${cat}`,
        category: cat,
        severity: info.severity,
        start,
        end,
        message: info.messages[say].message,
        advice: info.messages[say].advice,
        source: `${info.source.doc} ${info.source.clause}`,
        lang,
        layer: 'model',
        score,
      });
    });
    out.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    return out;
  }

  /** The sentence of a window that carries category c best (its span, trimmed of spaces). */
  function bestSentence(m: LearnedModel, post: Post, w: Window, c: number, ctx: AnalyzeContext, hits: RuleHit[]): [number, number] {
    const t = post.norm.text;
    const inside = post.sentences.filter((s) => s.start < w.end && s.end > w.start && /[a-z0-9]/.test(t.slice(s.start, s.end)));
    let best: Window = w;
    if (inside.length > 1) {
      let bs = -1;
      for (const s of inside) {
        const q = scoreFeatures(m, windowFeatures(t, s), windowIndicators(s, contextFeatures(ctx), hits))[c]!;
        if (q > bs) {
          bs = q;
          best = s;
        }
      }
    }
    let { start, end } = best;
    while (start < end && /\s/.test(t[start]!)) start++;
    while (end > start && /\s/.test(t[end - 1]!)) end--;
    return [start, end];
  }

  let standAlone: Set<string> | null = null;
  function useModel(bytes: Uint8Array | null, detail?: string): ModelStatus {
    model = null;
    standAlone = null;
    if (!bytes) {
      status = { layer: 'rules-only', reason: 'missing', detail: detail ?? 'no model file' };
      return status;
    }
    try {
      const m = decodeModel(bytes);
      if (m.header.categories.some((c) => !bundle.categories?.[c])) throw new ModelError('the rules bundle has no messages for a category of the model');
      model = m;
      standAlone = new Set(m.header.standAlone);
      status = { layer: 'learned', features: m.header.features, trainedOn: m.header.trainedOn.posts };
    } catch (e) {
      status = { layer: 'rules-only', reason: 'damaged', detail: e instanceof ModelError ? e.message : `the model could not be read (${String((e as Error)?.message ?? e)})` };
    }
    return status;
  }

  async function ruleFindings(post: Post, ctx: AnalyzeContext, part: RulePart): Promise<Finding[]> {
    const text = post.text;
    const cands: Candidate[] = [];
    for (const p of prepared) {
      if (part !== 'all' && isLocalRule(p.rule) !== (part === 'local')) continue;
      if (p.rule.account && p.rule.account !== ctx.account) continue;
      if (p.rule.platforms && !(ctx.platform && p.rule.platforms.includes(ctx.platform))) continue;
      cands.push(...candidatesFor(post, p, ctx));
    }
    const findings: Finding[] = [];
    for (const c of cands) {
      let [start, end] = toOriginal(post.norm, c.start, c.end);
      const s = post.sentences[c.sentence]!;
      if (c.needsPerson) {
        const [ss, se] = toOriginal(post.norm, s.start, s.end);
        if (se - ss > NLP_MAX_SENTENCE) continue;
        const people = await findPeople(text.slice(ss, se), s.lang);
        if (!people.length) continue;
        start = ss + people[0]!.start;
        end = Math.min(ss + people[0]!.end, text.length);
      }
      findings.push(toFinding(c.prepared.rule, s.lang, start, end, c.severity, ctx.messageLanguage));
    }
    if (part !== 'global' && ctx.watchList && ctx.watchList.hashes.length) {
      for (const w of await watchListMatches(post.norm, ctx.watchList)) {
        const si = post.sentenceAt(w.start);
        const [start, end] = toOriginal(post.norm, w.start, w.end);
        findings.push(watchFinding(post.sentences[si]!.lang, start, end, ctx.messageLanguage));
      }
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    return findings;
  }

  return {
    analyze,
    finish,
    useModel,
    get modelStatus() {
      return status;
    },
    detectPostLanguage: (text: string) => new Post(String(text), 'fr', index).lang,
    rules: bundle.rules,
  };
}

function toFinding(rule: CompiledRule, lang: Lang, start: number, end: number, severity?: Finding['severity'], say: Lang = lang): Finding {
  const m = rule.messages[say];
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: severity ?? rule.severity,
    start,
    end,
    message: m.message,
    source: `${rule.source.doc} ${rule.source.clause}`,
    advice: m.advice,
    lang,
  };
}

const WATCH = {
  fr: {
    message: 'Ce nom figure dans votre liste privée de noms à surveiller (clients, milieux, collègues).',
    advice: 'Retirez ce nom ; une personne que vous accompagnez ne doit jamais être reconnaissable dans une publication.',
  },
  en: {
    message: 'This name is on your private watch list (clients, workplaces, colleagues).',
    advice: 'Remove the name; a person you serve must never be recognisable in a post.',
  },
};

function watchFinding(lang: Lang, start: number, end: number, say: Lang = lang): Finding {
  return {
    ruleId: WATCH_LIST_RULE,
    category: 'client-confidentiality',
    severity: 'error',
    start,
    end,
    message: WATCH[say].message,
    advice: WATCH[say].advice,
    source: say === 'fr' ? 'Normes ASWB/OTSTCFQ 4.07' : 'ASWB/OTSTCFQ standards 4.07',
    lang,
  };
}

export type { WatchList };
