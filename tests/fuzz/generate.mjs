// Deterministic generator of hostile inputs for the rule engine, shared by the fuzz test
// (tests/unit/fuzz.test.ts) and the benchmark (bench/bench.mjs, "fuzz" section).
// Plain node ESM with no dependency so both can import it as is; types in generate.d.mts.
//
// The same seed, count and vocabulary always give the same inputs in the same order, so a
// failure seen in the test or a slow input seen in the benchmark can be reproduced by index.

/** Seeded PRNG (mulberry32): a function returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rule-like words used when no vocabulary is given (and always mixed in). */
const BUILTIN_WORDS = [
  'client', 'cliente', 'clients', 'mes clients', 'ma cliente', 'mon client', 'my client', 'usager', 'patient', 'dossier',
  'NAS', 'SIN', 'RAMQ', 'OHIP', 'né le', 'born on', 'rue', 'street', 'DPJ', 'CLSC', 'thérapie', 'therapy', 'séance', 'session',
  'Dr.', 'M.', 'Mme', 'Annie Tremblay', 'Jean-Philippe Ouimet', 'confidentialité', 'témoignage', 'review', 'promo', 'rabais',
  '#ThérapieDeCouple', '@ma_cliente', '450 555-0139', '193 456 787', 'TREM 7901 1234', '1234-567-890-AB', '14/02/1979',
  'dossier no 2023-1456', '1234 rue de la Montagne', 'H2X 1Y4', 'annie@example.com', 'jamais', 'never', 'hier', 'yesterday',
];

const ARABIC = ['مرحبا', 'العميل', 'سرية', 'الطبيب', 'في', 'من', 'على', 'شكرا', 'اليوم', 'ملف', '١٢٣', '٤٥٦٧'];
const HEBREW = ['שלום', 'לקוח', 'סודיות', 'מטפל', 'של', 'את', 'היום', 'תודה', 'תיק', 'רחוב'];
const BIDI = ['\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\ufe0f', '\ufe0e', '\u180e', ...BIDI];
const COMBINING_RANGES = [[0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x064b, 0x065f], [0x1ab0, 0x1ace], [0x1dc0, 0x1dff], [0x20d0, 0x20f0], [0xfe20, 0xfe2f]];
const EMOJI = [
  '🧑‍🤝‍🧑', '👨‍👩‍👧‍👦', '👩🏽‍⚕️', '🏳️‍🌈', '🏴‍☠️', '👍🏻', '👍🏿', '🤷🏾‍♀️', '❤️‍🔥', '🇨🇦', '🇫🇷', '🇶', '1️⃣', '#️⃣', '🙂', '😂', '📍', '🏥',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '\u200d', '\ud83c\udffd', '🫶', '🧑‍⚕️', '👁️‍🗨️',
];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\ufffe', '\uffff', '\ufffd'];
const BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\n\n', '\r\r', '\n\r', '\v', '\f'];
const PUNCT = [' ', ' ', ' ', ', ', '. ', '! ', '? ', '… ', ': ', '; ', ' - ', ' — ', '\u00a0', '\u202f', ' « ', ' » ', '"', '’', "'", '(', ')', '#', '@', '/', '*', '_'];

/**
 * Units repeated into long posts: runs that make naive regular expressions backtrack (a word
 * pattern retried at every position, nested quantifiers over separators, lookaheads scanning
 * to the end), and words and numbers near the rules' own vocabulary.
 */
export const REPEAT_UNITS = [
  'a ', 'a', 'ab', 'aB', 'é', 'e\u0301', 'éa', 'a-', 'a.', "a'", 'a_', 'a1', 'a1-', '1', '1 ', '1-', '1.', '1/', '12/', '1,',
  '!', '!!! ', '?', '.', '. ', '…', "'", "' ", '"', '" ', '« ', '- ', '-', '—', '#a', '#A', '#aB', '#', '#1', '@', '@a', 'a@',
  'a@b.', 'x.y@', '(', '()', '[', '\\', '*', '__a', '\u200d', 'a\u200d', ' ', '\n', '\r\n', '\t', '\u00a0', 'ﬁ', 'ǅ', '㎢',
  'ß', 'İ', '🙂', '👍🏽', '\ud800', '\udc00', 'خ', 'ש ', 'client ', 'clients, ', 'client-', 'client.', 'mon client ',
  'ma cliente et ', 'my client ', "l'usager ", 'mes clients, mes clients ', 'M. ', 'Dr. ', 'A. ', 'Dr ', 'rue ', 'rue de la ',
  '12 rue de la ', '1234 ', '450 555-0139 ', '4505550139', '450-', '193 456 787 ', '193-456-787', 'TREM 7901 1234 ',
  '1234-567-890-AB ', '1234 567 890 ', 'dossier 1234-', 'dossier ', 'né le 14/02/', '14/02/1979 ', 'H2X 1Y4 ', 'ne jamais ',
  '"mes clients" ', 'Annie Tremblay ', 'Annie ', 'A', 'AB', 'aaaaaaaaaa ',
];

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

