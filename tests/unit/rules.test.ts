// Every rule's own examples: each "flag" example raises that rule, each "allow" example does not.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compileRules } from '../../src/rules-compiler/compile';
import { createEngine } from '../../src/engine';

const result = compileRules(join(__dirname, '../../rules'));
const engine = createEngine(result.bundle);
const byId = new Map(result.bundle.rules.map((r) => [r.id, r]));

describe('rules/', () => {
  it('all compile without errors', () => {
    expect(result.errors).toEqual([]);
  });
  it('cover every category', async () => {
    const { CATEGORIES } = await import('../../src/engine/types');
    const covered = new Set(result.bundle.rules.map((r) => r.category));
    expect(CATEGORIES.filter((c) => !covered.has(c))).toEqual([]);
  });
});

describe.each(result.bundle.rules.map((r) => r.id))('%s', (ruleId) => {
  const rule = byId.get(ruleId)!;
  const context = { account: rule.account ?? 'unknown', platform: rule.platforms?.[0] } as const;
  for (const ex of result.examples.filter((e) => e.ruleId === ruleId)) {
    it(`${ex.expect} (${ex.lang}): ${ex.text.slice(0, 70)}`, async () => {
      const hits = (await engine.analyze(ex.text, context)).filter((f) => f.ruleId === ruleId);
      if (ex.expect === 'flag') {
        expect(hits.length, `${ex.file}: this example should be flagged by ${ruleId}`).toBeGreaterThan(0);
        expect(hits[0]!.lang).toBe(ex.lang);
      } else {
        // "allow" means no alarm: an info-level reminder is allowed (it never counts as a false alarm).
        const alarms = hits.filter((f) => f.severity !== 'info');
        expect(alarms, `${ex.file}: this example must not be flagged by ${ruleId}`).toEqual([]);
      }
    });
  }
});
