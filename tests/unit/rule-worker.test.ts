// The rule worker answers only the latest check of a box: an older one still queued is stale,
// so results for text the user has already changed are never shown.
import { describe, expect, it } from 'vitest';
import { handle } from '../../src/worker/rule-worker';

describe('rule worker', () => {
  it('marks a superseded check of the same box stale and answers the newest', async () => {
    const ctx = { account: 'professional' as const };
    const first = handle({ seq: 1, key: 'p1:box1', text: 'Une de mes clientes', context: ctx });
    const second = handle({ seq: 2, key: 'p1:box1', text: 'Une de mes clientes m’a écrit.', context: ctx });
    const other = handle({ seq: 3, key: 'p1:box2', text: 'Bonne journée à toutes!', context: ctx });
    expect((await first).stale).toBe(true);
    const r2 = await second;
    expect(r2.stale).toBeFalsy();
    expect(r2.findings!.some((f) => f.category === 'client-confidentiality')).toBe(true);
    expect((await other).stale).toBeFalsy();
  });
  it('answers bad input with findings or an error, never a crash', async () => {
    const r = await handle({ seq: 9, key: 'p1:x', text: undefined as unknown as string, context: undefined as never });
    expect(r.findings ?? []).toEqual([]);
  });
});

describe('worker warm-up', () => {
  it('the warm-up texts really go through the person-name (NLP) rule in both languages', async () => {
    const { WARM_UP } = await import('../../src/worker/rule-worker');
    const { analyze } = await import('../../src/engine/default');
    for (const text of WARM_UP) {
      const f = await analyze(text, { account: 'professional', platform: 'blog' });
      expect(f.map((x) => x.ruleId)).toContain('client-confidentiality/named-person-in-case');
    }
  });
});
