/**
 * The content script: finds compose boxes (focus events, same-origin editor iframes), reads their
 * text, asks the rule worker, draws the overlay and holds publish actions while error findings
 * remain. It never writes into the editor's DOM and never loads the NLP or the rules.
 */
import { browser } from 'wxt/browser';
import type { Account, Finding } from '../engine/types';
import { adapterFor, GENERIC, type DetectedAccount, type SiteAdapter } from '../sites';
import { EngineClient } from './engine-client';
import { citationFor } from '../engine/jurisdiction';
import { WATCH_LIST_RULE } from '../engine/watchlist';
import { defaults, type Settings, type SiteId } from '../settings/schema';
import { loadSettings, updateSettings, watchSettings } from '../settings/store';
import { uiLang, useLanguage } from '../ui/i18n';
import { FOCUS_MESSAGE, JOURNAL_ADD, LOCALE_MESSAGE, STATUS_MESSAGE } from '../worker/protocol';
import type { TabStatus } from './status';
import { requestAdapterFor } from '../sites/requests';
import { watchRequests } from './requests';
import { frameOffset, Overlay } from './overlay';
import { showPause } from './pause';
import { isTextField, readBox, rangeFor, type TextMap } from './text-map';

/**
 * While typing, a check at most every CHECK_EVERY_MS (a throttle, not a debounce: warnings keep up
 * with continuous typing instead of waiting for a pause); changed lines only are re-analysed.
 */
const CHECK_EVERY_MS = 60;
const MAX_CHARS = 200_000;

interface Box {
  el: HTMLElement;
  key: string;
  overlay: Overlay;
  timer: number | undefined;
  /** Text the shown findings belong to. */
  checkedText: string | null;
  /** Account type they were checked for. */
  checkedAccount: Account;
  /** Counts drafts in this box: a box emptied (published, cleared) starts a new draft. */
  draft: number;
  /**
   * Watches this box only: editors that re-render without an input event (Draft.js deletions,
   * the site clearing the box after publishing) still get checked again.
   */
  observer: MutationObserver | null;
  map: TextMap | null;
  findings: Finding[];
  inflight: Promise<void> | null;
  /** The text changed while a check was in flight: check again when it returns. */
  dirty: boolean;
}

