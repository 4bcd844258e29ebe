/**
 * When the popup warns that the rules run alone: the learned model file is missing or damaged.
 * Not while it is still loading, nor when it was switched off on purpose, nor before the tab has
 * had a check result (status null). Pure, so that it is tested without a DOM.
 */
import type { ModelStatus } from '../../engine/index';

/** Longest detail shown: the notice stays a few lines (the popup stays short). */
export const MAX_DETAIL = 160;

/** The detail to show in the notice, or null when there is nothing to warn about. */
export function rulesOnlyDetail(engine: ModelStatus | null | undefined): string | null {
  if (!engine || engine.layer !== 'rules-only') return null;
  if (engine.reason !== 'missing' && engine.reason !== 'damaged') return null;
  const detail = String(engine.detail ?? '').replace(/\s+/g, ' ').trim() || engine.reason;
  return detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail;
}
