/** Small pieces the extension pages (options, popup) share. */
import { browser } from 'wxt/browser';
import { originsFor, SELF_HOSTED_KEY, storedDomains } from '../sites/self-hosted';
import type { Settings } from '../settings/schema';
import { t } from './i18n';

/** Options sections: write a change (and say so), report a result in the page's status line. */
export type Save = (change: (s: Settings) => Partial<Settings> | Promise<Partial<Settings>>, done?: string) => Promise<void>;
export type Say = (kind: 'ok' | 'error', text: string) => void;

const SITE_NAMES: Record<string, string> = {
  facebook: 'Facebook', x: 'X', linkedin: 'LinkedIn', wordpress: 'WordPress.com', medium: 'Medium', substack: 'Substack', ghost: 'Ghost', blogger: 'Blogger',
};

/** A site adapter id as the user knows it ('options': a change made in the options page). */
export function siteName(id: string): string {
  return SITE_NAMES[id] ?? (id === 'options' ? t('popupOptions') : t('siteSelfHosted'));
}

/** Saves `body` as a file the user downloads. */
export function download(name: string, type: string, body: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([body], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * Asks the browser for one blog's host permission (call it first thing in a click: the prompt only
 * shows during a user gesture) and, if granted, adds the blog to the stored list; the background
 * then registers the content script there and starts it in open tabs. Throws what the browser throws.
 */
export async function allowAndAdd(host: string): Promise<'added' | 'refused'> {
  if (!(await browser.permissions.request({ origins: originsFor(host) }))) return 'refused';
  const current = storedDomains((await browser.storage.local.get(SELF_HOSTED_KEY))[SELF_HOSTED_KEY]);
  if (!current.includes(host)) await browser.storage.local.set({ [SELF_HOSTED_KEY]: [...current, host] });
  return 'added';
}
