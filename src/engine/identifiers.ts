/**
 * Identifier validators: structure, not just shape. Each one scans the folded text
 * (lower case, see normalize.ts) and returns candidate spans. A candidate is `strong` when its
 * structure proves what it is (a check digit, a birth date encoded in a RAMQ NAM, a valid
 * NANP phone number); otherwise it counts only when a label ("NAS", "OHIP", "né le", "dossier")
 * stands just before it.
 */
export interface IdMatch {
  start: number;
  end: number;
  strong: boolean;
}

export interface Validator {
  /** Candidates in the folded text. */
  find(folded: string): IdMatch[];
  /** Contact details (phone, e-mail, address): the author's own are not findings on a professional account. */
  contact?: boolean;
  /**
   * Some candidates count only with a label in the characters before them, which may stand in the
   * previous sentence or line ("NAS :\n046 454 286"): such a rule needs the whole post.
   */
  labelled?: boolean;
  /** Fewest digits a match holds: a post with fewer is not scanned at all (most posts have none). */
  minDigits?: number;
  /** A character every match contains ("@" for e-mail): a post without it is not scanned. */
  needs?: string;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const D = (s: string) => s.replace(/\D/g, '');

/** Luhn (mod 10) check, used by SIN/NAS and OHIP. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let x = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
  }
  return sum % 10 === 0;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** SIN/NAS: 9 digits (3-3-3); strong when the Luhn check passes and the first digit is assigned to people. */
export function isValidSin(s: string): boolean {
  const d = D(s);
  return d.length === 9 && luhn(d) && !'08'.includes(d[0]!);
}

/** RAMQ NAM: 3 letters of the surname + 1 of the given name + YYMMDD (+50 on the month for women) + 2 digits. */
export function isValidRamq(s: string): boolean {
  const m = /^([a-z]{4})\s?(\d{2})(\d{2})\s?(\d{2})(\d{2})$/i.exec(s.trim());
  if (!m) return false;
  let month = Number(m[3]);
  if (month > 50) month -= 50;
  const yy = Number(m[2]);
  // The century is not encoded; a date valid in a leap year of either century is accepted.
  return validDate(yy === 0 ? 2000 : 1900 + yy, month, Number(m[4])) || validDate(2000 + yy, month, Number(m[4]));
}

/** OHIP: 10 digits whose last is a Luhn check digit, optional two-letter version code. */
export function isValidOhip(s: string): boolean {
  const d = D(s);
  return d.length === 10 && luhn(d);
}

/**
 * British Columbia Personal Health Number: 10 digits starting with 9; digits 2–9 weighted
 * 2,4,8,5,10,9,7,3, sum mod 11, check digit = 11 − remainder (remainders 0 and 1 are never issued).
 */
export function isValidBcPhn(s: string): boolean {
  const d = D(s);
  if (d.length !== 10 || d[0] !== '9') return false;
  const w = [2, 4, 8, 5, 10, 9, 7, 3];
  const sum = w.reduce((a, x, i) => a + x * (d.charCodeAt(i + 1) - 48), 0);
  const rem = sum % 11;
  return rem > 1 && 11 - rem === d.charCodeAt(9) - 48;
}

/** NANP phone number: area code and exchange start with 2–9 and are not N11 service codes. */
export function isValidNanp(s: string): boolean {
  let d = D(s);
  if (d.length === 11 && d[0] === '1') d = d.slice(1);
  if (d.length !== 10) return false;
  const area = d.slice(0, 3);
  const exch = d.slice(3, 6);
  return /^[2-9]/.test(area) && /^[2-9]/.test(exch) && !/^[2-9]11$/.test(area) && !/^[2-9]11$/.test(exch);
}

function scan(re: RegExp, folded: string, strong: (m: RegExpExecArray) => boolean, label?: RegExp, labelWindow = 45): IdMatch[] {
  const out: IdMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const s = strong(m);
    let ok = s;
    if (!ok && label) {
      const before = folded.slice(Math.max(0, m.index - labelWindow), m.index);
      label.lastIndex = 0;
      ok = label.test(before);
    }
    if (ok) out.push({ start: m.index, end: m.index + m[0].length, strong: s });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

// Two-letter words that follow a number in a sentence and are not an OHIP version code.
const VERSION_NOT_WORDS = '(?:is|in|on|at|to|of|or|as|an|if|it|by|et|en|le|la|de|du|un|au|ou|ce|ca|ma|me|se|sa|ta|te|tu|il|je|ne|ni|pm|am|km|kg|ml|cm|mm)';

const MONTHS_FR = 'janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr|avr|juil|sept|oct|nov|dec';
const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const MONTH_NUM: Record<string, number> = {};
MONTHS_FR.split('|').forEach((m, i) => (MONTH_NUM[m] = i < 12 ? i + 1 : [1, 2, 4, 7, 9, 10, 11, 12][i - 12]!));
MONTHS_EN.split('|').forEach((m, i) => (MONTH_NUM[m] ??= i < 12 ? i + 1 : [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12][i - 12]!));

const DATE_RE = new RegExp(
  [
    `${B}(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${E}`,
    `${B}(\\d{4})-(\\d{1,2})-(\\d{1,2})${E}`,
    `${B}(\\d{1,2})(?:er)? (${MONTHS_FR}|${MONTHS_EN})\\.?,? (\\d{4})${E}`,
    `${B}(${MONTHS_EN}|${MONTHS_FR})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})${E}`,
  ].join('|'),
  'gu',
);

/** Parses a folded date written in any of the usual forms; day-first when ambiguous (Canada). */
export function parseDate(s: string): { y: number; m: number; d: number } | null {
  DATE_RE.lastIndex = 0;
  const g = DATE_RE.exec(s);
  if (!g) return null;
  const n = (x?: string) => Number(x);
  let y: number, m: number, d: number;
  if (g[1]) {
    y = n(g[3]);
    const a = n(g[1]);
    const b = n(g[2]);
    // dd/mm/yyyy is the Canadian default; mm/dd/yyyy when the first part cannot be a month... or the second cannot.
    [d, m] = b > 12 && a <= 12 ? [b, a] : [a, b];
  } else if (g[4]) [y, m, d] = [n(g[4]), n(g[5]), n(g[6])];
  else if (g[7]) [d, m, y] = [n(g[7]), MONTH_NUM[g[8]!]!, n(g[9])];
  else [m, d, y] = [MONTH_NUM[g[10]!]!, n(g[11]), n(g[12])];
  const year = new Date().getFullYear();
  if (y < 1900 || y > year || !validDate(y, m, d)) return null;
  return { y, m, d };
}

const STREET_FR = 'rue|avenue|av|boulevard|boul|blvd|chemin|ch|rang|route|place|montee|cote|impasse|croissant|promenade|terrasse|allee';
const STREET_EN = 'street|st|road|rd|avenue|ave|drive|dr|lane|ln|crescent|cres|court|ct|boulevard|blvd|way|place|pl|terrace|trail|circle|parkway|highway|hwy';
const NAME = "[\\p{L}][\\p{L}'-]*";

export const VALIDATORS: Record<string, Validator> = {
  sin: {
    minDigits: 9,
    labelled: true,
    find: (t) =>
      scan(new RegExp(`${B}\\d{3}[ .-]?\\d{3}[ .-]?\\d{3}${E}`, 'gu'), t, (m) => isValidSin(m[0]),
        /(?<![\p{L}])(nas|sin|assurance sociale|social insurance|sin number|numero d'assurance)(?![\p{L}])/u),
  },
  ramq: {
    minDigits: 8,
    labelled: true,
    find: (t) =>
      scan(new RegExp(`${B}[a-z]{4} ?\\d{4} ?\\d{4}${E}`, 'gu'), t, (m) => isValidRamq(m[0]),
        /(?<![\p{L}])(nam|ramq|carte soleil|assurance maladie|carte sante|health card|health number|medicare)(?![\p{L}])/u),
  },
  ohip: {
    minDigits: 10,
    labelled: true,
    find: (t) =>
      scan(new RegExp(`${B}\\d{4}[ -]?\\d{3}[ -]?\\d{3}(?:[ -]?(?!${VERSION_NOT_WORDS}${E})[a-z]{2})?${E}`, 'gu'), t,
        // Strong: written in the card's own 4-3-3-XX layout (number + version code). A bare 10-digit
        // number passes the Luhn check one time in ten, so without the version code a label is required.
        (m) => /^\d{4}[ -]?\d{3}[ -]?\d{3}[ -]?[a-z]{2}$/.test(m[0]),
        /(?<![\p{L}])(ohip|carte sante|health card|health number|assurance sante|sante ontario|numero de carte)(?![\p{L}])/u),
  },
  // Other provinces' health numbers with a public structure. A BC PHN looks like a phone number
  // (area codes 9xx exist), so it counts only with a label and a valid check digit.
  'phn-bc': {
    minDigits: 10,
    labelled: true,
    find: (t) =>
      scan(new RegExp(`${B}9\\d{3}[ -]?\\d{3}[ -]?\\d{3}${E}`, 'gu'), t, () => false,
        /(?<![\p{L}])(phn|personal health number|care ?card|bc services card|carte des services de la c-b|numero de sante personnel|health number|health card|carte sante)(?![\p{L}])/u)
        .filter((m) => isValidBcPhn(t.slice(m.start, m.end))),
  },
  dob: {
    minDigits: 5,
    labelled: true,
    find: (t) =>
      scan(new RegExp(DATE_RE.source, 'gu'), t, () => false,
        /(?<![\p{L}])(nee?s?|ne\(e\)|date de naissance|ddn|dob|d\.o\.b|date of birth|birth ?date|born( on)?)(?![\p{L}])/u, 30)
        .filter((m) => parseDate(t.slice(m.start, m.end)) !== null),
  },
  'case-number': {
    minDigits: 4,
    labelled: true,
    find: (t) =>
      // The lookahead (a digit before any "/") is bounded by the longest token (6 + 4 × 9 = 42
      // characters): unbounded, it scanned to the end of every run of letters and hyphens from each
      // hyphen, so "------" or "a-a-a-a" cost the square of their length.
      scan(/(?<![\p{L}\p{N}])(?=[a-z-]{0,41}\d)[a-z0-9]{1,6}(?:[-/][a-z0-9]{1,8}){0,4}(?![\p{L}\p{N}])/gu, t, () => false,
        /(?<![\p{L}])(dossier|file|case|cause|client|usager|reference|ref|matricule|numero de dossier|file number|case number|docket)( (no|n|num|numero|number|#))?[ .:#°]{0,3}$/u, 25)
        .filter((m) => (t.slice(m.start, m.end).match(/\d/g) ?? []).length >= 4),
  },
  phone: {
    minDigits: 10,
    contact: true,
    find: (t) =>
      scan(/(?<![\p{L}\p{N}+])(?:\+?1[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]?\d{4}(?![\p{L}\p{N}])/gu, t, (m) => isValidNanp(m[0])),
  },
  email: {
    needs: '@',
    contact: true,
    find: (t) => scan(/(?<![\p{L}\p{N}._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,12}(?![\p{L}\p{N}])/gu, t, () => true),
  },
  address: {
    minDigits: 1,
    contact: true,
    find: (t) =>
      scan(new RegExp(
        `${B}\\d{1,5}(?:-?[a-z])?,? (?:(?:${STREET_FR})\\.? (?:(?:de la|de l'|du|des|de|d')\\s?)?${NAME}(?: ${NAME}){0,2}|${NAME}(?: ${NAME}){0,2} (?:${STREET_EN})\\.?)${E}`, 'gu'),
        t, () => true),
  },
  'postal-code': {
    minDigits: 3,
    contact: true,
    find: (t) => scan(/(?<![\p{L}\p{N}])[abceghj-nprstvxy]\d[abceghj-nprstv-z] ?\d[abceghj-nprstv-z]\d(?![\p{L}\p{N}])/gu, t, () => true),
  },
};
