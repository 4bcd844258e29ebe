/**
 * The engine host: owns the rule Worker and answers content scripts' ports. Runs in the
 * offscreen document in Chrome (a service worker cannot start a Worker) and in the background
 * page in Firefox. If the Worker dies it is restarted and pending checks are re-sent.
 */
import { browser, type Browser } from 'wxt/browser';
import { PORT_NAME, type CheckRequest, type CheckResult, type WorkerReply, type WorkerRequest } from './protocol';

export function startEngineHost(workerUrl = browser.runtime.getURL('/rule-worker.js')): void {
  let seq = 0;
  let portSeq = 0;
  const pending = new Map<number, { port: Browser.runtime.Port; req: CheckRequest; msg: WorkerRequest }>();
  let worker: Worker;

  const start = () => {
    worker = new Worker(workerUrl);
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = pending.get(e.data.seq);
      if (!p) return;
      pending.delete(e.data.seq);
      const out: CheckResult = { type: 'result', id: p.req.id, box: p.req.box, stale: e.data.stale, findings: e.data.findings, error: e.data.error, engine: e.data.engine };
      try {
        p.port.postMessage(out);
      } catch {
        // The tab went away; nothing to deliver.
      }
    };
    worker.onerror = () => {
      // Restart and re-send what was in flight: the user's checks carry on.
      worker.terminate();
      start();
      for (const p of pending.values()) worker.postMessage(p.msg);
    };
  };
  start();

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_NAME) return;
    const portId = ++portSeq;
    port.onMessage.addListener((raw) => {
      const req = raw as CheckRequest;
      if (!req || req.type !== 'check' || typeof req.text !== 'string') return;
      const msg: WorkerRequest = { seq: ++seq, key: `${portId}:${req.box}`, text: req.text, context: req.context ?? {} };
      pending.set(msg.seq, { port, req, msg });
      worker.postMessage(msg);
    });
    port.onDisconnect.addListener(() => {
      for (const [k, p] of pending) if (p.port === port) pending.delete(k);
    });
  });
}
