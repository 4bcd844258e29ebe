// UI strings from locales/*.yml (built into _locales/<lang>/messages.json). The browser's language
// by default; the options page can choose French or English instead, whatever the browser says:
// then the chosen language's messages are loaded once (`useLanguage`) and used from then on.
import { browser } from 'wxt/browser';

export type UiLang = 'fr' | 'en';
let chosen: { lang: UiLang; messages: Record<string, string> } | null = null;

function substitute(message: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return message.replace(/\$(\d)/g, (m, n) => list[Number(n) - 1] ?? m).replace(/\$\$/g, '$');
}

export function t(key: string, subs?: string | string[]): string {
  if (chosen && key in chosen.messages) return substitute(chosen.messages[key]!, subs);
  try {
    return browser.i18n.getMessage(key as any, subs as any) || key;
  } catch {
    return key;
  }
}

/** The browser's UI language, as Balise speaks it (French unless English). */
export function browserLang(): UiLang {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/** The language the UI currently speaks. */
export function uiLang(): UiLang {
  return chosen?.lang ?? browserLang();
}

/**
 * Speak `lang` ('auto': the browser's). `load` fetches a locale's messages.json (extension pages
 * fetch it directly; content scripts ask the background). On failure the browser's language stays.
 */
export async function useLanguage(lang: 'auto' | UiLang, load: (lang: UiLang) => Promise<Record<string, { message: string }>>): Promise<void> {
  if (lang === 'auto' || lang === browserLang()) {
    chosen = null;
    return;
  }
  try {
    const raw = await load(lang);
    chosen = { lang, messages: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.message])) };
  } catch {
    chosen = null;
  }
}

/** For extension pages: read a locale from the extension's own files. */
export const fetchLocale = async (lang: UiLang): Promise<Record<string, { message: string }>> =>
  (await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as any))).json();
