// Every UI string exists in French and English, with the same placeholders, and every key the
// code asks for is defined (a missing key would show the user its raw name).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const load = (lang: string) => parse(readFileSync(`locales/${lang}.yml`, 'utf8')) as Record<string, string>;
const en = load('en');
const fr = load('fr');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('locales', () => {
  it('French and English have the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('each message has the same placeholders in both languages and no empty text', () => {
    for (const key of Object.keys(en)) {
      const ph = (s: string) => (s.match(/\$\d/g) ?? []).sort().join();
      expect(ph(fr[key]!), key).toBe(ph(en[key]!));
      expect(en[key]!.trim(), key).not.toBe('');
      expect(fr[key]!.trim(), key).not.toBe('');
    }
  });

  it('every key used by the code is defined', () => {
    const used = new Set<string>();
    for (const file of [...sources('src'), ...sources('entrypoints')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});