export function startContent(ctx: { signal: AbortSignal }): void {
  const site: SiteAdapter = adapterFor(location.hostname);
  const client = new EngineClient();
  const boxes = new Map<HTMLElement, Box>();
  let active: Box | null = null;
  let seq = 0;
  let bypass = false;
  let dismissed = new Set<string>();
  let muted = new Set<string>();
  const { signal } = ctx;
  const host = location.hostname;

  let cfg: Settings = defaults();
  const siteKey = site.id as SiteId;
  const enabled = () => cfg.sites[siteKey] !== false;
  const readStrings = (v: unknown) => new Set<string>(Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  const readMuted = (v: any) => new Set<string>(Array.isArray(v?.[host]) ? v[host] : []);
  const readMap = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const loadLocale = (lang: string) => browser.runtime.sendMessage({ type: LOCALE_MESSAGE, lang }) as Promise<Record<string, { message: string }>>;
  async function applySettings(next: Settings): Promise<void> {
    cfg = next;
    await useLanguage(cfg.uiLanguage, loadLocale);
  }
  /** Accounts already asked about (answered or "not now"): asked once, never again. */
  let asked = new Set<string>();
  const settingsRead = Promise.all([
    browser.storage.local.get(['dismissed', 'muted', 'detectedAccounts', 'askedAccounts']),
    loadSettings().then((l) => applySettings(l.settings)),
  ]).then(([s]: any[]) => {
    dismissed = readStrings(s.dismissed);
    muted = readMuted(s.muted);
    asked = readStrings(s.askedAccounts);
    return readMap(s.detectedAccounts);
  }, () => ({}) as Record<string, unknown>);
  // Changes made elsewhere (another tab, the popup, the options page) apply here at once.
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if ('dismissed' in changes) dismissed = readStrings(changes.dismissed!.newValue);
    if ('muted' in changes) muted = readMuted(changes.muted!.newValue);
    if ('dismissed' in changes || 'muted' in changes) for (const b of boxes.values()) show(b);
  };
  browser.storage.onChanged.addListener(onStorage);
  const unwatch = watchSettings((l) => {
    void applySettings(l.settings).then(() => {
      for (const b of [...boxes.values()]) {
        if (!enabled()) {
          detach(b);
          continue;
        }
        b.checkedText = null; // categories, accounts, watch list, language: check again
        b.overlay.relabel();
        schedule(b, 0);
      }
    });
  });
  signal.addEventListener('abort', () => {
    browser.storage.onChanged.removeListener(onStorage);
    unwatch();
  });

  function journal(e: { kind: string; categories: string[]; ruleIds: string[]; text?: string; watchListMatch?: boolean }): void {
    const entry = { ...e, site: site.id, accountType: currentAccount().type };
    void browser.runtime.sendMessage({ type: JOURNAL_ADD, entry }).catch(() => undefined);
  }

  /** Who the post goes out as, and how the user classified that account. */
  function currentAccount(): { key: string | null; detected: DetectedAccount | null; type: Account } {
    let detected: DetectedAccount | null = null;
    try {
      detected = site.account?.(document, new URL(location.href)) ?? null;
    } catch {
      detected = null; // a site changed its page: the account stays unknown, checks go on
    }
    const key = detected ? `${site.id}:${detected.id}` : null;
    if (key && detected) void remember(key, detected);
    return { key, detected, type: (key && cfg.accounts[key]) || 'unknown' };
  }
  /** Detected accounts are listed for the user to classify (popup and options page). */
  const known = new Map<string, string>();
  async function remember(key: string, d: DetectedAccount): Promise<void> {
    const sig = `${d.label}|${d.kind}`;
    if (known.get(key) === sig) return;
    known.set(key, sig);
    const stored = await settingsRead;
    const prev = stored[key] as { label?: string; kind?: string } | undefined;
    if (prev && prev.label === d.label && prev.kind === d.kind) return;
    const s: any = await browser.storage.local.get('detectedAccounts').catch(() => ({}));
    const all = readMap(s.detectedAccounts);
    await browser.storage.local.set({ detectedAccounts: { ...all, [key]: { site: site.id, id: d.id, label: d.label, kind: d.kind } } }).catch(() => undefined);
  }

  const dismissKey = (b: Box, f: Finding) => `${f.ruleId}|${(b.checkedText ?? '').slice(f.start, f.end).toLowerCase()}`;
  const visible = (b: Box, list: Finding[]) => list.filter((f) => !muted.has(f.ruleId) && !dismissed.has(dismissKey(b, f)));
  /** The engine's findings as the user set them up: categories on/off, severities, citations. */
  function present(list: Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const f of list) {
      const c = cfg.categories[f.category];
      // The user's own watch list always applies, whatever the category switches say.
      if (c && !c.enabled && f.ruleId !== WATCH_LIST_RULE) continue;
      out.push({ ...f, severity: c?.severity ?? f.severity, source: citationFor(f, cfg.jurisdiction, uiLang()) });
    }
    return out;
  }

  const editorSelector = [...site.editors, ...(site === GENERIC ? [] : GENERIC.editors)].join(',');
  function boxOf(target: EventTarget | null): HTMLElement | null {
    if (!enabled()) return null;
    const W = (target as any)?.ownerDocument?.defaultView as (typeof globalThis) | undefined;
    if (!target || !W || !(target instanceof W.Element)) return null;
    const el = target as HTMLElement;
    if (isTextField(el)) return el.matches(editorSelector) && !(el as HTMLInputElement).readOnly ? el : null;
    // The outermost editable root (contenteditable children inherit editability).
    let root: HTMLElement | null = el.isContentEditable ? el : null;
    while (root?.parentElement?.isContentEditable) root = root.parentElement;
    if (!root && el.ownerDocument.designMode === 'on') root = el.ownerDocument.body;
    // Blocks of one post (Gutenberg paragraphs) are one box: the post is checked as a whole,
    // with one badge, not one per paragraph.
    const group = root && site.group ? (root.parentElement?.closest(site.group) as HTMLElement | null) : null;
    return group ?? root;
  }

  function attach(el: HTMLElement): Box {
    let b = boxes.get(el);
    if (b) return b;
    const nb: Box = {
      el,
      key: `box${++seq}`,
      overlay: null as unknown as Overlay,
      timer: undefined,
      checkedText: null,
      checkedAccount: 'unknown',
      draft: 1,
      observer: null,
      map: null,
      findings: [],
      inflight: null,
      dirty: false,
    };
    nb.overlay = new Overlay(el, {
      dismiss: (f) => {
        dismissed.add(dismissKey(nb, f));
        void browser.storage.local.set({ dismissed: [...dismissed].slice(-2000) });
        show(nb);
      },
      mute: (f) => {
        muted.add(f.ruleId);
        journal({ kind: 'rule-muted', categories: [f.category], ruleIds: [f.ruleId] });
        void browser.storage.local.get('muted').then((s: any) => browser.storage.local.set({ muted: { ...(s.muted ?? {}), [host]: [...muted] } }));
        show(nb);
      },
      focusEditor: () => el.focus(),
    });
    if (!isTextField(el)) {
      const W = el.ownerDocument.defaultView as (typeof globalThis) | null;
      nb.observer = W ? new W.MutationObserver(() => schedule(nb)) : null;
      nb.observer?.observe(el, { childList: true, characterData: true, subtree: true });
    }
    boxes.set(el, nb);
    return nb;
  }

  function show(b: Box): void {
    // Which text the shown findings belong to (its length): for the benchmark and for debugging.
    b.overlay.host.setAttribute('data-checked-length', String(b.checkedText?.length ?? 0));
    if (b.map) b.overlay.update(visible(b, b.findings), b.map);
  }

  async function check(b: Box): Promise<void> {
    if (!b.el.isConnected) return detach(b);
    const map = readBox(b.el);
    const text = map.text.length > MAX_CHARS ? map.text.slice(0, MAX_CHARS) : map.text;
    await settingsRead;
    const account = currentAccount();
    b.overlay.setAccount(account.key, account.type);
    if (text === b.checkedText && account.type === b.checkedAccount) return;
    if (!enabled()) return;
    const ui = uiLang();
    // Reasons and advice in the UI's language, whatever the language of the post.
    const watchList = cfg.watchList.hashes.length ? cfg.watchList : undefined;
    const raw = await client.check(b.key, text, { platform: site.platform, account: account.type, uiLanguage: ui, messageLanguage: ui, watchList });
    const findings = raw && present(raw);
    if (findings === null) return; // superseded by a newer check
    // Results for text that has changed since are never shown.
    if (!b.el.isConnected || readBox(b.el).text.slice(0, MAX_CHARS) !== text) return;
    if (text.trim() === '' && (b.checkedText ?? '').trim() !== '') b.draft++;
    b.checkedText = text;
    b.checkedAccount = account.type;
    if (account.key && account.detected && account.type === 'unknown' && !asked.has(account.key) && text.trim() && !b.overlay.asking) {
      const key = account.key;
      b.overlay.askAccount(account.detected.label, (v) => {
        asked.add(key);
        void browser.storage.local.set({ askedAccounts: [...asked].slice(-500) });
        if (v) void updateSettings((x) => ({ accounts: { ...x.accounts, [key]: v } }));
      });
    }
    b.map = map;
    b.findings = findings;
    show(b);
  }

  function schedule(b: Box, delay = CHECK_EVERY_MS): void {
    if (delay === 0) {
      clearTimeout(b.timer);
      b.timer = undefined;
      return run(b);
    }
    if (b.timer !== undefined) return; // one check per interval while typing
    b.timer = window.setTimeout(() => {
      b.timer = undefined;
      run(b);
    }, delay);
  }

  function run(b: Box): void {
    if (b.inflight) {
      b.dirty = true;
      return;
    }
    b.inflight = check(b).finally(() => {
      b.inflight = null;
      if (b.dirty) {
        b.dirty = false;
        schedule(b);
      }
    });
  }

  function detach(b: Box): void {
    clearTimeout(b.timer);
    b.observer?.disconnect();
    b.overlay.destroy();
    boxes.delete(b.el);
    if (active === b) active = null;
  }

  // --- watching documents (the page and its same-origin editor iframes) ---
  const watched = new WeakSet<Document>();
  function watch(doc: Document): void {
    if (watched.has(doc)) return;
    watched.add(doc);
    const opts = { capture: true, signal } as AddEventListenerOptions;
    doc.addEventListener('focusin', (e) => {
      const el = boxOf(e.composedPath()[0] ?? e.target);
      if (!el) return;
      active = attach(el);
      schedule(active, 0);
    }, opts);
    doc.addEventListener('input', (e) => {
      const el = boxOf(e.composedPath()[0] ?? e.target);
      if (!el) return;
      const b = attach(el);
      active = b;
      schedule(b);
    }, opts);
    doc.addEventListener('keydown', onKeydown, opts);
    doc.addEventListener('click', onClick, opts);
    doc.addEventListener('mousemove', (e) => onHover(e, doc), { passive: true, signal });
    doc.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
    // Started while the user is already typing (e.g. added on a tab already open): the focused
    // element, looked for through open shadow roots.
    let focused: Element | null = doc.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    const el = boxOf(focused);
    if (el) {
      active = attach(el);
      schedule(active, 0);
    }
  }

  function watchFrame(f: HTMLIFrameElement): void {
    const tryDoc = () => {
      try {
        const d = f.contentDocument;
        if (d && d.documentElement) watch(d);
      } catch {
        // cross-origin frame: its own content script instance handles it
      }
    };
    tryDoc();
    f.addEventListener('load', tryDoc, { signal });
  }

  let raf = 0;
  function reposition(): void {
    if (raf) return;
    raf = requestAnimationFrame(() => {
      raf = 0;
      for (const b of boxes.values()) b.overlay.reposition();
    });
  }

  let hoverRaf = 0;
  function onHover(e: MouseEvent, doc: Document): void {
    if (hoverRaf) return;
    hoverRaf = requestAnimationFrame(() => {
      hoverRaf = 0;
      const off = frameOffset(doc);
      const x = e.clientX + off.x;
      const y = e.clientY + off.y;
      for (const b of boxes.values()) {
        const hits = b.overlay.at(x, y);
        if (hits.length) return b.overlay.openCard(hits, false, { x, y });
      }
    });
  }

  // --- the pause before publishing ---
  /** What the pause holds for: errors, or errors and warnings (options page); nothing when off. */
  function errorsOf(b: Box | null): Finding[] {
    if (!b || cfg.pauseMode === 'off') return [];
    return visible(b, b.findings).filter((f) => f.severity === 'error' || (cfg.pauseMode === 'warnings' && f.severity === 'warning'));
  }

  async function decide(b: Box, replay: () => void): Promise<void> {
    // Make sure the findings belong to the text about to be published.
    clearTimeout(b.timer);
    b.timer = undefined;
    if (b.inflight) await b.inflight;
    await check(b);
    const errors = errorsOf(b);
    if (!errors.length) return replay();
    const choice = await showPause(errors);
    if (choice === 'publish') {
      // Documented in the private journal (the text only if the user keeps texts).
      journal({ kind: 'published-despite-findings', categories: [...new Set(errors.map((f) => f.category))], ruleIds: [...new Set(errors.map((f) => f.ruleId))], text: b.checkedText ?? undefined });
      return replay();
    }
    // Edit: back to the first finding, draft untouched.
    b.el.focus();
    const first = errors[0]!;
    if (isTextField(b.el)) b.el.setSelectionRange(first.start, first.start);
    else if (b.map) {
      const r = rangeFor(b.map, first.start, first.start, b.el.ownerDocument);
      const sel = b.el.ownerDocument.getSelection();
      if (r && sel) {
        sel.removeAllRanges();
        sel.addRange(r);
      }
    }
  }

  const needsHold = (b: Box | null) => !!b && enabled() && cfg.pauseMode !== 'off' && b.el.isConnected && (b.checkedText !== readBox(b.el).text || errorsOf(b).length > 0);

  function onClick(e: MouseEvent): void {
    if (bypass || !site.publish.length) return;
    // composedPath: a publish button inside an open shadow root is retargeted to its host.
    const selector = site.publish.join(',');
    const button = (e.composedPath().find((n) => (n as Element).nodeType === 1 && (n as Element).matches(selector)) ?? null) as HTMLElement | null;
    if (!button) return;
    const b = active && active.el.isConnected ? active : null;
    if (!needsHold(b)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    void decide(b!, () => {
      bypass = true;
      try {
        button.click();
      } finally {
        bypass = false;
      }
    });
  }

  function onKeydown(e: KeyboardEvent): void {
    if (e.isComposing) return;
    const el = boxOf(e.composedPath()[0] ?? e.target);
    const b = el ? boxes.get(el) ?? null : null;
    // Alt+Shift+B: open the findings card from the keyboard.
    if (b && e.altKey && e.shiftKey && (e.key === 'B' || e.key === 'b')) {
      e.preventDefault();
      b.overlay.openCard(visible(b, b.findings), true);
      return;
    }
    if (bypass || !site.modEnterPublishes || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || !b) return;
    if (!needsHold(b)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const target = e.target as HTMLElement;
    const init: KeyboardEventInit = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
    void decide(b, () => {
      bypass = true;
      try {
        b.el.focus();
        target.dispatchEvent(new KeyboardEvent('keydown', init));
      } finally {
        bypass = false;
      }
    });
  }

  // --- the toolbar popup asks what Balise sees here, and to go to a finding ---
  function status(): TabStatus {
    const b = active && active.el.isConnected ? active : null;
    const account = currentAccount();
    const text = b?.checkedText ?? '';
    return {
      site: site.id,
      enabled: enabled(),
      editorFound: !!b || !!document.querySelector(editorSelector) || [...document.querySelectorAll('iframe')].some((f) => {
        try {
          return !!f.contentDocument?.querySelector(editorSelector);
        } catch {
          return false;
        }
      }),
      watching: !!b,
      draftId: b ? `${b.key}#${b.draft}` : null,
      draftEmpty: text.trim() === '',
      account: account.detected && account.key ? { key: account.key, label: account.detected.label, kind: account.detected.kind, type: account.type } : null,
      engine: client.engine,
      findings: b ? visible(b, b.findings).map((f) => ({ ruleId: f.ruleId, category: f.category, severity: f.severity, message: f.message, source: f.source, advice: f.advice ?? '', words: text.slice(f.start, f.end) })) : [],
    };
  }
  function focusFinding(index: number): boolean {
    const b = active && active.el.isConnected ? active : null;
    const f = b ? visible(b, b.findings)[index] : undefined;
    if (!b || !f) return false;
    b.el.focus();
    if (isTextField(b.el)) {
      b.el.setSelectionRange(f.start, f.end);
      return true;
    }
    const r = b.map && rangeFor(b.map, f.start, f.end, b.el.ownerDocument);
    const sel = b.el.ownerDocument.getSelection();
    if (!r || !sel) return false;
    sel.removeAllRanges();
    sel.addRange(r);
    (r.startContainer.parentElement ?? b.el).scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }
  const onMessage = (msg: any): Promise<unknown> | undefined => {
    if (msg?.type === STATUS_MESSAGE) return settingsRead.then(() => status());
    if (msg?.type === FOCUS_MESSAGE && typeof msg.index === 'number') return Promise.resolve(focusFinding(msg.index));
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  watch(document);

  // Friend / connection / follow requests (Facebook, LinkedIn, X): a reminder beside each new one.
  const reqAdapter = requestAdapterFor(location.hostname);
  const requests = reqAdapter
    ? watchRequests({
        adapter: reqAdapter,
        signal,
        account: () => {
          const a = currentAccount();
          return { label: a.detected?.label ?? null, type: a.type };
        },
        watchList: () => (cfg.watchList.hashes.length ? cfg.watchList : undefined),
        journal: (e) => journal({ ...e, categories: ['dual-relationship'], ruleIds: [] }),
      })
    : null;
  let requestScan = 0;
  const scanRequests = () => {
    if (!requests || requestScan || !enabled()) return;
    requestScan = window.setTimeout(() => {
      requestScan = 0;
      requests.scan();
    }, 200);
  };
  void settingsRead.then(() => {
    scanRequests();
    if (enabled()) client.prewarm();
  });
  for (const f of Array.from(document.querySelectorAll('iframe'))) watchFrame(f);
  // One narrowly filtered observer: new iframes (editor canvases) and removed compose boxes.
  // Typing changes the editors' own DOM all the time: those mutations are the per-box observers'
  // business (re-check); here they would only re-scan the page on every keystroke.
  const insideBox = (n: Node) => {
    for (const b of boxes.values()) if (b.el.contains(n)) return true;
    return false;
  };
  const mo = new MutationObserver((records) => {
    let removed = false;
    for (const r of records) {
      if (insideBox(r.target)) continue;
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType !== 1) continue;
        if ((n as Element).tagName === 'IFRAME') watchFrame(n as HTMLIFrameElement);
        else if ((n as Element).firstElementChild) for (const f of Array.from((n as Element).querySelectorAll('iframe'))) watchFrame(f);
        scanRequests();
      }
      if (r.removedNodes.length) removed = true;
    }
    if (removed) {
      for (const b of boxes.values()) if (!b.el.isConnected) detach(b);
      scanRequests();
    }
  });
  mo.observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('resize', reposition, { signal });
  signal.addEventListener('abort', () => {
    mo.disconnect();
    for (const b of boxes.values()) detach(b);
  });
}
