/** The 15 finding categories: a contract with the corpora and the scorer (../shared/guidelines/categories.md). */
export const CATEGORIES = [
  'client-confidentiality', 'personal-identifier', 'testimonial', 'spokesperson',
  'online-intervention', 'dual-relationship', 'discrimination', 'hostile-tone',
  'colleague-respect', 'commercial', 'competence-claims', 'copyright',
  'location-disclosure', 'personal-on-professional', 'work-on-personal',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'fr' | 'en';
export type Account = 'personal' | 'professional' | 'unknown';

/** Where the post is being written; drives the account-dependent rules. */
export interface AnalyzeContext {
  platform?: string;
  account?: Account;
  /** Language for messages when a sentence's language cannot be told. */
  uiLanguage?: Lang;
  /**
   * Language of every message, advice and source line (the extension passes the browser's UI
   * language). Unset: each finding speaks the language of its sentence. `lang` on a finding is
   * always the sentence's language.
   */
  messageLanguage?: Lang;
  /** Salted hashes of normalised names that must never appear (options page). */
  watchList?: WatchList;
}

export interface WatchList {
  salt: string;
  /** hex SHA-256 digests of `salt + normalised word or word pair` */
  hashes: string[];
}

/** The citation every finding carries. */
export interface Source {
  doc: string;
  clause: string;
  seed: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  /** In the language of the sentence the finding sits in. */
  message: string;
  /** "document clause", e.g. « Normes ASWB/OTSTCFQ 4.07 ». */
  source: string;
  /** What to do instead, same language as message. */
  advice?: string;
  lang: Lang;
  /** Which layer raised it: a rule (ruleId is the rule's), or the learned model alone (ruleId "model/<category>"). */
  layer?: 'rules' | 'model';
  /** The learned model's probability for this category on the post (absent when no model is loaded). */
  score?: number;
}

/** Compiled, runtime form of a rule (produced at build time by src/rules-compiler). */
export interface CompiledRule {
  id: string;
  category: Category;
  severity: Severity;
  kind: 'phrase' | 'cooccurrence' | 'identifier' | 'person-name';
  /** Only raised for this account type (personal-on-professional, work-on-personal). */
  account?: Account;
  platforms?: string[];
  scope: 'sentence' | 'post';
  /** Pattern lists over the normalised text (both languages); every group must match in the scope. */
  all: PatternSet[];
  /** Patterns that cancel the finding when found in the same scope. */
  unless: PatternSet;
  /** Same, but looked for in the whole post. */
  unlessPost: PatternSet;
  /** Which shared suppressions apply (rules/_suppress.yml); [] = never suppressed. */
  suppress: SuppressKind[];
  validator?: string;
  source: Source;
  messages: Record<Lang, { message: string; advice: string }>;
}

/**
 * Where a pattern can start, on folded text: exact words (e), word prefixes (p), any word that
 * starts with a digit (d), a symbol starting with one of these UTF-16 units (s, numbers: an
 * emoji's first half alone is not valid in a JSON string).
 */
export interface Triggers {
  e: string[];
  p: string[];
  d?: boolean;
  s?: number[];
}

/** One compiled pattern: its regex source and the words it can start with (null: a symbol; scan for it). */
export interface PatternAlt {
  src: string;
  t: Triggers | null;
  /** A later required item's words: a post without any of them cannot match (absent: no check). */
  g?: Triggers;
}

/** A list of patterns, any of which may match; kept apart so each runs only where it can start. */
export type PatternSet = PatternAlt[];

export type SuppressKind = 'negation' | 'teaching' | 'hypothetical' | 'quote';

export interface CompiledSuppressors {
  negation: PatternSet;
  teaching: PatternSet;
  hypothetical: PatternSet;
  quote: PatternSet;
  ownContact: PatternSet;
}

/** What a category says when the learned layer raises it without a rule (rules/_categories.yml). */
export interface CategoryInfo {
  severity: Severity;
  source: Source;
  messages: Record<Lang, { message: string; advice: string }>;
}

export interface RuleBundle {
  version: 1;
  rules: CompiledRule[];
  suppress: CompiledSuppressors;
  lexicon: Record<string, string>;
  categories: Record<Category, CategoryInfo>;
}
