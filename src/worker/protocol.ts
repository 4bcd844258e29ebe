/** Messages between content scripts, the engine host (offscreen document / Firefox background) and the rule worker. */
import type { ModelStatus } from '../engine/index';
import type { AnalyzeContext, Finding } from '../engine/types';

export const PORT_NAME = 'balise-check';
export const ENSURE_ENGINE = 'balise-ensure-engine';
/** Content script → background: a locale's messages.json (when the user chose a UI language). */
export const LOCALE_MESSAGE = 'balise-locale';
/** Popup → content script: what Balise sees in this tab; and focus one finding. */
export const STATUS_MESSAGE = 'balise-status';
export const FOCUS_MESSAGE = 'balise-focus-finding';
/** Content script / options → background: write a journal entry. */
export const JOURNAL_ADD = 'balise-journal-add';

/** Content script → host (over a runtime Port). */
export interface CheckRequest {
  type: 'check';
  /** Request id, increasing per port; a result for an older id than the box's latest is stale. */
  id: number;
  /** Which compose box (per port): its incremental cache and stale-result tracking. */
  box: string;
  text: string;
  context: AnalyzeContext;
}

/** Host → content script. */
export interface CheckResult {
  type: 'result';
  id: number;
  box: string;
  /** True when a newer request for the same box superseded this one: nothing to show. */
  stale?: boolean;
  findings?: Finding[];
  error?: string;
  /** Whether the learned layer is at work (the popup warns when the rules run alone). */
  engine?: ModelStatus;
}

/** Host → worker: the same request, keyed by a host-wide box key. */
export interface WorkerRequest {
  seq: number;
  key: string;
  text: string;
  context: AnalyzeContext;
}
export interface WorkerReply {
  seq: number;
  key: string;
  stale?: boolean;
  findings?: Finding[];
  error?: string;
  engine?: ModelStatus;
}
