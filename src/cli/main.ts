/**
 * `npm run check`: the engine from a terminal.
 *   check --jsonl FILE            one JSON result per input line, in order (machine use, evaluation)
 *   check draft.txt               human-readable findings; exit 1 when an error-level finding exists
 *   check --text "…" [--account professional|personal] [--platform x|facebook|linkedin|blog] [--lang fr|en]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engine } from '../engine/default';
import type { ModelStatus } from '../engine/index';
import type { Account, AnalyzeContext, Finding, Lang } from '../engine/types';

const ACCOUNTS = ['personal', 'professional', 'unknown'];

const T = {
  fr: {
    usage: `Utilisation :
  npm run check -- brouillon.txt [--account professional|personal] [--platform facebook|x|linkedin|blog]
  npm run check -- --text "Le texte à vérifier"
  npm run --silent check -- --jsonl publications.jsonl     (une ligne JSON {id, text, platform?, account?} par publication)
Options : --lang fr|en (langue des libellés), --json (sortie JSON), --explain (quelle couche a levé chaque constat),
          --no-model (les règles seules, sans la couche apprise)`,
    modelOff: (why: string) => `balise : la couche apprise est désactivée (${why}) ; vérification par les règles seules, qui manquent davantage et se trompent plus souvent.`,
    layerRule: (id: string, s?: number) => `levé par la règle ${id}${s != null ? `, confirmé par le modèle (score ${s.toFixed(2)})` : ''}`,
    layerModel: (s: number) => `levé par le modèle appris (score ${s.toFixed(2)})`,
    none: 'Aucun problème trouvé.',
    count: (n: number) => `${n} constat${n > 1 ? 's' : ''}`,
    sev: { error: 'erreur', warning: 'avertissement', info: 'rappel' },
    todo: 'À faire',
    missingValue: (f: string) => `L'option ${f} attend une valeur.`,
    badAccount: (v: string) => `--account « ${v} » : valeurs possibles personal, professional, unknown.`,
    unknownOpt: (f: string) => `Option inconnue : ${f}`,
    cannotRead: (f: string, m: string) => `Impossible de lire ${f} : ${m}`,
    noInput: 'Aucun texte à vérifier : donnez un fichier, --text ou --jsonl.',
  },
  en: {
    usage: `Usage:
  npm run check -- draft.txt [--account professional|personal] [--platform facebook|x|linkedin|blog]
  npm run check -- --text "The text to check"
  npm run --silent check -- --jsonl posts.jsonl     (one JSON line {id, text, platform?, account?} per post)
Options: --lang fr|en (label language), --json (JSON output), --explain (which layer raised each finding),
         --no-model (the rules alone, without the learned layer)`,
    modelOff: (why: string) => `balise: the learned layer is off (${why}); checking with the rules alone, which miss more and raise more false alarms.`,
    layerRule: (id: string, s?: number) => `raised by rule ${id}${s != null ? `, confirmed by the model (score ${s.toFixed(2)})` : ''}`,
    layerModel: (s: number) => `raised by the learned model (score ${s.toFixed(2)})`,
    none: 'No problems found.',
    count: (n: number) => `${n} finding${n > 1 ? 's' : ''}`,
    sev: { error: 'error', warning: 'warning', info: 'reminder' },
    todo: 'Instead',
    missingValue: (f: string) => `Option ${f} needs a value.`,
    badAccount: (v: string) => `--account "${v}": use personal, professional or unknown.`,
    unknownOpt: (f: string) => `Unknown option: ${f}`,
    cannotRead: (f: string, m: string) => `Cannot read ${f}: ${m}`,
    noInput: 'Nothing to check: give a file, --text or --jsonl.',
  },
};

function uiLang(flag?: string): Lang {
  const env = flag || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return /^fr/i.test(env) ? 'fr' : flag ? 'en' : /^en/i.test(env) ? 'en' : 'fr';
}

/** The public shape of a finding in JSON output (the contract of `--jsonl`). */
export function publicFinding(f: Finding) {
  return { ruleId: f.ruleId, category: f.category, severity: f.severity, start: f.start, end: f.end, message: f.message, source: f.source, layer: f.layer, ...(f.score != null ? { score: f.score } : {}) };
}

/** The model file shipped beside the CLI bundle (dist/ → public/model/), or $BALISE_MODEL. */
export function loadModel(disabled: boolean): ModelStatus {
  if (disabled) return engine.useModel(null, '--no-model');
  const path = process.env.BALISE_MODEL || fileURLToPath(new URL('../public/model/balise-model.bin', import.meta.url));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return engine.useModel(null, `no model file at ${path}`);
  }
  const s = engine.useModel(bytes);
  return s.layer === 'rules-only' ? { ...s, detail: `${path}: ${s.detail}` } : s;
}

/** Line and column (1-based, in characters) of a UTF-16 offset. */
function lineCol(text: string, offset: number): [number, number] {
  let line = 1;
  let last = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i + 1;
  }
  return [line, [...text.slice(last, offset)].length + 1];
}

