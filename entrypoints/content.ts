// Thin entrypoint: the content script lives in src/content/. Sites: src/sites/index.ts.
import { startContent } from '../src/content/main';

export default defineContentScript({
  matches: [
    'https://*.facebook.com/*',
    'https://x.com/*',
    'https://*.x.com/*',
    'https://twitter.com/*',
    'https://*.twitter.com/*',
    'https://*.linkedin.com/*',
    'https://*.wordpress.com/*',
    'https://medium.com/*',
    'https://*.medium.com/*',
    'https://*.substack.com/*',
    'https://*.ghost.io/*',
    'https://www.blogger.com/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    const ac = new AbortController();
    ctx.onInvalidated(() => ac.abort());
    startContent({ signal: ac.signal });
  },
});