function combining(r) {
  const [lo, hi] = pick(r, COMBINING_RANGES);
  return String.fromCodePoint(int(r, lo, hi));
}

/** Any code point of any plane (surrogate code points included: they come out as lone halves). */
function anyCodePoint(r) {
  const x = r();
  let cp;
  if (x < 0.45) cp = int(r, 0, 0xffff);
  else if (x < 0.6) cp = int(r, 0x20, 0x24f);
  else if (x < 0.8) cp = int(r, 0x10000, 0x1ffff);
  else if (x < 0.88) cp = int(r, 0x20000, 0x3ffff);
  else if (x < 0.94) cp = int(r, 0xe0000, 0xeffff);
  else cp = int(r, 0x40000, 0x10ffff);
  return String.fromCodePoint(cp);
}

/** Builds the generator's word stock: words and whole texts of the vocabulary, plus built-in rule words. */
function stock(vocabulary) {
  const texts = vocabulary.filter((t) => typeof t === 'string' && t.length);
  const words = new Set(BUILTIN_WORDS);
  for (const t of texts) for (const w of t.split(/\s+/)) if (w) words.add(w);
  return { texts: texts.length ? texts : BUILTIN_WORDS, words: [...words] };
}

/** Text made of `pieces()` until at least `len` UTF-16 units (cut at `len` only when `cut`). */
function fill(len, piece, cut = false) {
  const out = [];
  let n = 0;
  while (n < len) {
    const p = piece();
    out.push(p);
    n += p.length;
  }
  const s = out.join('');
  return cut ? s.slice(0, len) : s;
}

/** A post length for ordinary inputs: mostly short, sometimes a few thousand characters. */
function shortLen(r) {
  const x = r();
  if (x < 0.05) return int(r, 0, 3);
  if (x < 0.85) return int(r, 4, 300);
  if (x < 0.97) return int(r, 300, 1500);
  return int(r, 1500, 6000);
}

function word(r, st) {
  return pick(r, st.words);
}

/** Mangles a word the way users and copy-paste do: case, accents stripped or stacked, letters stretched. */
function mangle(r, w) {
  const x = r();
  if (x < 0.2) return w.toUpperCase();
  if (x < 0.3) return w.normalize('NFD');
  if (x < 0.4) return w.normalize('NFD').replace(/\p{M}/gu, '');
  if (x < 0.5) return w.replace(/[aeiou]/, (c) => c.repeat(int(r, 3, 12)));
  if (x < 0.55) return [...w].reverse().join('');
  if (x < 0.6) return '#' + w.replace(/\s+/g, '');
  return w;
}

