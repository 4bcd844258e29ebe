import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { rulesPlugin } from './bin/rules-vite-plugin.mjs';
import { SITE_MATCHES } from './src/sites/matches';

// Extension pages (popup, options, offscreen document, Firefox background page) and the rule
// worker they start: only the package's own files. No 'unsafe-eval' or 'unsafe-inline', no remote
// origin. The pages load their scripts and CSS from files; Preact sets style properties through
// the CSSOM (not governed by style-src); the rule worker is /rule-worker.js ('self' via
// script-src); fetch() only reads the package's own locale files (connect-src 'self'); exports
// are downloaded from blob: links, which CSP does not govern. Content scripts run under the
// page's policy, not this one. tests/unit/packaging.test.ts checks the built manifests.
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
].join('; ');

// Layout: entrypoints/, public/, locales/ at the top level (srcDir left at the root);
// engine and UI code live in src/ and are imported explicitly.
export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact(), rulesPlugin()] }),
  // `npm run zip` also writes the sources archive Mozilla's review asks for: the repository's own
  // files, without what builds and test runs leave behind (all git-ignored).
  zip: { excludeSources: ['dist/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/.build/**', 'src/engine/generated/**'] },
  manifest: ({ browser }) => ({
    // The toolbar button's icon, explicit for both (WXT writes the popup into `browser_action` on MV2
    // without carrying `action` over, so Firefox gets its own key).
    [browser === 'firefox' ? 'browser_action' : 'action']: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
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
    // MV3 form; WXT turns it into the MV2 string for Firefox.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions: Firefox's own consent record; Balise collects and
            // transmits nothing (PRIVACY.md), so it declares "none". The key exists from Firefox
            // 140 (the ESR of 2025; 142 on Android), hence the minimum versions.
            gecko: { id: 'balise@balise.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
