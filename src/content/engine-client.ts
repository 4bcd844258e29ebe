/**
 * The content script's side of the rule worker: a Port to the engine host, reconnected when the
 * host goes away (service-worker shutdown, extension update). Results for stale text are dropped.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ModelStatus } from '../engine/index';
import type { AnalyzeContext, Finding } from '../engine/types';
import { ENSURE_ENGINE, PORT_NAME, type CheckRequest, type CheckResult } from '../worker/protocol';

export class EngineClient {
  private port: Browser.runtime.Port | null = null;
  private connecting: Promise<Browser.runtime.Port> | null = null;
  private id = 0;
  private latest = new Map<string, number>();
  private waiting = new Map<number, { req: CheckRequest; resolve: (f: Finding[] | null) => void }>();
  /**
   * Whether the learned layer is at work, as the latest check result said (null before the
   * first one): the popup warns when the rules run alone.
   */
  engine: ModelStatus | null = null;

  private async connect(): Promise<Browser.runtime.Port> {
    if (this.port) return this.port;
    this.connecting ??= (async () => {
      const ok = (await browser.runtime.sendMessage({ type: ENSURE_ENGINE })) as { ok: boolean; error?: string } | undefined;
      if (!ok?.ok) throw new Error(ok?.error ?? 'engine unavailable');
      const port = browser.runtime.connect({ name: PORT_NAME });
      port.onMessage.addListener((m) => this.onResult(m as CheckResult));
      port.onDisconnect.addListener(() => {
        this.port = null;
        // Re-send what was in flight once the host is back.
        const again = [...this.waiting.values()];
        if (again.length) void this.connect().then((p) => again.forEach((w) => p.postMessage(w.req)), () => again.forEach((w) => w.resolve(null)));
      });
      this.port = port;
      return port;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private onResult(r: CheckResult): void {
    // Every answer that carries the engine's status updates it, stale or not: it is about the
    // engine, not about this draft.
    if (r?.engine && typeof r.engine === 'object') this.engine = r.engine;
    const w = this.waiting.get(r.id);
    if (!w) return;
    this.waiting.delete(r.id);
    if (r.stale || r.error || this.latest.get(r.box) !== r.id) w.resolve(null);
    else w.resolve(r.findings ?? []);
  }

  /**
   * Starts the engine host and its worker now (offscreen document, rules, NLP warm-up), so that
   * the first warnings do not wait for a cold start once the user begins to type.
   */
  prewarm(): void {
    void this.connect().catch(() => undefined);
  }

  /** Findings for `text`, or null when a newer check for the same box superseded this one. */
  async check(box: string, text: string, context: AnalyzeContext): Promise<Finding[] | null> {
    const req: CheckRequest = { type: 'check', id: ++this.id, box, text, context };
    this.latest.set(box, req.id);
    // A superseded request still waiting for its answer is settled now: nobody will show it.
    for (const [id, w] of this.waiting) if (w.req.box === box && id !== req.id) {
      this.waiting.delete(id);
      w.resolve(null);
    }
    return new Promise((resolve) => {
      this.waiting.set(req.id, { req, resolve });
      this.connect().then(
        (p) => {
          try {
            p.postMessage(req);
          } catch {
            this.port = null;
            void this.connect().then((p2) => p2.postMessage(req), () => resolve(null));
          }
        },
        () => {
          this.waiting.delete(req.id);
          resolve(null);
        },
      );
    });
  }
}
