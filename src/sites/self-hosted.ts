/**
 * Self-hosted blogs: the user names a domain in the options page; Balise asks for that host
 * permission at that moment (never `<all_urls>`) and registers its content script there.
 * This module is pure (no browser API): parsing what the user typed, the match patterns it
 * grants, and the registration the background keeps in step with granted permissions.
 */
import { SITES } from './index';

export const SELF_HOSTED_SCRIPT_ID = 'balise-self-hosted';
/** Where the domains the user added are kept (storage.local). */
export const SELF_HOSTED_KEY = 'selfHosted';
/** At most this many domains (each one is a separate host permission). */
export const MAX_SELF_HOSTED = 50;

export type DomainError = 'empty' | 'invalid' | 'covered' | 'duplicate' | 'tooMany';
/** `host` comes with the errors found after the input was understood (covered, duplicate, tooMany). */
export type ParsedDomain = { ok: true; host: string } | { ok: false; error: DomainError; host?: string };

/**
 * What the user typed → a host name. Accepts `blog.example.ca`, `https://blog.example.ca/wp-admin/`,
 * `Blog.Example.CA`, internationalised names (returned in their ASCII form) and `localhost:8080`
 * (the port is dropped: match patterns cannot carry one). Refuses paths without a host, wildcards,
 * spaces, IP ranges and the sites Balise already covers.
 */
export function parseDomain(input: string, existing: readonly string[] = []): ParsedDomain {
  const raw = input.normalize('NFKC').trim();
  if (!raw) return { ok: false, error: 'empty' };
  if (/[\s*]/.test(raw)) return { ok: false, error: 'invalid' };
  let host: string;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'invalid' };
    if (url.username || url.password) return { ok: false, error: 'invalid' };
    host = url.hostname.replace(/\.$/, '').toLowerCase();
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (host.startsWith('[')) return { ok: false, error: 'invalid' }; // IPv6 literal
  const labels = host.split('.');
  const isIPv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  if (!isIPv4 && host !== 'localhost' && (labels.length < 2 || labels.some((l) => !/^[a-z0-9-]{1,63}$/.test(l) || l.startsWith('-') || l.endsWith('-')) || /^\d+$/.test(labels.at(-1)!))) {
    return { ok: false, error: 'invalid' };
  }
  if (SITES.some((s) => s.hosts.test(host))) return { ok: false, error: 'covered', host };
  if (existing.includes(host)) return { ok: false, error: 'duplicate', host };
  if (existing.length >= MAX_SELF_HOSTED) return { ok: false, error: 'tooMany', host };
  return { ok: true, host };
}

/** The host permission (and content-script matches) for one domain: both schemes, every path. */
export function originsFor(host: string): string[] {
  return [`https://${host}/*`, `http://${host}/*`];
}

/** Reads the stored list defensively: a corrupted value becomes an empty list, not an exception. */
export function storedDomains(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v !== 'string') continue;
    const p = parseDomain(v, out);
    if (p.ok) out.push(p.host);
  }
  return out;
}

export interface Registration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

/** The content-script registration for the granted origins (null: none granted). */
export function registrationFor(grantedOrigins: readonly string[], script: string): Registration | null {
  if (!grantedOrigins.length) return null;
  return {
    id: SELF_HOSTED_SCRIPT_ID,
    matches: [...grantedOrigins],
    js: [script],
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  };
}
