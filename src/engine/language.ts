import type { Lang } from './types';

// Function words that are frequent and unambiguous between French and English (folded form:
// lower case, no accents). Words shared by both ("a", "on", "me", "son", "plus") are left out.
const FR = new Set(
  ('le la les des du de et est une un pour pas que qui dans sur avec je tu il elle ils elles nous vous mais ou ca ' +
    'c cest mon ma mes ton ta tes ses au aux ce cette ces leur leurs tres aussi comme quand tout tous toute ' +
    'etre avoir fait ete suis sont avez avons y en ne jamais rien moi toi lui eux pis pour par chez sans sous entre ' +
    'apres avant depuis encore deja merci bonjour aujourd hui ici quoi oui non faut peut veux voici votre vos notre nos ' +
    'ai as avait etait seulement toujours parce j l qu')
    .split(' '),
);
const EN = new Set(
  ('the and is are to of in for with my you it that this was i we they but not at be have has had your our their ' +
    'from by or an will would can could should just about what when who how there here all so if do does did ' +
    'been were its im dont cant today him her she he them me us his hers than then out up get got one some any ' +
    'no yes thanks please youre thats ive ill weve isn aren wasn doesn don didn won ll re ve')
    .split(' '),
);
const isLower = (c: number) => c >= 97 && c <= 122;

// Spelling that leans one way when no function word decides (short posts, headlines).
const EN_SHAPE = /(?:ing|ed|ly|ss|ght|wh|th|w|k)$|^(?:th|wh|sh)|w|k|ee|oo|y$/;
const FR_SHAPE = /(?:eau|eaux|aux|ez|ees|ee|ion|ique|eur|euse|oi|ois|ait|ient|ons)$|^(?:qu|l'|d')|ou|oi|ai/;

/** What one stretch of folded text says about its language: function words of each, word shapes. */
export interface LanguageCounts {
  fr: number;
  en: number;
  shape: number;
}

/** Counts over folded[start, end); counts of stretches that do not split words add up. */
export function languageCounts(folded: string, start = 0, end = folded.length): LanguageCounts {
  let fr = 0;
  let en = 0;
  let shape = 0;
  // Words are scanned by hand inside [start, end): a global regex would search past `end` for the
  // next word, so a post of many word-less sentences (". . . .") would cost the square of its length.
  for (let i = start; i < end; ) {
    if (!isLower(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    while (i < end && isLower(folded.charCodeAt(i))) i++;
    const w = folded.slice(from, i);
    if (FR.has(w)) fr++;
    else if (EN.has(w)) en++;
    else if (w.length > 3) shape += (FR_SHAPE.test(w) ? 1 : 0) - (EN_SHAPE.test(w) ? 1 : 0);
  }
  return { fr, en, shape };
}

/** > 0 leans French, < 0 leans English, 0 undecided. */
export function scoreOf(c: LanguageCounts): number {
  // Function words decide; word shapes only break ties (weighted so one function word outweighs two shapes).
  return 3 * (c.fr - c.en) + Math.sign(c.shape) * Math.min(Math.abs(c.shape), 2);
}

/** Scores one folded sentence: > 0 leans French, < 0 leans English, 0 undecided. */
export function languageScore(folded: string): number {
  return scoreOf(languageCounts(folded));
}

/** Language of one folded sentence, or `fallback` when the function words do not tell. */
export function detectLanguage(folded: string, fallback: Lang): Lang {
  const s = languageScore(folded);
  return s > 0 ? 'fr' : s < 0 ? 'en' : fallback;
}
