/** What the content script tells the toolbar popup about its tab (STATUS_MESSAGE). */
import type { ModelStatus } from '../engine/index';
import type { Category, Severity } from '../engine/types';

export interface TabStatus {
  /** Site adapter id ('self-hosted' for a blog the user added). */
  site: string;
  /** Balise on for this site (options / popup switch). */
  enabled: boolean;
  /** A compose box exists on the page (focused or not). */
  editorFound: boolean;
  /** A compose box has been focused and is being checked. */
  watching: boolean;
  /** Identifies the current draft: the popup's checklist ticks belong to it. */
  draftId: string | null;
  draftEmpty: boolean;
  account: { key: string; label: string; kind: 'profile' | 'page' | 'blog'; type: 'personal' | 'professional' | 'unknown' } | null;
  /**
   * The engine's layers, as the latest check result in this tab said (null before the first
   * check): 'rules-only' with reason 'missing' or 'damaged' makes the popup show a notice.
   */
  engine: ModelStatus | null;
  findings: { ruleId: string; category: Category; severity: Severity; message: string; source: string; advice: string; words: string }[];
}
