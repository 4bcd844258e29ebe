// Built as /rule-worker.js and started as a Worker by the engine host (src/worker/host.ts).
import { MODEL_PATH, serve } from '../src/worker/rule-worker';

export default defineUnlistedScript(() => {
  serve(self as unknown as Parameters<typeof serve>[0], new URL(MODEL_PATH, self.location.href).href);
});
