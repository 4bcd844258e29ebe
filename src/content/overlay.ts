/**
 * The overlay for one compose box: highlight boxes over the offending words, a badge with the
 * count and worst severity, and a card with the reason, source and advice. Everything lives in
 * a shadow root under <balise-overlay>, appended to the top document's <html> element — never
 * inside the editor, whose DOM stays exactly as the site built it.
 */
import type { Finding } from '../engine/types';
import { t } from '../ui/i18n';
import { fieldRects } from './field-mirror';
import { rangeFor, type TextMap } from './text-map';

const CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.hl { position: fixed; pointer-events: none; border-bottom: 2px solid; background: rgba(255,255,255,0); }
.hl.error { border-color: #c62828; background: rgba(198,40,40,.10); }
.hl.warning { border-color: #ef6c00; background: rgba(239,108,0,.10); }
.hl.info { border-color: #1565c0; border-bottom-style: dotted; }
.badge { position: fixed; pointer-events: auto; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px; border: 0;
  font: 600 12px/22px system-ui, sans-serif; color: #fff; background: #0f766e; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.badge.error { background: #c62828; } .badge.warning { background: #b45309; } .badge.none { background: #0f766e; opacity: .75; }
.badge:focus-visible, button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.card { position: fixed; pointer-events: auto; max-width: 380px; max-height: 60vh; overflow: auto; background: #fff; color: #1f2937;
  border: 1px solid #d1d5db; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.2); padding: 10px 12px; font: 14px/1.4 system-ui, sans-serif; }
.card[hidden], .ask[hidden] { display: none; }
.badge, .card, .ask { z-index: 2147483646; }
.ask { position: fixed; pointer-events: auto; max-width: 420px; background: #fff; color: #1f2937; border: 1px solid #0f766e; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.15); padding: 3px 6px; font: 12px/1.3 system-ui, sans-serif; display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.ask p { margin: 0 4px 0 0; }
.ask button { font: 12px system-ui, sans-serif; padding: 1px 6px; border: 1px solid #6b7280; border-radius: 4px; background: #f9fafb; color: #111827; cursor: pointer; }
.item { border-top: 1px solid #e5e7eb; padding: 8px 0; } .item:first-of-type { border-top: 0; }
.sev { font-weight: 700; font-size: 12px; text-transform: uppercase; } .sev.error { color: #b91c1c; } .sev.warning { color: #b45309; } .sev.info { color: #1d4ed8; }
.src, .adv { font-size: 13px; color: #374151; margin-top: 4px; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 6px; }
.actions button, .close { font: 13px system-ui, sans-serif; padding: 3px 8px; border: 1px solid #9ca3af; border-radius: 4px; background: #f9fafb; color: #111827; cursor: pointer; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2937; color: #f3f4f6; border-color: #4b5563; } .src, .adv { color: #d1d5db; }
  .actions button, .close, .ask button { background: #374151; color: #f9fafb; border-color: #6b7280; }
  .ask { background: #1f2937; color: #f3f4f6; }
}`;

export type Severity = 'error' | 'warning' | 'info' | 'none';

export function worst(findings: Finding[]): Severity {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return findings.length ? 'info' : 'none';
}

/** Offset of a same-origin frame's viewport in the top viewport. */
export function frameOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let win: Window | null = doc.defaultView;
  try {
    while (win && win.frameElement) {
      const r = win.frameElement.getBoundingClientRect();
      x += r.left + (win.frameElement as HTMLElement).clientLeft;
      y += r.top + (win.frameElement as HTMLElement).clientTop;
      win = win.parent;
    }
  } catch {
    // cross-origin parent: stop here
  }
  return { x, y };
}

// --- CSS Custom Highlight API: the offending words are painted by the browser itself, in the
// editor's own document, without a single node added to it; they follow scroll, zoom and reflow.
// Positioned boxes in the overlay's shadow root are the fallback where the API is missing.
const HIGHLIGHT_CSS = `
::highlight(balise-error) { background-color: rgba(198, 40, 40, 0.16); text-decoration: underline wavy #c62828; }
::highlight(balise-warning) { background-color: rgba(239, 108, 0, 0.14); text-decoration: underline wavy #b45309; }
::highlight(balise-info) { text-decoration: underline dotted #1565c0; }`;
const styled = new WeakSet<Document | ShadowRoot>();
const byDoc = new WeakMap<Document, Map<object, Record<string, Range[]>>>();

function highlightsIn(doc: Document): boolean {
  const w = doc.defaultView as any;
  return !!(w?.CSS?.highlights && w.Highlight && w.CSSStyleSheet && 'adoptedStyleSheets' in doc);
}

/**
 * `::highlight()` rules apply within one tree scope: an editor inside an open shadow root needs
 * them adopted by that shadow root too (adoptedStyleSheets add no node).
 */
function setHighlights(doc: Document, owner: object, ranges: Record<string, Range[]>, scope?: ShadowRoot): void {
  const w = doc.defaultView as any;
  for (const target of scope ? [doc, scope] : [doc]) {
    if (styled.has(target)) continue;
    try {
      const sheet = new w.CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      styled.add(target);
    } catch {
      return;
    }
  }
  let all = byDoc.get(doc);
  if (!all) byDoc.set(doc, (all = new Map()));
  all.set(owner, ranges);
  for (const sev of ['error', 'warning', 'info']) {
    const list = [...all.values()].flatMap((r) => r[sev] ?? []);
    if (list.length) w.CSS.highlights.set(`balise-${sev}`, new w.Highlight(...list));
    else w.CSS.highlights.delete(`balise-${sev}`);
  }
}

export interface OverlayActions {
  dismiss(f: Finding): void;
  mute(f: Finding): void;
  focusEditor(): void;
}

export class Overlay {
  readonly host: HTMLElement;
  private root: ShadowRoot;
  private layer: HTMLDivElement;
  private badge: HTMLButtonElement;
  private card: HTMLDivElement;
  private ask: HTMLDivElement;
  private findings: Finding[] = [];
  private ranges: { f: Finding; range: Range }[] = [];
  /** Set by `update`: the findings changed, map them to ranges again. */
  private stale = true;
  private map: TextMap | null = null;
  /** A textarea: its text has no nodes, so its highlights are boxes measured on a mirror. */
  private field: HTMLTextAreaElement | null;
  private resizeObserver: ResizeObserver | null = null;

  constructor(private box: HTMLElement, private actions: OverlayActions) {
    this.field = box.tagName === 'TEXTAREA' ? (box as HTMLTextAreaElement) : null;
    const top = window.top?.document ?? document;
    this.host = top.createElement('balise-overlay');
    this.host.setAttribute('data-findings', '0');
    this.host.setAttribute('data-severity', 'none');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = top.createElement('style');
    style.textContent = CSS;
    this.layer = top.createElement('div');
    this.layer.className = 'layer';
    this.badge = top.createElement('button');
    this.badge.className = 'badge none';
    this.badge.type = 'button';
    this.badge.addEventListener('click', () => this.openCard(this.findings, true));
    this.card = top.createElement('div');
    this.card.className = 'card';
    this.card.hidden = true;
    this.card.setAttribute('role', 'dialog');
    this.card.setAttribute('aria-label', t('cardTitle'));
    this.card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.closeCard();
        this.actions.focusEditor();
      }
    });
    this.ask = top.createElement('div');
    this.ask.className = 'ask';
    this.ask.hidden = true;
    this.ask.setAttribute('role', 'group');
    this.root.append(style, this.layer, this.badge, this.card, this.ask);
    top.documentElement.appendChild(this.host);
    this.renderBadge();
    // The box itself resizing (a textarea's grip, a growing editor, reflow) moves the words.
    const W = box.ownerDocument.defaultView as (typeof globalThis) | null;
    if (W?.ResizeObserver) {
      this.resizeObserver = new W.ResizeObserver(() => this.reposition());
      this.resizeObserver.observe(box);
    }
  }

  update(findings: Finding[], map: TextMap): void {
    this.findings = findings;
    this.map = map;
    this.stale = true;
    this.host.setAttribute('data-findings', String(findings.filter((f) => f.severity !== 'info').length));
    this.host.setAttribute('data-severity', worst(findings));
    this.renderBadge();
    this.reposition();
    if (!this.card.hidden) this.openCard(findings, false);
  }

  /**
   * Asks once, beside the badge, whether the posting account is personal or professional.
   * Never takes the focus from the editor; the answer (or "not now") is remembered by the caller.
   */
  askAccount(label: string, answer: (v: 'personal' | 'professional' | null) => void): void {
    const doc = this.ask.ownerDocument;
    const q = doc.createElement('p');
    q.textContent = t('askAccountShort', label);
    this.ask.setAttribute('aria-label', t('askAccount', label));
    const btn = (text: string, v: 'personal' | 'professional' | null) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.addEventListener('click', () => {
        this.ask.hidden = true;
        answer(v);
        this.actions.focusEditor();
      });
      return b;
    };
    this.ask.replaceChildren(q, btn(t('accountType_personal'), 'personal'), btn(t('accountType_professional'), 'professional'), btn(t('askLater'), null));
    this.ask.hidden = false;
    this.placeAsk();
  }

  get asking(): boolean {
    return !this.ask.hidden;
  }

  /**
   * Inside the compose box's own top-right corner: Balise's corner, as the badge is. Never over
   * the site's controls around the box (the publish button, the dialog's header).
   */
  private placeAsk(): void {
    if (this.ask.hidden || !this.box.isConnected) return;
    const off = frameOffset(this.box.ownerDocument);
    const b = this.box.getBoundingClientRect();
    this.ask.style.maxWidth = `${Math.max(160, Math.min(420, b.width - 8))}px`;
    const w = this.ask.offsetWidth;
    this.ask.style.left = `${Math.max(off.x + b.left + 4, off.x + b.right - w - 4)}px`;
    this.ask.style.top = `${Math.max(0, off.y + b.top + 4)}px`;
  }

  /** The UI language changed: labels again (the card re-renders on its next update). */
  relabel(): void {
    this.card.setAttribute('aria-label', t('cardTitle'));
    this.renderBadge();
    if (!this.card.hidden) this.openCard(this.findings, false);
  }

  /** Which account the findings were checked for (`site:id`, or none detected) and its type. */
  setAccount(key: string | null, type: string): void {
    if (key) this.host.setAttribute('data-account', key);
    else this.host.removeAttribute('data-account');
    this.host.setAttribute('data-account-type', type);
  }

  private renderBadge(): void {
    const n = this.findings.length;
    this.badge.textContent = n ? String(n) : '✓';
    this.badge.className = `badge ${worst(this.findings)}`;
    this.badge.setAttribute('aria-label', n ? t('badgeLabel', String(n)) : t('badgeNone'));
  }

  /** Recomputes highlight boxes and the badge position (scroll, resize, zoom, reflow). */
  reposition(): void {
    if (!this.box.isConnected) return;
    const doc = this.box.ownerDocument;
    const off = frameOffset(doc);
    const b = this.box.getBoundingClientRect();
    // The badge sits in the bottom-right corner of the part of the box that is on screen: a long
    // draft runs past its frame or the window, and a corner out there would land on the site's
    // own controls (Blogger's Publish sits right under its editor frame).
    const win = doc.defaultView ?? window;
    const right = Math.min(b.right, win.innerWidth) + off.x;
    const bottom = Math.min(b.bottom, win.innerHeight) + off.y;
    this.badge.style.left = `${Math.max(0, Math.min(right, window.innerWidth) - 30)}px`;
    this.badge.style.top = `${Math.max(0, Math.min(bottom, window.innerHeight) - 26)}px`;
    this.placeAsk();
    const useHighlights = !this.field && highlightsIn(doc);
    // Ranges are mapped (and browser highlights set) once per result; rectangles are measured
    // only where they are drawn (the fallback) or hit-tested (hover), not on every scroll.
    if (this.stale) {
      this.stale = false;
      this.ranges = [];
      if (this.map) for (const f of this.findings) {
        const range = rangeFor(this.map, f.start, f.end, doc);
        if (range) this.ranges.push({ f, range });
      }
      if (useHighlights) {
        const bySeverity: Record<Finding['severity'], Range[]> = { error: [], warning: [], info: [] };
        for (const { f, range } of this.ranges) bySeverity[f.severity].push(range);
        const root = this.box.getRootNode();
        setHighlights(doc, this, bySeverity, root instanceof (doc.defaultView as any).ShadowRoot ? (root as ShadowRoot) : undefined);
      }
    }
    const frag = document.createDocumentFragment();
    if (!useHighlights) {
      for (const { f, r } of this.rects()) {
        const d = this.layer.ownerDocument.createElement('div');
        d.className = `hl ${f.severity}`;
        d.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
        frag.appendChild(d);
      }
    }
    this.layer.replaceChildren(frag);
  }

  /** Each finding's line boxes, in top-viewport coordinates. */
  private rects(): { f: Finding; r: DOMRect }[] {
    const off = frameOffset(this.box.ownerDocument);
    const out: { f: Finding; r: DOMRect }[] = [];
    if (this.field) {
      const rects = fieldRects(this.field, this.findings, this.layer, off);
      this.findings.forEach((f, i) => rects[i]!.forEach((r) => out.push({ f, r })));
      return out;
    }
    for (const { f, range } of this.ranges) {
      for (const r of Array.from(range.getClientRects())) if (r.width >= 1) out.push({ f, r: new DOMRect(r.left + off.x, r.top + off.y, r.width, r.height) });
    }
    return out;
  }

  /** Findings under a point of the top viewport (hover). */
  at(x: number, y: number): Finding[] {
    if (!(this.field ? this.findings.length : this.ranges.length)) return [];
    const out = new Set<Finding>();
    for (const { f, r } of this.rects()) if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) out.add(f);
    return [...out];
  }

  openCard(list: Finding[], focus: boolean, anchor?: { x: number; y: number }): void {
    const doc = this.card.ownerDocument;
    this.card.replaceChildren();
    const close = doc.createElement('button');
    close.className = 'close';
    close.type = 'button';
    close.textContent = t('close');
    close.addEventListener('click', () => {
      this.closeCard();
      this.actions.focusEditor();
    });
    this.card.append(close);
    for (const f of list) {
      const item = doc.createElement('div');
      item.className = 'item';
      item.setAttribute('data-rule', f.ruleId);
      const sev = doc.createElement('div');
      sev.className = `sev ${f.severity}`;
      sev.textContent = t(f.severity === 'error' ? 'sevError' : f.severity === 'warning' ? 'sevWarning' : 'sevInfo');
      const msg = doc.createElement('div');
      msg.className = 'msg';
      msg.textContent = f.message;
      const src = doc.createElement('div');
      src.className = 'src';
      src.textContent = `${t('sourceLabel')} : ${f.source}`;
      const adv = doc.createElement('div');
      adv.className = 'adv';
      adv.textContent = `${t('adviceLabel')} : ${f.advice ?? ''}`;
      const actions = doc.createElement('div');
      actions.className = 'actions';
      const dismiss = doc.createElement('button');
      dismiss.type = 'button';
      dismiss.textContent = t('dismiss');
      dismiss.addEventListener('click', () => this.actions.dismiss(f));
      const mute = doc.createElement('button');
      mute.type = 'button';
      mute.textContent = t('muteRule');
      mute.addEventListener('click', () => this.actions.mute(f));
      actions.append(dismiss, mute);
      item.append(sev, msg, src, adv, actions);
      this.card.append(item);
    }
    const bx = this.badge.getBoundingClientRect();
    const x = anchor?.x ?? bx.left;
    const y = anchor?.y ?? bx.top;
    this.card.hidden = false;
    const w = this.card.offsetWidth;
    const h = this.card.offsetHeight;
    const vw = doc.documentElement.clientWidth;
    const vh = doc.documentElement.clientHeight;
    this.card.style.left = `${Math.max(4, Math.min(x, vw - w - 4))}px`;
    this.card.style.top = `${y + 24 + h < vh ? y + 24 : Math.max(4, y - h - 8)}px`;
    if (focus) (this.card.querySelector('.actions button') as HTMLElement | null ?? close).focus();
  }

  closeCard(): void {
    this.card.hidden = true;
  }

  get cardOpen(): boolean {
    return !this.card.hidden;
  }

  destroy(): void {
    this.resizeObserver?.disconnect();
    if (highlightsIn(this.box.ownerDocument)) setHighlights(this.box.ownerDocument, this, { error: [], warning: [], info: [] });
    this.host.remove();
  }
}
