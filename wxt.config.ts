import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { rulesPlugin } from './bin/rules-vite-plugin.mjs';
import { SITE_MATCHES } from './src/sites/matches';

// Layout: entrypoints/, public/, locales/ at the top level (srcDir left at the root);
// engine and UI code live in src/ and are imported explicitly.
export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact(), rulesPlugin()] }),
  manifest: ({ browser }) => ({
    action: { default_title: '__MSG_extName__' },
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // offscreen: Chrome's home for the rule worker (a service worker cannot start a Worker).
    // scripting: registers the content script on self-hosted blogs the user adds, whose host
    // permission is asked for at that moment (optional; never <all_urls>).
    // activeTab: the toolbar popup may read the address of the tab it was opened on (to offer
    // "check my drafts on this blog" there), and only that tab, only then.
    // alarms: the opt-in self-audit reminder (checked twice a day).
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'activeTab', 'alarms'] : ['storage', 'scripting', 'activeTab', 'alarms', 'offscreen'],
    // The sites the content script runs on anyway: lets the background start it in open tabs on
    // install and update (no wider than the content script's own matches).
    host_permissions: SITE_MATCHES,
    // What an organisation may preset and lock (Chrome policy; Firefox reads the same keys from its
    // managed storage manifest). See public/managed-schema.json.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'balise@balise.example', strict_min_version: '115.0' } } }
      : {}),
  }),
});
