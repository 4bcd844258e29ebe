/** The engine with the rules compiled from rules/ at build time. */
import bundle from './generated/rules.json';
import { createEngine } from './index';
import type { RuleBundle } from './types';

export const engine = createEngine(bundle as unknown as RuleBundle);
export const analyze = engine.analyze;
export { createIncrementalChecker } from './incremental';
