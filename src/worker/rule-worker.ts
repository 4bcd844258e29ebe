/**
 * The rule worker: the engine (rules bundle + lazily loaded NLP) off every page's main thread.
 * One incremental checker per compose box; a request superseded by a newer one for the same
 * box before it finishes is answered `stale` and its findings are never shown.
 */
import { engine } from '../engine/default';
import { createIncrementalChecker, type IncrementalChecker } from '../engine/incremental';
import type { ModelStatus } from '../engine/index';
import type { WorkerReply, WorkerRequest } from './protocol';

const MAX_BOXES = 50;
const checkers = new Map<string, IncrementalChecker>();
const latest = new Map<string, number>();

function checkerFor(key: string): IncrementalChecker {
  let c = checkers.get(key);
  if (!c) {
    c = createIncrementalChecker(engine);
    checkers.set(key, c);
    if (checkers.size > MAX_BOXES) {
      const oldest = checkers.keys().next().value!;
      checkers.delete(oldest);
      latest.delete(oldest);
    }
  }
  return c;
}

export async function handle(req: WorkerRequest): Promise<WorkerReply> {
  latest.set(req.key, req.seq);
  // Let any newer request already queued for this box supersede this one before work starts.
  await Promise.resolve();
  if (latest.get(req.key) !== req.seq) return { seq: req.seq, key: req.key, stale: true };
  try {
    const findings = await checkerFor(req.key).check(String(req.text ?? ''), req.context ?? {});
    if (latest.get(req.key) !== req.seq) return { seq: req.seq, key: req.key, stale: true };
    return { seq: req.seq, key: req.key, findings, engine: engine.modelStatus };
  } catch (e) {
    return { seq: req.seq, key: req.key, error: String((e as Error)?.message ?? e) };
  }
}

/** Wires `handle` to a worker scope (or anything with onmessage/postMessage). */
/**
 * Warm-up as soon as the worker starts, before anyone types: the first person-name check loads the
 * NLP (compromise, fr-compromise: a few hundred milliseconds), which would otherwise land in the
 * middle of the user's typing as a one-off delay of the warnings.
 */
export const WARM_UP = [
  'Rencontré Julie Tremblay ce matin au CLSC, elle a été placée en famille d’accueil hier.',
  'I met Tom Baker this morning, he was placed in a group home last week.',
];
export async function warmUp(): Promise<void> {
  for (const text of WARM_UP) await engine.analyze(text, { account: 'professional', platform: 'blog' });
}

/** Where the model file sits in the extension (public/model/ at build time). */
export const MODEL_PATH = '/model/balise-model.bin';

/**
 * Loads the learned layer from the extension's own files (never the network). A missing or
 * damaged file leaves the rules at work; the status goes with every reply, so the popup says so.
 */
export async function loadModel(url: string): Promise<ModelStatus> {
  let bytes: Uint8Array;
  try {
    const r = await fetch(url);
    if (!r.ok) return engine.useModel(null, `${MODEL_PATH}: HTTP ${r.status}`);
    bytes = new Uint8Array(await r.arrayBuffer());
  } catch (e) {
    return engine.useModel(null, `${MODEL_PATH}: ${String((e as Error)?.message ?? e)}`);
  }
  return engine.useModel(bytes);
}

export function serve(scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void }, modelUrl?: string): void {
  // Requests queue behind the model and the warm-up (a worker runs one task at a time) and are answered after them.
  const warm = (modelUrl ? loadModel(modelUrl) : Promise.resolve())
    .catch(() => undefined)
    .then(warmUp)
    .catch(() => undefined);
  scope.onmessage = (e: MessageEvent) => {
    void warm.then(() => handle(e.data as WorkerRequest)).then((r) => scope.postMessage(r));
  };
}
