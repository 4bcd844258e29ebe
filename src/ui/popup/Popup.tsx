/**
 * The toolbar popup, for the current tab: whether Balise is watching a compose box here (and if
 * not, why), the account it believes the post goes out as (with a one-click classification), the
 * live findings of the focused draft (a click goes to the words), the Order's eight questions as a
 * checklist for this draft, Balise on/off for this site, and the options page.
 * `?tab=<id>` targets a given tab (the page opened outside the toolbar, e.g. in tests).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { TabStatus } from '../../content/status';
import { loadSettings, updateSettings, watchSettings, type LoadedSettings } from '../../settings/store';
import type { SiteId } from '../../settings/schema';
import { parseDomain } from '../../sites/self-hosted';
import { FOCUS_MESSAGE, STATUS_MESSAGE } from '../../worker/protocol';
import { t, uiLang } from '../i18n';
import { SELF_AUDIT_LAST_KEY, selfAuditDue } from '../../settings/self-audit';
import { SelfAuditLinks } from '../options/SelfAuditSection';
import { allowAndAdd } from '../shared';
import { rulesOnlyDetail } from './engine-notice';

const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'];
const REFRESH_MS = 1000;
const params = new URLSearchParams(location.search);
const embedded = params.has('tab');

async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const id = Number(params.get('tab'));
  if (embedded && Number.isInteger(id)) return browser.tabs.get(id).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

type Probe = { kind: 'loading' } | { kind: 'none'; web: boolean; host: string } | { kind: 'ok'; status: TabStatus };

async function probe(tab: Browser.tabs.Tab | undefined): Promise<Probe> {
  const url = tab?.url ?? '';
  const web = /^https?:/.test(url);
  const host = web ? new URL(url).hostname : '';
  if (!tab?.id) return { kind: 'none', web, host };
  try {
    const status = (await browser.tabs.sendMessage(tab.id, { type: STATUS_MESSAGE })) as TabStatus | undefined;
    return status ? { kind: 'ok', status } : { kind: 'none', web, host };
  } catch {
    return { kind: 'none', web, host }; // no content script here
  }
}

/** Checklist ticks belong to one draft: kept for the session, reset when the draft changes. */
const checklistKey = (tabId: number) => `checklist:${tabId}`;
const session = (browser.storage as any).session as typeof browser.storage.local | undefined;