const GENERATORS = {
  'unicode-planes': (r, st) => {
    const n = shortLen(r);
    return fill(n, () => (r() < 0.85 ? anyCodePoint(r) : r() < 0.5 ? ' ' : word(r, st)));
  },
  'rtl-mixed': (r, st) =>
    fill(shortLen(r), () => {
      const x = r();
      if (x < 0.3) return pick(r, ARABIC) + ' ';
      if (x < 0.5) return pick(r, HEBREW) + ' ';
      if (x < 0.6) return pick(r, BIDI);
      if (x < 0.9) return mangle(r, word(r, st)) + pick(r, PUNCT);
      return pick(r, ARABIC) + word(r, st) + pick(r, HEBREW);
    }),
  combining: (r, st) =>
    fill(shortLen(r), () => {
      const w = r() < 0.7 ? word(r, st) : anyCodePoint(r);
      let out = '';
      for (const ch of w) {
        out += ch;
        const k = r() < 0.5 ? 0 : r() < 0.8 ? int(r, 1, 3) : int(r, 4, 40);
        for (let i = 0; i < k; i++) out += combining(r);
      }
      // Marks with nothing to sit on: at the start of a word or after a space.
      return (r() < 0.2 ? combining(r) : '') + out + pick(r, PUNCT);
    }),
  'zero-width': (r, st) =>
    fill(shortLen(r), () => {
      const w = word(r, st);
      let out = '';
      for (const ch of w) {
        out += ch;
        if (r() < 0.35) out += pick(r, ZERO_WIDTH).repeat(r() < 0.9 ? 1 : int(r, 2, 20));
      }
      return out + (r() < 0.5 ? pick(r, PUNCT) : pick(r, ZERO_WIDTH));
    }),
  emoji: (r, st) =>
    fill(shortLen(r), () => {
      const x = r();
      if (x < 0.4) return pick(r, EMOJI);
      if (x < 0.5) return pick(r, EMOJI).repeat(int(r, 2, 30));
      if (x < 0.6) return word(r, st) + pick(r, EMOJI) + word(r, st);
      return mangle(r, word(r, st)) + pick(r, PUNCT);
    }),
  'lone-surrogates': (r, st) =>
    fill(shortLen(r), () => {
      const x = r();
      const hi = () => String.fromCharCode(int(r, 0xd800, 0xdbff));
      const lo = () => String.fromCharCode(int(r, 0xdc00, 0xdfff));
      if (x < 0.25) return hi();
      if (x < 0.5) return lo();
      if (x < 0.6) return lo() + hi(); // a pair in the wrong order
      if (x < 0.7) {
        const w = word(r, st);
        const k = int(r, 0, w.length);
        return w.slice(0, k) + (r() < 0.5 ? hi() : lo()) + w.slice(k) + ' ';
      }
      if (x < 0.8) return pick(r, EMOJI).slice(0, 1) + word(r, st); // an emoji cut in half
      return word(r, st) + pick(r, PUNCT);
    }),
  controls: (r, st) =>
    fill(shortLen(r), () => {
      const x = r();
      if (x < 0.4) return pick(r, CONTROLS).repeat(r() < 0.9 ? 1 : int(r, 2, 50));
      if (x < 0.5) return String.fromCharCode(int(r, 0, 0x1f));
      const w = word(r, st);
      const k = int(r, 0, w.length);
      return w.slice(0, k) + pick(r, CONTROLS) + w.slice(k) + pick(r, PUNCT);
    }),
  'line-breaks': (r, st) =>
    fill(shortLen(r), () => {
      const x = r();
      if (x < 0.35) return pick(r, BREAKS).repeat(r() < 0.8 ? 1 : int(r, 2, 40));
      if (x < 0.5) return pick(r, st.texts) + pick(r, BREAKS);
      return mangle(r, word(r, st)) + (r() < 0.5 ? pick(r, PUNCT) : pick(r, BREAKS));
    }),
  'long-word': (r, st) => {
    const len = int(r, 1000, 30_000);
    const x = r();
    if (x < 0.2) return fill(len, () => String.fromCharCode(int(r, 97, 122)), true);
    if (x < 0.35) return fill(len, () => pick(r, ['é', 'è', 'à', 'ç', 'œ', 'ß', 'e\u0301', 'ſ', 'ﬁ', 'İ', 'ǅ']), true);
    if (x < 0.5) return fill(len, () => String.fromCharCode(int(r, 97, 122)) + (r() < 0.3 ? pick(r, ['-', "'", '.', '_', '’', '\u00ad']) : ''));
    if (x < 0.6) return fill(len, () => String.fromCharCode(int(r, 48, 57)) + (r() < 0.2 ? pick(r, ['-', '.', '/']) : ''));
    if (x < 0.75) return fill(len, () => word(r, st).replace(/\s+/g, ''));
    if (x < 0.85) return fill(len, () => anyCodePoint(r).replace(/\s/g, 'x'));
    return word(r, st) + ' ' + fill(len, () => pick(r, ['a', 'B', '1', 'é', '\u200d', '-'])) + ' ' + word(r, st);
  },
  vocabulary: (r, st) => {
    const x = r();
    // Whole example texts glued together, sliced at random, or words shuffled with noise.
    if (x < 0.3) return fill(shortLen(r), () => pick(r, st.texts) + pick(r, [' ', '\n', '\n\n', '. ', '']));
    if (x < 0.5) {
      const t = pick(r, st.texts);
      const a = int(r, 0, t.length);
      return t.slice(a, int(r, a, t.length)) + pick(r, PUNCT) + pick(r, st.texts).slice(0, int(r, 0, 80));
    }
    if (x < 0.8) return fill(shortLen(r), () => mangle(r, word(r, st)) + pick(r, PUNCT));
    return fill(shortLen(r), () => {
      const y = r();
      if (y < 0.6) return mangle(r, word(r, st)) + pick(r, PUNCT);
      if (y < 0.7) return pick(r, ZERO_WIDTH);
      if (y < 0.8) return pick(r, EMOJI);
      if (y < 0.9) return pick(r, BREAKS);
      return anyCodePoint(r);
    });
  },
  mixed: (r, st) => {
    const gens = ['unicode-planes', 'rtl-mixed', 'combining', 'zero-width', 'emoji', 'lone-surrogates', 'controls', 'line-breaks', 'vocabulary'];
    return fill(shortLen(r), () => GENERATORS[pick(r, gens)](r, st).slice(0, int(r, 1, 120)));
  },
};

