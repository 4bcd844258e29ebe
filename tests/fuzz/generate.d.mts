// Types for tests/fuzz/generate.mjs (the fuzz inputs shared by tests/unit/fuzz.test.ts and bench/bench.mjs).
export interface FuzzInput {
  /** Position in the generated list (stable for a given seed, count and vocabulary). */
  index: number;
  /** Which generator made it (see FUZZ_CATEGORIES). */
  category: string;
  text: string;
}
export interface FuzzOptions {
  seed?: number;
  /** Total number of inputs (default 10,000). */
  count?: number;
  /** Texts whose words are mixed into the inputs (the rules' own examples). */
  vocabulary?: string[];
  /** How many 200,000-character posts (default 4). */
  hugePosts?: number;
}
export declare function prng(seed: number): () => number;
export declare function generateInputs(options?: FuzzOptions): FuzzInput[];
export declare const REPEAT_UNITS: string[];
export declare const FUZZ_CATEGORIES: string[];
