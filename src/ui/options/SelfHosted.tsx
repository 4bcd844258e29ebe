/**
 * "Blogs on your own domain": add a domain → the browser asks the user to allow Balise there (the
 * request happens in the click itself, as browsers require) → the domain is stored and the
 * background registers the content script there (and starts it in tabs already open). Remove
 * revokes the permission. A domain whose access was revoked from the browser's settings is shown
 * as such, with a button to allow it again.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originsFor, parseDomain, SELF_HOSTED_KEY, storedDomains, type DomainError } from '../../sites/self-hosted';
import { t } from '../i18n';
import { allowAndAdd } from '../shared';

interface Row {
  host: string;
  granted: boolean;
}
type Status = { kind: 'ok' | 'error'; text: string } | null;

const ERROR_KEYS: Record<DomainError, string> = {
  empty: 'domainErrorEmpty',
  invalid: 'domainErrorInvalid',
  covered: 'domainErrorCovered',
  duplicate: 'domainErrorDuplicate',
  tooMany: 'domainErrorTooMany',
};

async function load(): Promise<Row[]> {
  const stored = await browser.storage.local.get(SELF_HOSTED_KEY);
  const hosts = storedDomains(stored[SELF_HOSTED_KEY]);
  return Promise.all(hosts.map(async (host) => ({ host, granted: await browser.permissions.contains({ origins: [originsFor(host)[0]!] }) })));
}

export function SelfHostedSection() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [input, setInput] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    load().then(setRows, (e) => {
      setRows([]);
      setStatus({ kind: 'error', text: t('selfHostedLoadFailed', String(e?.message ?? e)) });
    });
  useEffect(() => {
    void refresh();
    const onPerm = () => void refresh();
    browser.permissions.onAdded.addListener(onPerm);
    browser.permissions.onRemoved.addListener(onPerm);
    return () => {
      browser.permissions.onAdded.removeListener(onPerm);
      browser.permissions.onRemoved.removeListener(onPerm);
    };
  }, []);

  const hosts = rows?.map((r) => r.host) ?? [];

  /** In the click itself (the prompt needs a user gesture): ask for the host, then add it. */
  async function grant(host: string): Promise<boolean> {
    try {
      const r = await allowAndAdd(host);
      setStatus(r === 'added' ? { kind: 'ok', text: t('selfHostedAdded', host) } : { kind: 'error', text: t('selfHostedRefused', host) });
      await refresh();
      return r === 'added';
    } catch (err: any) {
      setStatus({ kind: 'error', text: t('selfHostedFailed', String(err?.message ?? err)) });
      return false;
    }
  }

  async function onAdd(e: Event) {
    e.preventDefault();
    const parsed = parseDomain(input, hosts);
    if (!parsed.ok) {
      setStatus({ kind: 'error', text: t(ERROR_KEYS[parsed.error], parsed.host ?? input.trim()) });
      return;
    }
    setBusy(true);
    try {
      if (await grant(parsed.host)) setInput('');
    } finally {
      setBusy(false);
    }
  }

  async function onRemove(host: string) {
    try {
      const current = storedDomains((await browser.storage.local.get(SELF_HOSTED_KEY))[SELF_HOSTED_KEY]);
      await browser.storage.local.set({ [SELF_HOSTED_KEY]: current.filter((h) => h !== host) });
      await browser.permissions.remove({ origins: originsFor(host) }).catch(() => false);
      setStatus({ kind: 'ok', text: t('selfHostedRemoved', host) });
    } catch (err: any) {
      setStatus({ kind: 'error', text: t('selfHostedFailed', String(err?.message ?? err)) });
    }
    await refresh();
  }

  return (
    <section aria-labelledby="self-hosted-title">
      <h2 id="self-hosted-title">{t('selfHostedTitle')}</h2>
      <p>{t('selfHostedIntro')}</p>
      <form onSubmit={onAdd} class="row">
        <label for="self-hosted-domain">{t('selfHostedLabel')}</label>
        <input
          id="self-hosted-domain"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('selfHostedPlaceholder')}
          value={input}
          onInput={(e) => setInput((e.target as HTMLInputElement).value)}
          aria-invalid={status?.kind === 'error' ? 'true' : undefined}
          aria-describedby="self-hosted-status"
        />
        <button type="submit" disabled={busy}>{t('selfHostedAdd')}</button>
      </form>
      <p id="self-hosted-status" role="status" aria-live="polite" class={status ? `status ${status.kind}` : 'status'}>
        {status?.text ?? ''}
      </p>
      {rows === null ? null : rows.length === 0 ? (
        <p class="empty">{t('selfHostedEmptyList')}</p>
      ) : (
        <ul class="domains" aria-label={t('selfHostedTitle')}>
          {rows.map((r) => (
            <li key={r.host} data-host={r.host} data-granted={String(r.granted)}>
              <span class="host">{r.host}</span>
              <span class={r.granted ? 'state ok' : 'state off'}>{r.granted ? t('selfHostedActive') : t('selfHostedNoAccess')}</span>
              {r.granted ? null : (
                <button type="button" onClick={() => grant(r.host)}>{t('selfHostedAllow')}</button>
              )}
              <button type="button" onClick={() => onRemove(r.host)} aria-label={t('selfHostedRemoveLabel', r.host)}>
                {t('selfHostedRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