async function runJsonl(path: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const raw = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  const lines = raw.split(/\r?\n/);
  let bad = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const where = `${path}:${i + 1}`;
    let rec: any;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      err(`${where}: not valid JSON (${(e as Error).message}); line skipped`);
      bad++;
      continue;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      err(`${where}: expected an object {"id": …, "text": …}; line skipped`);
      bad++;
      continue;
    }
    if (typeof rec.text !== 'string') {
      err(`${where}: "text" must be a string; line skipped`);
      bad++;
      continue;
    }
    if (rec.id === undefined || rec.id === null || typeof rec.id === 'object') {
      err(`${where}: "id" is missing; line skipped`);
      bad++;
      continue;
    }
    let account: Account = 'unknown';
    if (rec.account !== undefined) {
      if (ACCOUNTS.includes(rec.account)) account = rec.account;
      else err(`${where}: "account" ${JSON.stringify(rec.account)} is not personal, professional or unknown; checked as unknown`);
    }
    const ctx: AnalyzeContext = { account, platform: typeof rec.platform === 'string' ? rec.platform : undefined };
    const findings = await engine.analyze(rec.text, ctx);
    out(JSON.stringify({ id: rec.id, lang: engine.detectPostLanguage(rec.text), findings: findings.map(publicFinding) }));
  }
  return bad ? 1 : 0;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const opts: Record<string, string> = {};
  const files: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (['--jsonl', '--text', '--account', '--platform', '--lang'].includes(a)) {
      const v = argv[++i];
      if (v === undefined) {
        process.stderr.write(T[uiLang(opts['--lang'])].missingValue(a) + '\n');
        return 2;
      }
      opts[a] = v;
    } else if (a === '--help' || a === '-h' || a === '--json' || a === '--explain' || a === '--no-model') flags.add(a);
    else if (a.startsWith('--')) {
      process.stderr.write(T[uiLang(opts['--lang'])].unknownOpt(a) + '\n' + T[uiLang(opts['--lang'])].usage + '\n');
      return 2;
    } else files.push(a);
  }
  const L = T[uiLang(opts['--lang'])];
  if (flags.has('--help') || flags.has('-h')) {
    process.stdout.write(L.usage + '\n');
    return 0;
  }
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  const status = loadModel(flags.has('--no-model'));
  // A missing or damaged model is never a silent pass: say so, then check with the rules.
  if (status.layer === 'rules-only' && !flags.has('--no-model')) err(L.modelOff(status.detail));
  if (opts['--jsonl']) {
    try {
      return await runJsonl(opts['--jsonl'], out, err);
    } catch (e) {
      err(L.cannotRead(opts['--jsonl'], (e as Error).message));
      return 2;
    }
  }
  const account = (opts['--account'] ?? 'unknown') as Account;
  if (!ACCOUNTS.includes(account)) {
    err(L.badAccount(account));
    return 2;
  }
  const inputs: { name: string; text: string }[] = [];
  if (opts['--text'] !== undefined) inputs.push({ name: '--text', text: opts['--text'] });
  for (const f of files) {
    try {
      inputs.push({ name: f, text: f === '-' ? readFileSync(0, 'utf8') : readFileSync(f, 'utf8') });
    } catch (e) {
      err(L.cannotRead(f, (e as Error).message));
      return 2;
    }
  }
  if (!inputs.length) {
    err(L.noInput + '\n' + L.usage);
    return 2;
  }
  let worst = 0;
  for (const { name, text } of inputs) {
    // Human output reads in one language (the terminal's, or --lang); JSON keeps each sentence's.
    const ui = uiLang(opts['--lang']);
    const findings = await engine.analyze(text, { account, platform: opts['--platform'], uiLanguage: ui, ...(flags.has('--json') ? {} : { messageLanguage: ui }) });
    if (findings.some((f) => f.severity === 'error')) worst = 1;
    if (flags.has('--json')) {
      out(JSON.stringify({ file: name, lang: engine.detectPostLanguage(text), findings: findings.map(publicFinding) }));
      continue;
    }
    if (!findings.length) {
      out(`${name}: ${L.none}`);
      continue;
    }
    out(`${name}: ${L.count(findings.length)}`);
    for (const f of findings) {
      const [line, col] = lineCol(text, f.start);
      const words = text.slice(f.start, f.end).replace(/\s+/g, ' ');
      out(`  ${line}:${col}  ${L.sev[f.severity].padEnd(13)} ${f.category}  «${words.length > 60 ? words.slice(0, 57) + '…' : words}»`);
      out(`      ${f.message} (${f.source})`);
      if (f.advice) out(`      ${L.todo}: ${f.advice}`);
      if (flags.has('--explain')) out(`      ${f.layer === 'model' ? L.layerModel(f.score ?? 0) : L.layerRule(f.ruleId, f.score)}`);
    }
  }
  return worst;
}
