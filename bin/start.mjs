#!/usr/bin/env node
// npm start [-- draft.txt] [--no-browser]: the newcomer's main command. Builds the extension
// (.output/chrome-mv3), checks a draft from the terminal (a bilingual demo draft unless a file is
// given), then opens Chromium with the extension on the local demo pages where a display exists
// (bin/demo.mjs); without one, it says how to load the extension by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib.mjs';
import { runDemo } from './demo.mjs';

// Same rule as the check CLI: French unless the locale says English (Balise's users are French-first).
const fr = !/^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
const say = (frText, enText) => console.log(fr ? frText : enText);
const args = process.argv.slice(2);
const noBrowser = args.includes('--no-browser') || process.env.BALISE_NO_BROWSER === '1';
const draft = args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'tests/fixtures/drafts/demo.txt');
if (!existsSync(draft)) {
  console.error(fr ? `start : fichier introuvable : ${draft}` : `start: file not found: ${draft}`);
  process.exit(2);
}

say('\n▶ Construction de l’extension (Chrome, MV3)…', '\n▶ Building the extension (Chrome, MV3)…');
const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) {
  say('La construction a échoué (voir ci-dessus) ; rien n’a été modifié.', 'The build failed (see above); nothing was changed.');
  process.exit(build.status ?? 1);
}
const out = join(ROOT, '.output/chrome-mv3');
say(
  `\n✔ Extension prête : ${relative(process.cwd(), out) || out}\n  Pour l’installer : chrome://extensions → « Mode développeur » → « Charger l’extension non empaquetée » → choisir ce dossier.`,
  `\n✔ Extension ready: ${relative(process.cwd(), out) || out}\n  To install it: chrome://extensions → "Developer mode" → "Load unpacked" → pick that folder.`,
);

say(`\n▶ Vérification d’un brouillon : ${relative(process.cwd(), draft)}\n`, `\n▶ Checking a draft: ${relative(process.cwd(), draft)}\n`);
const check = spawnSync(process.execPath, [join(ROOT, 'bin/balise.mjs'), draft, '--account', 'professional'], { cwd: ROOT, stdio: 'inherit' });
say(
  '\nVotre propre brouillon : npm run check -- mon-brouillon.txt   (ou --text "…", --account personal|professional, --platform facebook|x|linkedin|blog)',
  '\nYour own draft: npm run check -- my-draft.txt   (or --text "…", --account personal|professional, --platform facebook|x|linkedin|blog)',
);
// Findings in the demo draft are expected; only a crash of the checker is a failure here.
if (!(check.status === 0 || check.status === 1)) process.exit(check.status ?? 1);

if (noBrowser) process.exit(0);
say('\n▶ Ouverture de Chromium sur la démo…', '\n▶ Opening Chromium on the demo…');
let demo = 3;
try {
  demo = await runDemo();
} catch (e) {
  console.error(String(e?.message ?? e));
}
if (demo === 3) {
  say(
    '  Pas d’écran ici (ni DISPLAY ni WAYLAND_DISPLAY) ou pas de Chromium : chargez l’extension à la main comme indiqué plus haut.',
    '  No display here (neither DISPLAY nor WAYLAND_DISPLAY) or no Chromium: load the extension by hand as shown above.',
  );
  process.exit(0);
}
process.exit(demo);
