/**
 * The database address the user types for sync, checked before anything is asked of the browser
 * or the server (docs/sync.md, "Turning sync on").
 */
import type { MessageKey } from '@/utils/i18n/messages';

export type ServerUrl =
  | { ok: true; url: string; /** The host-permission pattern to ask for. */ origins: string[] }
  | { ok: false; error: MessageKey };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

export function parseServerUrl(text: string): ServerUrl {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return {
      ok: false,
      error: 'sync_url_invalid',
    };
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    return {
      ok: false,
      error: 'sync_url_https',
    };
  if (url.username || url.password)
    return {
      ok: false,
      error: 'sync_url_credentials',
    };
  if (url.search || url.hash) return { ok: false, error: 'sync_url_query' };
  const path = url.pathname.replace(/\/+$/, '');
  if (!path)
    return {
      ok: false,
      error: 'sync_url_noDatabase',
    };
  // A host pattern names no port: Firefox refuses to grant one with a port, and in both browsers
  // the pattern without it covers the server's (docs/sync.md).
  return { ok: true, url: `${url.origin}${path}`, origins: [`${url.protocol}//${url.hostname}/*`] };
}