export function Popup() {
  const [tab, setTab] = useState<Browser.tabs.Tab | undefined>();
  const [state, setState] = useState<Probe>({ kind: 'loading' });
  const [cfg, setCfg] = useState<LoadedSettings | null>(null);
  const [ticks, setTicks] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [auditLast, setAuditLast] = useState<unknown>(undefined);
  /** Bumped by every change made here: a status read that started before it is out of date. */
  const edits = useRef(0);
  useEffect(() => {
    void browser.storage.local.get(SELF_AUDIT_LAST_KEY).then((s: any) => setAuditLast(s[SELF_AUDIT_LAST_KEY] ?? null));
  }, []);

  useEffect(() => {
    document.documentElement.lang = uiLang();
    document.title = t('extName');
  }, []);

  useEffect(() => {
    let alive = true;
    let timer = 0;
    void loadSettings().then(setCfg, () => undefined);
    const unwatch = watchSettings(setCfg);
    void targetTab().then((tb) => {
      if (!alive) return;
      setTab(tb);
      const tick = async () => {
        const before = edits.current;
        const p = await probe(tb);
        if (!alive) return;
        if (before === edits.current) setState(p);
        timer = window.setTimeout(tick, REFRESH_MS);
      };
      void tick();
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      unwatch();
    };
  }, []);

  const status = state.kind === 'ok' ? state.status : null;
  const draftId = status?.draftId ?? null;

  // Ticks for this draft (a new draft starts unticked).
  useEffect(() => {
    if (!tab?.id || !session) return;
    void session.get(checklistKey(tab.id)).then((s: any) => {
      const saved = s[checklistKey(tab.id!)];
      setTicks(saved && saved.draftId === draftId ? saved.ticks : []);
    });
  }, [tab?.id, draftId]);

  function toggle(q: string) {
    const next = ticks.includes(q) ? ticks.filter((x) => x !== q) : [...ticks, q];
    setTicks(next);
    if (tab?.id && session) void session.set({ [checklistKey(tab.id)]: { draftId, ticks: next } });
  }

  async function classify(type: 'personal' | 'professional' | 'unknown') {
    const key = status?.account?.key;
    if (!key || !status?.account) return;
    // Shown at once; the page re-checks the draft when the settings change.
    edits.current++;
    setState({ kind: 'ok', status: { ...status, account: { ...status.account, type } } });
    await updateSettings((s) => {
      const accounts = { ...s.accounts };
      if (type === 'unknown') delete accounts[key];
      else accounts[key] = type;
      return { accounts };
    });
    edits.current++; // status reads that started while saving are out of date too
  }

  async function setSite(on: boolean) {
    const site = status?.site as SiteId | undefined;
    if (!site || !status) return;
    edits.current++;
    setState({ kind: 'ok', status: { ...status, enabled: on } });
    await updateSettings((s) => ({ sites: { ...s.sites, [site]: on } }));
    edits.current++;
  }

  async function allowHere(host: string) {
    const parsed = parseDomain(host);
    if (!parsed.ok) return;
    try {
      const r = await allowAndAdd(parsed.host);
      setNote(t(r === 'added' ? 'selfHostedAdded' : 'selfHostedRefused', parsed.host));
    } catch (e: any) {
      setNote(t('selfHostedFailed', String(e?.message ?? e)));
    }
  }

  async function goTo(index: number) {
    if (!tab?.id) return;
    await browser.tabs.sendMessage(tab.id, { type: FOCUS_MESSAGE, index }).catch(() => false);
    if (!embedded) window.close();
  }

  const locked = (k: 'accounts' | 'sites') => cfg?.locked.has(k) ?? false;
  const rulesOnly = rulesOnlyDetail(status?.engine);

  return (
    <main>
      <h1>{t('extName')}</h1>
      <StatusLine state={state} onAllow={allowHere} />
      {rulesOnly !== null ? (
        <p class="notice" role="alert">{t('popupRulesOnly', rulesOnly)}</p>
      ) : null}
      {note ? <p role="status">{note}</p> : null}

      {status?.enabled && status.account ? (
        <section aria-labelledby="account-title">
          <h2 id="account-title">{t('popupAccountTitle')}</h2>
          <p>
            <strong>{status.account.label}</strong> <span class="muted">({t(`accountKind_${status.account.kind}`)})</span>
          </p>
          <fieldset disabled={locked('accounts')}>
            <legend>{t('popupAccountQuestion')}</legend>
            <div class="choices">
              {(['personal', 'professional', 'unknown'] as const).map((v) => (
                <label key={v}>
                  <input type="radio" name="account-type" value={v} checked={status.account!.type === v} onChange={() => classify(v)} /> {t(`accountType_${v}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {locked('accounts') ? <p class="locked">{t('setByOrganisation')}</p> : null}
        </section>
      ) : null}

      {status?.enabled && status.watching ? (
        <section aria-labelledby="findings-title">
          <h2 id="findings-title">{t('popupFindingsTitle')}</h2>
          {status.findings.length ? (
            <ul class="findings">
              {status.findings.map((f, i) => (
                <li key={`${f.ruleId}${i}`}>
                  <button type="button" onClick={() => goTo(i)} data-rule={f.ruleId}>
                    <span class={`sev ${f.severity}`}>{t(f.severity === 'error' ? 'sevError' : f.severity === 'warning' ? 'sevWarning' : 'sevInfo')}</span>
                    <span class="words">« {f.words.length > 50 ? `${f.words.slice(0, 47)}…` : f.words} »</span>
                    <span class="msg">{f.message}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('popupNoFindings')}</p>
          )}
        </section>
      ) : null}

      {cfg && selfAuditDue(cfg.settings.selfAudit, auditLast) ? (
        <section aria-labelledby="audit-title" class="audit">
          <h2 id="audit-title">{t('auditDueTitle')}</h2>
          <p>{t('auditIntro')}</p>
          <SelfAuditLinks />
          <button type="button" onClick={async () => {
            const now = Date.now();
            await browser.storage.local.set({ [SELF_AUDIT_LAST_KEY]: now });
            setAuditLast(now);
          }}>{t('auditDone')}</button>
        </section>
      ) : null}

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('popupChecklistTitle')}</h2>
        <ul class="checklist">
          {QUESTIONS.map((q) => (
            <li key={q}>
              <label>
                <input type="checkbox" checked={ticks.includes(q)} onChange={() => toggle(q)} /> <span>{t(q)}</span>
              </label>
            </li>
          ))}
        </ul>
        <p class="muted">{t('popupChecklistSource')}</p>
      </section>

      <footer>
        {status ? (
          <label>
            <input type="checkbox" checked={status.enabled} disabled={locked('sites')} onChange={(e) => setSite((e.target as HTMLInputElement).checked)} /> {t('popupSiteSwitch')}
          </label>
        ) : (
          <span />
        )}
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>{t('popupOptions')}</button>
      </footer>
    </main>
  );
}

function StatusLine({ state, onAllow }: { state: Probe; onAllow: (host: string) => void }) {
  if (state.kind === 'loading') return <p class="status" role="status">{t('popupLoading')}</p>;
  if (state.kind === 'none') {
    const canAdd = state.web && parseDomain(state.host).ok;
    return (
      <div class="status off" role="status">
        <p>{state.web ? t('popupNotHere', state.host) : t('popupUnsupported')}</p>
        {canAdd ? (
          <button type="button" onClick={() => onAllow(state.host)}>{t('popupAllowHere', state.host)}</button>
        ) : null}
      </div>
    );
  }
  const s = state.status;
  const text = !s.enabled
    ? t('popupDisabledHere')
    : s.watching
      ? s.findings.length
        ? t('popupWatchingFindings', String(s.findings.length))
        : t('popupWatchingClean')
      : s.editorFound
        ? t('popupClickEditor')
        : t('popupNoEditor');
  return <p class={`status ${s.enabled ? 'ok' : 'off'}`} role="status">{text}</p>;
}
