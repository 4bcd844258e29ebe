// Types for bin/lib.mjs (the build helpers shared by the CLI, eval, bench and tests).
export declare const ROOT: string;
export declare const RULES_DIR: string;
export declare const RULES_JSON: string;
export declare function compileRulesToJson(options?: { quiet?: boolean }): Promise<unknown>;
export declare function ensureCli(): Promise<string>;
export declare function ensureEngineBundle(): Promise<string>;
