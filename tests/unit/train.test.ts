// npm run train is deterministic (same data, same bytes), and the file it writes scores posts as
// the model it trained does: the committed model can always be rebuilt and checked.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/rules-compiler/compile';
import { decodeModel, scoreText } from '../../src/engine/learned/model';
import { exportModel, fit, fitCombiner, foldsOf, outOfFold, predict, prepare, readCorpus } from '../../src/train/pipeline';

const { bundle } = compileRules(join(__dirname, '../../rules'));
const posts = readCorpus(join(__dirname, '../../../shared/corpus/dev.jsonl')).slice(0, 160);

async function trainSmall() {
  const data = await prepare(posts, bundle);
  const folds = foldsOf(data, 3);
  const comb = fitCombiner(data, outOfFold(data, folds, 3));
  const fitted = fit(data);
  return { data, fitted, bytes: exportModel(fitted, comb, { posts: data.length, files: ['dev.jsonl'] }) };
}

describe('training', () => {
  it('gives the same bytes from the same data', async () => {
    const a = await trainSmall();
    const b = await trainSmall();
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  }, 120_000);

  it('writes a file whose quantised scores follow the trained model', async () => {
    const { data, fitted, bytes } = await trainSmall();
    const m = decodeModel(bytes);
    let worst = 0;
    for (const d of data.filter((x) => x.hits.length === 0).slice(0, 40)) {
      const a = predict(fitted, d).p;
      const b = scoreText(m, d.post.text, d.post).p;
      for (let c = 0; c < a.length; c++) worst = Math.max(worst, Math.abs(a[c]! - b[c]!));
    }
    expect(worst).toBeLessThan(0.05);
  }, 120_000);

  it('refuses a corpus line without its labels, with the file and line', () => {
    expect(() => readCorpus(join(__dirname, '../../package.json'))).toThrow(/package\.json:1: not valid JSON/);
  });
});
