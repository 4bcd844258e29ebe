/**
 * The private watch list: names the user must never publish (clients, workplaces, colleagues).
 * Only salted SHA-256 hashes of folded words and word pairs are ever stored or compared, so the
 * list cannot be read back in clear from the settings or an export.
 */
import { foldText, type Normalized } from './normalize';
import type { WatchList } from './types';

/** The rule id of a watch-list finding. */
export const WATCH_LIST_RULE = 'client-confidentiality/watch-list-name';

const enc = new TextEncoder();
const cache = new Map<string, string>();

/** Hex SHA-256 of salt + folded text (Web Crypto: available in node ≥ 19 and every browser). */
export async function hashName(salt: string, folded: string): Promise<string> {
  const key = `${salt}\u0000${folded}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const buf = await globalThis.crypto.subtle.digest('SHA-256', enc.encode(key));
  const hex = [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (cache.size > 20000) cache.clear();
  cache.set(key, hex);
  return hex;
}

/** Hashes of a name as entered in the options page: its words and its consecutive word pairs. */
export async function hashWatchEntry(salt: string, name: string): Promise<string[]> {
  const words = foldText(name).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 1) return [await hashName(salt, words[0]!)];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) pairs.push(await hashName(salt, `${words[i]} ${words[i + 1]}`));
  return pairs;
}

/** Spans of the folded text whose word or word pair hashes into the watch list. */
export async function watchListMatches(norm: Normalized, list: WatchList): Promise<{ start: number; end: number }[]> {
  const set = new Set(list.hashes);
  const words: { w: string; start: number; end: number }[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(norm.text); m; m = re.exec(norm.text)) words.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    if (a.w.length >= 2 && set.has(await hashName(list.salt, a.w))) out.push({ start: a.start, end: a.end });
    const b = words[i + 1];
    if (b && set.has(await hashName(list.salt, `${a.w} ${b.w}`))) out.push({ start: a.start, end: b.end });
  }
  return out;
}
