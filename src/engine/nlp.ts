/**
 * Optional NLP, loaded lazily and only for the few sentences that need it (person names near a
 * clinical context). compromise and fr-compromise cost ≈0.5 s each to import on this machine, so
 * they are never imported until a sentence asks for them, and never in a content script.
 */
import type { Lang } from './types';

export interface Span {
  start: number;
  end: number;
}

type Nlp = (text: string) => any;

const FULL_NAME = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:\s+\p{Lu}(?:\.|[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?))+$/u;
/** Place-name heads that the taggers take for people ("Val-Moreau", "Saint-Jérôme", "Lac Brome"). */
const PLACE = /(^|[\s-])(Val|Mont|Saint|Sainte|St|Ste|Lac|Rivière|Riviere|Port|Fort|Pointe|Cap|Baie|Île|Ile|Notre|Québec|Quebec|Montréal|Montreal|Ontario|Canada|Centre|Center|CLSC|CISSS|CIUSSS|DPJ|Hôpital|Hopital|Hospital|Rue|Street|Avenue|Boulevard)([\s-]|$)/u;
const loaded: Partial<Record<Lang, Promise<Nlp | null>>> = {};

async function load(lang: Lang): Promise<Nlp | null> {
  try {
    const mod: any = lang === 'en' ? await import('compromise') : await import('fr-compromise');
    return (mod.default ?? mod) as Nlp;
  } catch {
    // Without NLP the cheap matchers still run; person-name rules simply do not fire.
    return null;
  }
}

/** Person names (and, for French, runs of proper nouns) in `text`, as UTF-16 offsets into it. */
export async function findPeople(text: string, lang: Lang): Promise<Span[]> {
  const nlp = await (loaded[lang] ??= load(lang));
  if (!nlp) return [];
  const doc = nlp(text);
  const view = lang === 'en' ? doc.people() : doc.match('(#Person|#ProperNoun)+');
  const out: Span[] = [];
  for (const j of view.json({ offset: true }) as any[]) {
    const o = j.offset ?? j.terms?.[0]?.offset;
    if (!o) continue;
    // Compromise offsets count characters; posts are checked per sentence, where they agree with UTF-16 except around astral emoji.
    const raw = text.slice(o.start, o.start + o.length);
    const name = raw.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '');
    // A full name: two or more capitalised words (first + last name or initial), not a place.
    if (!FULL_NAME.test(name) || PLACE.test(name)) continue;
    const start = o.start + raw.indexOf(name);
    out.push({ start, end: start + name.length });
  }
  return out;
}

/** True once the NLP for `lang` has been requested (for the benchmark's cold-start accounting). */
export function nlpLoaded(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}
