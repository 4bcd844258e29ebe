// The `npm run check` contract, run as a user would: a real node process on real files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCli } from '../../bin/lib.mjs';

const ROOT = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'balise-cli-'));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/balise.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'fr_CA.UTF-8', ...env },
    maxBuffer: 1 << 26,
  });

beforeAll(async () => {
  await ensureCli();
}, 60_000);

describe('check --jsonl', () => {
  it('writes one result per valid line, in order, and reports malformed lines by number', () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'Un de mes clients dort dans son auto depuis une semaine.', lang: 'en', expect: [] }),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: 'b', text: 'Beautiful sunset at the lake tonight.' }),
        JSON.stringify({ text: 'no id here' }),
        '',
        JSON.stringify({ id: 'c', text: 'NAS 193 456 787', account: 'professional', platform: 'x' }),
      ].join('\n'),
    );
    const r = run(['--jsonl', file]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(lines[0].lang).toBe('fr'); // detected, never taken from the input's "lang"
    expect(lines[0].findings[0]).toMatchObject({ category: 'client-confidentiality', severity: 'error' });
    expect(Object.keys(lines[0].findings[0]).sort()).toEqual(['category', 'end', 'layer', 'message', 'ruleId', 'score', 'severity', 'source', 'start']);
    expect(lines[1].findings).toEqual([]);
    expect(lines[2].findings.map((f: any) => f.category)).toContain('personal-identifier');
    expect(r.stderr).toMatch(/in\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/in\.jsonl:4: "id" is missing/);
  });

  it('exits 0 when every line is valid', () => {
    const file = join(dir, 'ok.jsonl');
    writeFileSync(file, JSON.stringify({ id: 1, text: 'Bonne fin de semaine!' }) + '\n');
    const r = run(['--jsonl', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id: 1, lang: 'fr', findings: [] });
  });

  it('handles a 200,000-character post with offsets inside the text', () => {
    const chunk = 'Aujourd\u2019hui, atelier sur la résilience avec les parents du quartier. ';
    let text = '';
    while (text.length < 200_000) text += chunk;
    // A checksummed SIN: a rule that stands alone, whatever the learned layer reads around it.
    text = text.slice(0, 199_900) + ' Son NAS : 193 456 787.';
    const file = join(dir, 'huge.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'huge', text }) + '\n');
    const r = run(['--jsonl', file]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const f = out.findings.find((x: any) => x.category === 'personal-identifier');
    expect(f).toBeDefined();
    expect(text.slice(f.start, f.end)).toMatch(/193 456 787/);
    for (const x of out.findings) expect(x.end).toBeLessThanOrEqual(text.length);
  });

  it('says clearly when the file cannot be read', () => {
    const r = run(['--jsonl', join(dir, 'missing.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Impossible de lire .*missing\.jsonl/);
  });
});

describe('check (human output)', () => {
  it('prints line:column, severity, category, the words, message and source; exit 1 on an error', () => {
    const file = join(dir, 'draft.txt');
    writeFileSync(file, 'Belle journée!\nUn de mes clients m\u2019a dit ce matin qu\u2019il dort dans son auto.');
    const r = run([file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/2:1\s+erreur\s+client-confidentiality\s+«Un de mes clients»/);
    expect(r.stdout).toMatch(/ASWB\/OTSTCFQ 4\.07/);
  });
  it('uses English labels for an English user and exits 0 without errors', () => {
    const r = run(['--text', 'Lovely sunset tonight.'], { LANG: 'en_CA.UTF-8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No problems found/);
  });
  it('rejects a bad --account value with the accepted values', () => {
    const r = run(['--text', 'x', '--account', 'pro']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/personal, professional, unknown/);
  });
});

describe('check in a terminal', () => {
  it('speaks one language: an English post checked in a French terminal gets French reasons (and the reverse)', () => {
    const text = 'Rough day at work: my client cried through the whole meeting.';
    const fr = run(['--text', text]);
    expect(fr.stdout).toContain('Même sans nom');
    const en = run(['--text', "Une de mes clientes m'a raconté ce matin que son conjoint la surveille et lui prend son chèque."], { LANG: 'en_CA.UTF-8' });
    expect(en.stdout).toContain('Even without a name');
  });

  it('stops quietly when its reader goes away (| head)', () => {
    const text = 'Une de mes clientes ' + 'a tout raconté. '.repeat(2000);
    const r = spawnSync('sh', ['-c', `node "${join(ROOT, 'bin/balise.mjs')}" --text "$T" | head -c 10`], {
      encoding: 'utf8',
      env: { ...process.env, T: text.repeat(3) },
    });
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
