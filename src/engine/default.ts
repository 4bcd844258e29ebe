/** The engine with the rules compiled from rules/ at build time. */
import bundle from './generated/rules.json';
import { createEngine, type Engine } from './index';
import type { RuleBundle } from './types';

/** The compiled rules this build ships. */
export const rules = bundle as unknown as RuleBundle;
/** A new engine on the shipped rules, with no model loaded (the benchmark times model loads on fresh ones). */
export const createDefaultEngine = (): Engine => createEngine(rules);
export const engine = createDefaultEngine();
export const analyze = engine.analyze;
export { createIncrementalChecker } from './incremental';
// The learned layer's own parts, for the benchmark, which times the model apart from the rules.
export { decodeModel, scorePost, scoreText } from './learned/model';
export { normalize } from './normalize';
export { splitSentences } from './sentences';
