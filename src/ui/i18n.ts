// UI strings for the content script, from locales/*.yml (browser language).
import { browser } from 'wxt/browser';

export function t(key: string, subs?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key as any, subs as any) || key;
  } catch {
    return key;
  }
}
