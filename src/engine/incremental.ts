/**
 * Incremental checking for the editor: a draft is re-checked on every pause in typing, but
 * usually only one paragraph changed. Local rules (see `isLocalRule`) run per line and their
 * findings are cached by the line's text; only lines not seen before are analysed. Global rules
 * (post scope, `unless_post`) run on the whole text each time — they are few and cheap. The
 * learned layer and the combiner then read the whole post (see Engine.finish).
 */
import type { Engine } from './index';
import { languageScore } from './language';
import { foldText, normalize, toOriginal } from './normalize';
import { splitSentences } from './sentences';
import type { AnalyzeContext, Finding, Lang } from './types';
import type { WindowCache } from './learned/model';

export interface IncrementalStats {
  /** Lines analysed in the last check (cache misses). */
  analysed: number;
  /** Lines served from the cache in the last check. */
  reused: number;
}

export interface IncrementalChecker {
  check(text: string, context?: AnalyzeContext): Promise<Finding[]>;
  readonly stats: IncrementalStats;
  clear(): void;
}

/** Lines longer than this are cached sentence by sentence (a long paragraph is re-analysed in part). */
const CHUNK_LINE = 240;

const pieceCache = new Map<string, [number, number][]>();

/** [start, end) pieces of a line, cut where the engine itself ends sentences (cached by line). */
function pieces(line: string): [number, number][] {
  if (line.length <= CHUNK_LINE) return [[0, line.length]];
  const hit = pieceCache.get(line);
  if (hit) return hit;
  const out = cut(line);
  if (pieceCache.size > 2000) pieceCache.clear();
  pieceCache.set(line, out);
  return out;
}

function cut(line: string): [number, number][] {
  const norm = normalize(line);
  const out: [number, number][] = [];
  let from = 0;
  for (const s of splitSentences(norm)) {
    const [, end] = toOriginal(norm, s.start, s.end);
    if (end - from >= 80 || end >= line.length) {
      out.push([from, end]);
      from = end;
    }
  }
  if (from < line.length) out.push([from, line.length]);
  return out;
}

export function createIncrementalChecker(engine: Engine, maxEntries = 4000): IncrementalChecker {
  // Map keeps insertion order: re-inserting on use makes it an LRU.
  const cache = new Map<string, Finding[]>();
  const windows: WindowCache = new Map();
  const stats: IncrementalStats = { analysed: 0, reused: 0 };

  async function check(text: string, context: AnalyzeContext = {}): Promise<Finding[]> {
    stats.analysed = 0;
    stats.reused = 0;
    if (typeof text !== 'string' || !text) return [];
    const score = languageScore(foldText(text));
    const postLang: Lang = score > 0 ? 'fr' : score < 0 ? 'en' : (context.uiLanguage ?? 'fr');
    const lineCtx: AnalyzeContext = { ...context, uiLanguage: postLang };
    const ctxKey = JSON.stringify([context.account ?? 'unknown', context.platform ?? '', postLang, context.messageLanguage ?? '', context.watchList?.salt ?? '', context.watchList?.hashes.length ?? 0]);
    const out: Finding[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      if (line.trim()) {
        for (const [a, b] of pieces(line)) {
          const piece = line.slice(a, b);
          if (!piece.trim()) continue;
          const key = ctxKey + '\u0000' + piece;
          let found = cache.get(key);
          if (found) {
            cache.delete(key);
            stats.reused++;
          } else {
            found = await engine.analyze(piece, lineCtx, 'local');
            stats.analysed++;
          }
          cache.set(key, found);
          for (const f of found) out.push({ ...f, start: f.start + offset + a, end: f.end + offset + a });
        }
      }
      offset += line.length + 1;
    }
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    // Global rules, then the combiner over the whole post's rule findings, as a full check would.
    return engine.finish(text, context, out, windows);
  }

  return {
    check,
    stats,
    clear: () => {
      cache.clear();
      windows.clear();
    },
  };
}
