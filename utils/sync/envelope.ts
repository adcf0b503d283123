/**
 * The encryption every synced document goes through before it leaves the browser
 * (docs/sync.md, "Encryption"). WebCrypto only:
 *
 * - PBKDF2-HMAC-SHA-256, 600,000 iterations, a random 16-byte salt, turns the passphrase into
 *   256 bits; HKDF-SHA-256 splits them into an AES-GCM-256 key for the content and an
 *   HMAC-SHA-256 key for the ids. Both are non-extractable.
 * - A document's id is the first 128 bits of the HMAC of its key (`person:<slug>`), in hex: the
 *   same on every device, meaningless to the server.
 * - Its content is JSON sealed with AES-GCM under a fresh random 96-bit nonce, with the id as
 *   additional data, so that the server can neither read nor move a document to another id.
 *
 * The salt, the parameters and a sealed check value live in the space's key document, the one
 * document in the clear: a device that joins derives the keys and opens the check, so a wrong
 * passphrase is refused before anything is written.
 */
import { SyncProblem } from './problem';
import * as v from 'valibot';

/** The id of the one document stored in the clear. */
export const KEY_DOC_ID = 'alliance-map-keys';

/** The key derivation of new sync spaces. OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const KDF_ITERATIONS = 600_000;
/** Below this a key document is refused: a server must not weaken the derivation. */
const MIN_ITERATIONS = 100_000;
/** Above this deriving would hang the browser: a key document asking for more is refused. */
const MAX_ITERATIONS = 10_000_000;

const CHECK_TEXT = 'alliance-map sync check';

/** The two keys a passphrase gives. */
export interface SyncKeys {
  /** AES-GCM-256: seals and opens document content. */
  enc: CryptoKey;
  /** HMAC-SHA-256: turns a document's key into its opaque id. */
  ids: CryptoKey;
}

/** A sealed value as stored on the server. */
export interface Sealed {
  /** The 96-bit nonce, base64. */
  iv: string;
  /** The AES-GCM ciphertext with its tag, base64. */
  ct: string;
}

const sealedSchema = v.object({ iv: v.string(), ct: v.string() });

const keyDocSchema = v.object({
  _id: v.literal(KEY_DOC_ID),
  format: v.literal('alliance-map-sync'),
  version: v.literal(1),
  kdf: v.object({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(MIN_ITERATIONS),
      v.maxValue(MAX_ITERATIONS),
    ),
    salt: v.string(),
  }),
  check: sealedSchema,
});

/** The space's key document: how to derive the keys, and a value to check them on. */
export type KeyDocument = v.InferOutput<typeof keyDocSchema>;

/** The passphrase does not open this sync space. */
export class WrongPassphraseError extends SyncProblem {
  constructor() {
    super('sync_wrongPassphrase');
    this.name = 'WrongPassphraseError';
  }
}

/** A document could not be opened with the keys: changed on the server, or not ours. */
export class UnreadableDocumentError extends SyncProblem {
  constructor(id: string) {
    super('sync_unreadableDocument', { id });
    this.name = 'UnreadableDocumentError';
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The keys `passphrase` gives with this salt and work factor. */
export async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<SyncKeys> {
  // The same passphrase typed on another keyboard (composed or decomposed accents) is the same.
  const secret = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    secret,
    256,
  );
  const master = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(info),
  });
  const [enc, ids] = await Promise.all([
    crypto.subtle.deriveKey(
      hkdf('alliance-map sync: content'),
      master,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    ),
    crypto.subtle.deriveKey(
      hkdf('alliance-map sync: ids'),
      master,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    ),
  ]);
  return { enc, ids };
}

/** Seals `value` (as JSON) for the document `id`. */
export async function seal(keys: SyncKeys, id: string, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
    keys.enc,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Opens what `seal` sealed for `id`; throws `UnreadableDocumentError` for anything else. */
export async function open(keys: SyncKeys, id: string, sealed: unknown): Promise<unknown> {
  const parsed = v.safeParse(sealedSchema, sealed);
  if (!parsed.success) throw new UnreadableDocumentError(id);
  try {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(parsed.output.iv),
        additionalData: encoder.encode(id),
      },
      keys.enc,
      fromBase64(parsed.output.ct),
    );
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    throw new UnreadableDocumentError(id);
  }
}

/** The opaque id of the document `key` on the server. */
export async function opaqueId(keys: SyncKeys, key: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.ids, encoder.encode(key)));
  let hex = '';
  for (const byte of mac.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** A new sync space's key document for `passphrase`, and its keys. */
export async function newKeyDocument(
  passphrase: string,
  iterations = KDF_ITERATIONS,
): Promise<{ doc: KeyDocument; keys: SyncKeys }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const keys = await deriveKeys(passphrase, salt, iterations);
  const doc: KeyDocument = {
    _id: KEY_DOC_ID,
    format: 'alliance-map-sync',
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    check: await seal(keys, KEY_DOC_ID, CHECK_TEXT),
  };
  return { doc, keys };
}

/** Whether a document from the server is a key document this version can use. */
export function parseKeyDocument(doc: unknown): KeyDocument | undefined {
  const parsed = v.safeParse(keyDocSchema, doc);
  return parsed.success ? parsed.output : undefined;
}

/** The keys of the space `doc` describes, if `passphrase` is its passphrase. */
export async function unlock(doc: KeyDocument, passphrase: string): Promise<SyncKeys> {
  const keys = await deriveKeys(passphrase, fromBase64(doc.kdf.salt), doc.kdf.iterations);
  const check = await open(keys, KEY_DOC_ID, doc.check).catch(() => undefined);
  if (check !== CHECK_TEXT) throw new WrongPassphraseError();
  return keys;
}

/** A digest of a document's plain content, to tell a real change from a rewrite. */
export async function digestOf(canonicalText: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', encoder.encode(canonicalText));
  return toBase64(new Uint8Array(hash).subarray(0, 16));
}
