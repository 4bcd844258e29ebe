// The editor re-checks drafts incrementally: the result must be what a full check gives, while
// only the paragraph that changed is analysed again.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compileRules } from '../../src/rules-compiler/compile';
import { createEngine } from '../../src/engine';
import { createIncrementalChecker } from '../../src/engine/incremental';

const { bundle, examples } = compileRules(join(__dirname, '../../rules'));
const engine = createEngine(bundle);
const key = (f: { ruleId: string; start: number; end: number; severity: string }) => `${f.ruleId}@${f.start}-${f.end}:${f.severity}`;

describe('incremental checking', () => {
  /** Drafts of six rule examples (allow, flag, flag, allow, flag, flag) joined by `sep`: incremental = full. */
  async function sameAsFull(sep: string): Promise<void> {
    const inc = createIncrementalChecker(engine);
    const flags = examples.filter((e) => e.expect === 'flag').map((e) => e.text);
    const allows = examples.filter((e) => e.expect === 'allow').map((e) => e.text);
    for (let i = 0; i + 3 < flags.length; i += 4) {
      const draft = [allows[i % allows.length], flags[i], flags[i + 1], allows[(i + 1) % allows.length], flags[i + 2], flags[i + 3]].join(sep);
      for (const account of ['professional', 'personal'] as const) {
        const full = (await engine.analyze(draft, { account })).filter((f) => f.severity !== 'info').map(key);
        const got = (await inc.check(draft, { account })).filter((f) => f.severity !== 'info').map(key);
        expect(got.sort(), draft).toEqual(full.sort());
      }
    }
  }

  it('finds what a full check finds on multi-paragraph drafts made of the rules’ own examples', { timeout: 120_000 }, () => sameAsFull('\n\n'));

  // One long paragraph: examples side by side on a single line, cut into sentence pieces.
  it('finds what a full check finds when long paragraphs are cut into sentence pieces', { timeout: 120_000 }, () => sameAsFull(' '));

  it('re-analyses only the paragraph that changed, with offsets still right', async () => {
    const inc = createIncrementalChecker(engine);
    const paras = ['Belle journée au colloque sur la médiation familiale.', 'Merci à toute l’équipe pour l’organisation.', 'À bientôt tout le monde!'];
    await inc.check(paras.join('\n'), { account: 'professional' });
    expect(inc.stats.analysed).toBe(3);
    const edited = [paras[0], 'Une de mes clientes m’a raconté sa semaine difficile.', paras[2]].join('\n');
    const findings = await inc.check(edited, { account: 'professional' });
    expect(inc.stats).toEqual({ analysed: 1, reused: 2 });
    const f = findings.find((x) => x.category === 'client-confidentiality');
    expect(f).toBeDefined();
    expect(edited.slice(f!.start, f!.end).toLowerCase()).toContain('mes clientes');
  });

  it('does not reuse findings across account types', async () => {
    const inc = createIncrementalChecker(engine);
    const text = 'Party ce soir avec mes chums, on ouvre trois bouteilles de vin!';
    const pro = await inc.check(text, { account: 'professional' });
    const unknown = await inc.check(text, { account: 'unknown' });
    expect(unknown.filter((f) => f.category === 'personal-on-professional')).toEqual([]);
    expect(inc.stats.analysed).toBe(1);
    void pro;
  });
});
