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
// `npm run check -- draft.txt | head`: the reader went away; stop quietly instead of a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
