import { describe, expect, it } from 'vitest';
import { isValidBcPhn, isValidNanp, isValidOhip, isValidRamq, isValidSin, luhn, parseDate, VALIDATORS } from '../../src/engine/identifiers';
import { foldText } from '../../src/engine/normalize';

const find = (name: string, text: string) => VALIDATORS[name]!.find(foldText(text)).map((m) => foldText(text).slice(m.start, m.end));

describe('SIN / NAS', () => {
  it('accepts numbers whose Luhn check digit holds', () => {
    expect(isValidSin('193 456 787')).toBe(true);
    expect(isValidSin('130-692-544')).toBe(true);
  });
  it('rejects a wrong check digit, the wrong length and unassigned first digits', () => {
    expect(isValidSin('193 456 788')).toBe(false);
    expect(isValidSin('046 454 286')).toBe(false); // passes Luhn, but SINs starting with 0 are not issued
    expect(isValidSin('04645428')).toBe(false);
    expect(isValidSin('000 000 000')).toBe(false); // passes Luhn, but 0 is never assigned
  });
  it('finds a valid SIN without a label, an invalid one only with a label', () => {
    expect(find('sin', 'voici 193 456 787 merci')).toEqual(['193 456 787']);
    expect(find('sin', 'colis 123 456 789 reçu')).toEqual([]);
    expect(find('sin', 'NAS 123 456 789')).toEqual(['123 456 789']);
    expect(find('sin', 'his SIN: 123-456-789')).toEqual(['123-456-789']);
  });
});

describe('RAMQ NAM', () => {
  it('checks the birth date encoded in the number (+50 on the month for women)', () => {
    expect(isValidRamq('GAUM 7208 1534')).toBe(true); // 15 Aug 1972
    expect(isValidRamq('TREL 6259 0312')).toBe(true); // 9 Dec (62-50), woman
    expect(isValidRamq('TREL 6213 0312')).toBe(false); // month 13
    expect(isValidRamq('TREL 6202 3012')).toBe(false); // 30 February
    expect(isValidRamq('TREL 6263 0312')).toBe(false); // month 63-50 = 13
  });
  it('finds compact and spaced forms; an invalid date needs a label', () => {
    expect(find('ramq', 'carte BELR65042218 perdue')).toEqual(['belr65042218']);
    expect(find('ramq', 'code ABCD 1299 0000 promo')).toEqual([]);
    expect(find('ramq', 'NAM ABCD 1299 0000')).toEqual(['abcd 1299 0000']);
  });
});

describe('OHIP', () => {
  it('validates the 10-digit Luhn check digit', () => {
    expect(luhn('1234567897')).toBe(true);
    expect(isValidOhip('1234-567-897')).toBe(true);
    expect(isValidOhip('1234-567-898')).toBe(false);
  });
  it('finds the card layout with its version code, a bare number only with a label', () => {
    expect(find('ohip', 'numéro 5930-246-817-MP refusé')).toEqual(['5930-246-817-mp']);
    expect(find('ohip', 'Invoice 2024 113 778 is paid')).toEqual([]);
    expect(find('ohip', 'health card 2024 113 778 is paid')).toEqual(['2024 113 778']);
  });
});

describe('BC Personal Health Number', () => {
  it('accepts a number whose mod-11 check digit is right and rejects one digit off', () => {
    expect(isValidBcPhn('9876 543 218')).toBe(true);
    expect(isValidBcPhn('9876543217')).toBe(false);
    expect(isValidBcPhn('8876543218')).toBe(false); // must start with 9
  });
  it('needs a label: the same digits as a phone number are not a health number', () => {
    const find = (s: string) => VALIDATORS['phn-bc']!.find(foldText(s));
    expect(find('PHN 9203 489 111')).toHaveLength(1);
    expect(find('Call 920 348 9111 tonight')).toHaveLength(0);
  });
});

