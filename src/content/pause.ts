/**
 * The pause before publishing: holds one publish action while error findings remain and offers
 * Edit (back to the first finding, draft untouched) or Publish anyway (the original action, once).
 */
import type { Finding } from '../engine/types';
import { t } from '../ui/i18n';

const CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); z-index: 2147483647; display: flex; align-items: center; justify-content: center; }
.dlg { background: #fff; color: #1f2937; max-width: 460px; width: calc(100% - 32px); max-height: 80vh; overflow: auto; border-radius: 10px; padding: 18px 20px;
  font: 14px/1.45 system-ui, sans-serif; box-shadow: 0 12px 32px rgba(0,0,0,.3); }
h2 { font-size: 17px; margin: 0 0 6px; } ul { padding-left: 18px; } li { margin: 6px 0; } .src { color: #4b5563; font-size: 13px; }
.row { display: flex; gap: 8px; justify-content: flex-end; margin-top: 14px; }
button { font: 600 14px system-ui, sans-serif; padding: 7px 14px; border-radius: 6px; border: 1px solid #6b7280; background: #f3f4f6; color: #111827; cursor: pointer; }
button.primary { background: #0f766e; color: #fff; border-color: #0f766e; }
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { .dlg { background: #1f2937; color: #f3f4f6; } .src { color: #d1d5db; } button { background: #374151; color: #f9fafb; } }`;

let open: HTMLElement | null = null;

/** Shows the pause; resolves 'edit' or 'publish'. Only one at a time. */
export function showPause(findings: Finding[]): Promise<'edit' | 'publish'> {
  return showHold({
    title: t('pauseTitle'),
    intro: t('pauseIntro'),
    items: findings.map((f) => ({ text: f.message, source: f.source })),
    keep: t('pauseEdit'),
    proceed: t('pausePublish'),
  }).then((c) => (c === 'proceed' ? 'publish' : 'edit'));
}

export interface HoldText {
  title: string;
  intro: string;
  items: { text: string; source?: string }[];
  /** The safe choice (focused first, and Escape). */
  keep: string;
  /** The held action, performed once. */
  proceed: string;
}

/** A held action: the safe choice or the original action, once. Resolves 'keep' or 'proceed'. */
export function showHold(text: HoldText): Promise<'keep' | 'proceed'> {
  open?.remove();
  const doc = window.top?.document ?? document;
  const host = doc.createElement('balise-pause');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const backdrop = doc.createElement('div');
  backdrop.className = 'backdrop';
  const dlg = doc.createElement('div');
  dlg.className = 'dlg';
  dlg.setAttribute('role', 'alertdialog');
  dlg.setAttribute('aria-modal', 'true');
  dlg.setAttribute('aria-labelledby', 'balise-pause-title');
  const h = doc.createElement('h2');
  h.id = 'balise-pause-title';
  h.textContent = text.title;
  const intro = doc.createElement('p');
  intro.textContent = text.intro;
  const ul = doc.createElement('ul');
  for (const f of text.items) {
    const li = doc.createElement('li');
    li.textContent = f.text + ' ';
    if (f.source) {
      const src = doc.createElement('span');
      src.className = 'src';
      src.textContent = `(${f.source})`;
      li.append(src);
    }
    ul.append(li);
  }
  const row = doc.createElement('div');
  row.className = 'row';
  const edit = doc.createElement('button');
  edit.type = 'button';
  edit.className = 'primary';
  edit.textContent = text.keep;
  const publish = doc.createElement('button');
  publish.type = 'button';
  publish.textContent = text.proceed;
  row.append(publish, edit);
  dlg.append(h, intro, ul, row);
  backdrop.append(dlg);
  root.append(style, backdrop);
  doc.documentElement.appendChild(host);
  open = host;
  edit.focus();
  return new Promise((resolve) => {
    let done = false;
    const finish = (choice: 'keep' | 'proceed') => {
      if (done) return;
      done = true;
      host.remove();
      if (open === host) open = null;
      resolve(choice);
    };
    edit.addEventListener('click', () => finish('keep'));
    publish.addEventListener('click', () => finish('proceed'));
    dlg.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') finish('keep');
      if (e.key === 'Tab') {
        // Keep focus inside the dialog.
        e.preventDefault();
        (root.activeElement === edit ? publish : edit).focus();
      }
    });
  });
}
