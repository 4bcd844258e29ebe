// Thin entrypoint: the content script lives in src/content/. Sites: src/sites/index.ts.
import { startContent } from '../src/content/main';
import { SITE_MATCHES } from '../src/sites/matches';

export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const ac = new AbortController();
    ctx.onInvalidated(() => ac.abort());
    startContent({ signal: ac.signal });
  },
});
