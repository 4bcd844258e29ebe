/**
 * A privacy reminder beside each new friend / connection / follow request: is this a client, a
 * former client, or a client's relative? (ASWB/OTSTCFQ 4.10, CASW 2.4.1). It names the account in
 * use, links to the site's privacy settings, and stays out of the way of the site's own buttons
 * (it sits beside the request, in its own shadow root, outside the page's DOM). Dismissed once,
 * never again for that request. When the requester's name is on the private watch list, the card
 * says so and Accept/Confirm is held for an explicit confirmation.
 */
import { browser } from 'wxt/browser';
import { watchListMatches } from '../engine/watchlist';
import { normalize } from '../engine/normalize';
import type { WatchList } from '../engine/types';
import type { IncomingRequest, RequestAdapter } from '../sites/requests';
import { t } from '../ui/i18n';
import { showHold } from './pause';

const KEY = 'remindedRequests';

const CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483645; width: 300px; background: #fff; color: #1f2937; border: 1px solid #0f766e; border-left-width: 4px;
  border-radius: 8px; box-shadow: 0 6px 18px rgba(0,0,0,.18); padding: 10px 12px; font: 13px/1.45 system-ui, sans-serif; }
.card.match { border-color: #b91c1c; }
h2 { font-size: 14px; margin: 0 0 4px; }
p { margin: 4px 0; }
.alert { color: #b91c1c; font-weight: 700; }
.src { color: #4b5563; font-size: 12px; }
ul { margin: 4px 0; padding-left: 18px; }
a { color: #1d4ed8; }
button { font: 13px system-ui, sans-serif; padding: 3px 10px; border: 1px solid #6b7280; border-radius: 4px; background: #f9fafb; color: #111827; cursor: pointer; margin-top: 4px; }
button:focus-visible, a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { .card { background: #1f2937; color: #f3f4f6; } .src { color: #d1d5db; } a { color: #93c5fd; } button { background: #374151; color: #f9fafb; } }`;

export interface RequestContext {
  adapter: RequestAdapter;
  signal: AbortSignal;
  /** The posting account as the content script sees it, and its type. */
  account: () => { label: string | null; type: 'personal' | 'professional' | 'unknown' };
  watchList: () => WatchList | undefined;
  journal: (e: { kind: 'request-accepted' | 'request-declined'; watchListMatch: boolean }) => void;
}

interface Shown {
  req: IncomingRequest;
  host: HTMLElement;
  card: HTMLElement;
  match: boolean;
}

export function watchRequests(ctx: RequestContext): { scan(root?: ParentNode): void } {
  const { adapter, signal } = ctx;
  const shown = new Map<string, Shown>();
  /** Requests the user acted on after a reminder, and those dismissed: never shown again. */
  let done = new Set<string>();
  const ready = browser.storage.local.get(KEY).then((s: any) => {
    done = new Set(Array.isArray(s[KEY]) ? s[KEY] : []);
  }, () => undefined);
  const keyOf = (r: IncomingRequest) => `${adapter.site}:${r.id}`;
  let bypass = false;

  function remember(key: string): void {
    done.add(key);
    void browser.storage.local.set({ [KEY]: [...done].slice(-2000) });
  }

  async function onWatchList(name: string): Promise<boolean> {
    const list = ctx.watchList();
    if (!list || !list.hashes.length || !name) return false;
    return (await watchListMatches(normalize(name), list)).length > 0;
  }

  /**
   * Beside each request (right, else left), never over it nor over the site's buttons; cards of
   * requests listed one under the other are stacked so they never cover each other.
   */
  function placeAll(): void {
    const vw = document.documentElement.clientWidth;
    const w = 300;
    let bottom = -Infinity;
    const list = [...shown.values()].filter((s) => {
      if (s.req.el.isConnected) return true;
      remove(s);
      return false;
    });
    const rects = new Map(list.map((s) => [s, s.req.el.getBoundingClientRect()]));
    list.sort((a, b) => rects.get(a)!.top - rects.get(b)!.top);
    for (const s of list) {
      const r = rects.get(s)!;
      const left = r.right + 12 + w < vw ? r.right + 12 : r.left - 12 - w > 0 ? r.left - 12 - w : Math.max(4, Math.min(r.left, vw - w - 4));
      const beside = left >= r.right || left + w <= r.left;
      let top = beside ? r.top : r.bottom + 6;
      if (beside) top = Math.max(top, bottom + 8);
      s.card.style.left = `${left}px`;
      s.card.style.top = `${Math.max(4, top)}px`;
      bottom = Math.max(4, top) + s.card.offsetHeight;
    }
  }

  function remove(s: Shown): void {
    s.host.remove();
    shown.delete(keyOf(s.req));
  }

  async function show(req: IncomingRequest): Promise<void> {
    const key = keyOf(req);
    if (shown.has(key) || done.has(key)) return;
    const match = await onWatchList(req.name);
    if (shown.has(key) || signal.aborted) return;
    const host = document.createElement('balise-reminder');
    host.setAttribute('data-request', key);
    host.setAttribute('data-watch-match', String(match));
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const card = document.createElement('div');
    card.className = match ? 'card match' : 'card';
    card.setAttribute('role', 'complementary');
    card.setAttribute('aria-label', t('reminderTitle', req.name || '…'));
    const h = document.createElement('h2');
    h.textContent = t('reminderTitle', req.name || '…');
    const parts: HTMLElement[] = [h];
    if (match) {
      const alert = document.createElement('p');
      alert.className = 'alert';
      alert.setAttribute('role', 'alert');
      alert.textContent = t('reminderWatchMatch');
      parts.push(alert);
    }
    const q = document.createElement('p');
    q.textContent = t('reminderQuestion');
    const src = document.createElement('p');
    src.className = 'src';
    src.textContent = t('reminderSource');
    const acc = ctx.account();
    const account = document.createElement('p');
    account.textContent = acc.label ? t('reminderAccount', [acc.label, t(`accountType_${acc.type}`).toLowerCase()]) : t('reminderAccountUnknown');
    const links = document.createElement('ul');
    for (const l of adapter.privacy) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = l.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = t(l.key);
      li.append(a);
      links.append(li);
    }
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = t('reminderDismiss');
    parts.push(q, src, account, links, dismiss);
    card.append(...parts);
    root.append(style, card);
    document.documentElement.appendChild(host);
    const s: Shown = { req, host, card, match };
    shown.set(key, s);
    dismiss.addEventListener('click', () => {
      remember(key);
      remove(s);
    });
    placeAll();
  }

  function scan(root: ParentNode = document): void {
    void ready.then(() => {
      for (const req of adapter.find(root)) void show(req);
      placeAll(); // also drops the cards of requests that went away
    });
  }

  const reposition = () => placeAll();

  // Accept / Confirm and Decline: written to the journal after a reminder; Accept held when the
  // requester is on the watch list.
  function onClick(e: MouseEvent): void {
    if (bypass) return;
    const path = e.composedPath();
    for (const s of shown.values()) {
      const accept = s.req.accept && path.includes(s.req.accept);
      const decline = s.req.decline && path.includes(s.req.decline);
      if (!accept && !decline) continue;
      const key = keyOf(s.req);
      if (decline || !s.match) {
        ctx.journal({ kind: decline ? 'request-declined' : 'request-accepted', watchListMatch: s.match });
        remember(key);
        // The site answers the click first; then the reminder has done its job.
        setTimeout(() => remove(s), 0);
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
      const button = s.req.accept!;
      void showHold({
        title: t('holdRequestTitle'),
        intro: t('holdRequestIntro', s.req.name),
        items: [{ text: t('reminderQuestion'), source: t('reminderSource') }],
        keep: t('holdRequestKeep'),
        proceed: t('holdRequestProceed'),
      }).then((choice) => {
        if (choice !== 'proceed') return;
        ctx.journal({ kind: 'request-accepted', watchListMatch: true });
        remember(key);
        remove(s);
        bypass = true;
        try {
          button.click();
        } finally {
          bypass = false;
        }
      });
      return;
    }
  }

  document.addEventListener('click', onClick, { capture: true, signal });
  window.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
  window.addEventListener('resize', reposition, { signal });
  signal.addEventListener('abort', () => {
    for (const s of [...shown.values()]) remove(s);
  });
  // The first scan is the caller's, once the settings (watch list) are read.
  return { scan };
}
