#!/usr/bin/env node
// npm run rules: validate rules/ and write src/engine/generated/rules.json. Exit 1 on any invalid rule.
import { compileRulesToJson } from './lib.mjs';

try {
  await compileRulesToJson();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
