// Chrome: the offscreen document (reason WORKERS) that hosts the rule worker.
import { startEngineHost } from '../../src/worker/host';

startEngineHost();