describe('dates of birth', () => {
  it('parses the usual written forms, day first when ambiguous', () => {
    expect(parseDate('14 fevrier 1979')).toEqual({ y: 1979, m: 2, d: 14 });
    expect(parseDate('1er mars 2001')).toEqual({ y: 2001, m: 3, d: 1 });
    expect(parseDate('22/06/2009')).toEqual({ y: 2009, m: 6, d: 22 });
    expect(parseDate('1961-09-03')).toEqual({ y: 1961, m: 9, d: 3 });
    expect(parseDate('march 3, 2001')).toEqual({ y: 2001, m: 3, d: 3 });
    expect(parseDate('31/02/2001')).toBeNull();
    expect(parseDate('12/12/2999')).toBeNull();
  });
  it('needs a birth label just before the date', () => {
    expect(find('dob', 'Née le 14 février 1979, elle')).toEqual(['14 fevrier 1979']);
    expect(find('dob', 'DOB 03/11/1984, last known')).toEqual(['03/11/1984']);
    expect(find('dob', 'Le colloque du 14 février 1979')).toEqual([]);
  });
});

describe('phones, case numbers, addresses, postal codes, e-mail', () => {
  it('accepts NANP numbers, rejects impossible area codes and N11 service codes', () => {
    expect(isValidNanp('450 555-0139')).toBe(true);
    expect(isValidNanp('+1 (613) 555-0128')).toBe(true);
    expect(isValidNanp('150 555-0139')).toBe(false);
    expect(isValidNanp('411 555-0139')).toBe(false);
  });
  it('finds a case number only after a file label', () => {
    expect(find('case-number', 'dossier 2023-JE-04417, cell')).toEqual(['2023-je-04417']);
    expect(find('case-number', 'case #CAS-22-08871')).toEqual(['cas-22-08871']);
    expect(find('case-number', 'en 2023-2024 nous avons')).toEqual([]);
  });
  it('finds French and English civic addresses', () => {
    expect(find('address', 'au 238, rue des Pimbinas à Val-Moreau')[0]).toMatch(/^238, rue des pimbinas/);
    expect(find('address', 'SIN 613, 88 Larch Rd.')).toEqual(['88 larch rd.']);
    expect(find('address', '412 Tamarack Crescent, Harrowfield')).toEqual(['412 tamarack crescent']);
  });
  it('finds postal codes and e-mail addresses', () => {
    expect(find('postal-code', 'code J8Y 3K4 ici')).toEqual(['j8y 3k4']);
    expect(find('postal-code', 'code D8Y 3K4 ici')).toEqual([]); // D is never a first letter
    expect(find('email', 'écrivez à r.belanger.perso@exemple.ca svp')).toEqual(['r.belanger.perso@exemple.ca']);
  });
});

describe('validator prefilters (minDigits, needs)', () => {
  // The engine skips a validator's scan when the post has fewer digits than `minDigits` or lacks
  // `needs`: that must never hide a match. Every match found on the rules' examples (and on a
  // few bare identifiers) must satisfy the prefilter of the validator that found it.
  it('never skip a post in which the validator finds something', async () => {
    const { compileRules } = await import('../../src/rules-compiler/compile');
    const { normalize } = await import('../../src/engine/normalize');
    const { join } = await import('node:path');
    const texts = compileRules(join(__dirname, '../../rules')).examples.map((e) => e.text);
    texts.push('NAS 046 454 286', 'RAMQ TREM 8503 1512', 'OHIP 1234-567-890-AB', 'né le 1/2/2009', 'dossier 2024-118', '514 555 1234', 'a@b.ca', '12 rue Principale', 'H2X 1Y4');
    let found = 0;
    for (const [name, v] of Object.entries(VALIDATORS)) {
      for (const raw of texts) {
        const t = normalize(raw).text;
        const matches = v.find(t);
        if (!matches.length) continue;
        found++;
        const digits = (t.match(/\d/g) ?? []).length;
        if (v.minDigits !== undefined) expect(digits, `${name} on ${raw}`).toBeGreaterThanOrEqual(v.minDigits);
        if (v.needs !== undefined) expect(t.includes(v.needs), `${name} on ${raw}`).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(20);
  });
});
