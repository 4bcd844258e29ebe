#!/usr/bin/env node
// npm run check: builds the CLI from the current sources when they changed, then runs it.
import { pathToFileURL } from 'node:url';
import { ensureCli } from './lib.mjs';

let cli;
try {
  cli = await ensureCli();
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
