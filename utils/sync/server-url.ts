/**
 * The database address the user types for sync, checked before anything is asked of the browser
 * or the server (docs/sync.md, "Turning sync on").
 */

export type ServerUrl =
  | { ok: true; url: string; /** The host-permission pattern to ask for. */ origins: string[] }
  | { ok: false; error: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

export function parseServerUrl(text: string): ServerUrl {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return {
      ok: false,
      error: 'Type the database’s full address, like https://couch.example.com/alliance-map.',
    };
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    return {
      ok: false,
      error:
        'The address must start with https:// (plain http:// only for a server on this computer): your server password travels with every request.',
    };
  if (url.username || url.password)
    return {
      ok: false,
      error: 'Type the user name and password in their own fields, not in the address.',
    };
  if (url.search || url.hash)
    return { ok: false, error: 'The address of a database has no ? or # part.' };
  const path = url.pathname.replace(/\/+$/, '');
  if (!path)
    return {
      ok: false,
      error:
        'Add the database’s name to the address, like https://couch.example.com/alliance-map: the server itself is not a database.',
    };
  return { ok: true, url: `${url.origin}${path}`, origins: [`${url.origin}/*`] };
}
