// The popup's "rules alone" notice: shown only when the model file is missing or damaged, with the
// engine's reason, and worded in both languages (the popup renders `popupRulesOnly` with it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ModelStatus } from '../../src/engine/index';
import { MAX_DETAIL, rulesOnlyDetail } from '../../src/ui/popup/engine-notice';

const load = (lang: string) => parse(readFileSync(`locales/${lang}.yml`, 'utf8')) as Record<string, string>;

describe('rules-only notice', () => {
  it('says why when the model file is missing or damaged', () => {
    expect(rulesOnlyDetail({ layer: 'rules-only', reason: 'damaged', detail: 'the model file is damaged (checksum)' })).toBe('the model file is damaged (checksum)');
    expect(rulesOnlyDetail({ layer: 'rules-only', reason: 'missing', detail: '/model/balise-model.bin: HTTP 404' })).toBe('/model/balise-model.bin: HTTP 404');
  });

  it('stays silent while the model loads, when it is off on purpose, when it works, and before any check', () => {
    const quiet: (ModelStatus | null | undefined)[] = [
      { layer: 'learned', features: 262_144, trainedOn: 4_000 },
      { layer: 'rules-only', reason: 'loading', detail: 'loading' },
      { layer: 'rules-only', reason: 'disabled', detail: 'no model loaded' },
      null,
      undefined,
    ];
    for (const s of quiet) expect(rulesOnlyDetail(s)).toBeNull();
  });

  it('keeps the notice short and never empty', () => {
    const long = rulesOnlyDetail({ layer: 'rules-only', reason: 'damaged', detail: `x\n${'y'.repeat(500)}` })!;
    expect(long.length).toBe(MAX_DETAIL);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toContain('\n');
    expect(rulesOnlyDetail({ layer: 'rules-only', reason: 'missing', detail: '  ' })).toBe('missing');
  });

  it('is worded in French and English, with the reason in its place', () => {
    const en = load('en').popupRulesOnly!;
    const fr = load('fr').popupRulesOnly!;
    expect(en).toMatch(/^Checking with the rules alone: .*missing or damaged \(\$1\)\..*Reinstall the extension/);
    expect(fr).toMatch(/^Vérification par les règles seules : .*absent ou endommagé \(\$1\)\..*Réinstallez l’extension/);
  });
});