/** `unit` repeated to `len` characters, sometimes with a rule word at the end or middle to make a late match possible. */
function repetition(r, st, unit, len, variant) {
  const body = unit.repeat(Math.ceil(len / unit.length)).slice(0, len);
  if (variant === 0) return body;
  const w = word(r, st);
  if (variant === 1) return body + ' ' + w;
  const mid = Math.floor(len / 2);
  return body.slice(0, mid) + ' ' + w + ' ' + body.slice(mid);
}

/** A 200,000-character post of the given flavour. */
function huge(r, st, flavour) {
  const N = 200_000;
  if (flavour === 0) {
    // Real rule vocabulary with every kind of noise, many paragraphs.
    return fill(N, () => (r() < 0.5 ? pick(r, st.texts) + pick(r, [' ', '\n', '\n\n', '\r\n']) : GENERATORS.mixed(r, st).slice(0, 200)), true);
  }
  if (flavour === 1) {
    // One paragraph, no line break at all: pathological runs back to back.
    return fill(N, () => {
      const u = pick(r, REPEAT_UNITS).replace(/[\n\r]/g, ' ');
      return u.repeat(int(r, 1, 2000)) + ' ' + word(r, st) + ' ';
    }, true);
  }
  if (flavour === 2) return fill(N, () => (r() < 0.7 ? anyCodePoint(r) : r() < 0.5 ? pick(r, ARABIC) + ' ' : pick(r, EMOJI)), true);
  // Rule vocabulary repeated: the same client story, phone numbers and hashtags over and over.
  return fill(N, () => pick(r, ['mon client ', 'mes clients, ', '450 555-0139 ', '#MaCliente ', '@ma_cliente ', 'né le 14/02/1979 ', "l'usager ", word(r, st) + ' ']), true);
}

/**
 * The fuzz inputs. With the defaults: 10,000 inputs in every category above, pathological
 * repetitions at 1,000 to 100,000 characters, and four 200,000-character posts.
 *
 * @param {{ seed?: number, count?: number, vocabulary?: string[], hugePosts?: number }} [options]
 * @returns {{ index: number, category: string, text: string }[]}
 */
export function generateInputs({ seed = 0xba115e, count = 10_000, vocabulary = [], hugePosts = 4 } = {}) {
  const r = prng(seed);
  const st = stock(vocabulary);
  const out = [];
  const add = (category, text) => out.push({ index: out.length, category, text });

  // Pathological repetitions: every unit at 1k and 10k characters, one in four also at 50k-100k.
  REPEAT_UNITS.forEach((unit, i) => {
    add('repetition', repetition(r, st, unit, 1_000, i % 3));
    add('repetition', repetition(r, st, unit, 10_000, (i + 1) % 3));
    if (i % 4 === 0) add('repetition', repetition(r, st, unit, i % 8 === 0 ? 100_000 : 50_000, (i + 2) % 3));
  });
  // Rule words alternating with separators ("mon client mon client…", "client-client-…").
  for (let i = 0; i < 40; i++) {
    const w = word(r, st);
    const sep = pick(r, [' ', ', ', '-', '. ', '\n', '', '#', '@', "'", ' et ', ' and ']);
    add('repetition', repetition(r, st, w + sep, pick(r, [2_000, 5_000, 20_000]), i % 3));
  }
  for (let k = 0; k < hugePosts; k++) add('huge', huge(r, st, k % 4));

  const names = Object.keys(GENERATORS);
  const weights = { 'unicode-planes': 12, 'rtl-mixed': 8, combining: 8, 'zero-width': 10, emoji: 8, 'lone-surrogates': 8, controls: 6, 'line-breaks': 8, 'long-word': 1, vocabulary: 16, mixed: 15 };
  const total = names.reduce((a, n) => a + weights[n], 0);
  const rest = Math.max(0, count - out.length);
  let made = 0;
  for (const name of names) {
    const k = name === names[names.length - 1] ? rest - made : Math.round((rest * weights[name]) / total);
    for (let i = 0; i < k; i++) add(name, GENERATORS[name](r, st));
    made += k;
  }
  return out;
}

/** Category names, in the order generateInputs produces them. */
export const FUZZ_CATEGORIES = ['repetition', 'huge', ...Object.keys(GENERATORS)];
