import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KDF_ITERATIONS,
  newKeyDocument,
  opaqueId,
  open,
  parseKeyDocument,
  seal,
  unlock,
  UnreadableDocumentError,
  WrongPassphraseError,
} from '@/utils/sync/envelope';

const PASSPHRASE = 'correct horse battery staple';
/** A cheap work factor for tests; the real one is checked below. */
const CHEAP = 1_000;

describe('the envelope', () => {
  it('opens what it sealed, for the same id only', async () => {
    const { keys } = await newKeyDocument(PASSPHRASE, CHEAP);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.string({ minLength: 1 }), async (value, id) => {
        const sealed = await seal(keys, id, value);
        expect(await open(keys, id, sealed)).toEqual(JSON.parse(JSON.stringify(value)));
        await expect(open(keys, `${id}x`, sealed)).rejects.toBeInstanceOf(UnreadableDocumentError);
      }),
      { numRuns: 50 },
    );
  });

  it('shows the server nothing of the content, and never the same ciphertext twice', async () => {
    const { keys } = await newKeyDocument(PASSPHRASE, CHEAP);
    const secret = 'She is leaving in March';
    const [one, two] = [await seal(keys, 'id', secret), await seal(keys, 'id', secret)];
    expect(JSON.stringify(one)).not.toContain('leaving');
    expect(atob(one.ct)).not.toContain('leaving');
    expect(one.ct).not.toBe(two.ct);
    expect(one.iv).not.toBe(two.iv);
  });

  it('refuses a changed ciphertext and another passphrase’s keys', async () => {
    const { keys } = await newKeyDocument(PASSPHRASE, CHEAP);
    const { keys: other } = await newKeyDocument('another passphrase entirely', CHEAP);
    const sealed = await seal(keys, 'id', { note: 'x' });
    const bytes = Uint8Array.from(atob(sealed.ct), (c) => c.charCodeAt(0));
    bytes[0] = bytes[0]! ^ 1;
    const flipped = { ...sealed, ct: btoa(String.fromCharCode(...bytes)) };
    await expect(open(keys, 'id', flipped)).rejects.toBeInstanceOf(UnreadableDocumentError);
    await expect(open(other, 'id', sealed)).rejects.toBeInstanceOf(UnreadableDocumentError);
    await expect(open(keys, 'id', { iv: 1 })).rejects.toBeInstanceOf(UnreadableDocumentError);
  });

  it('gives each record key an opaque id, the same on every device with the passphrase', async () => {
    const { doc, keys } = await newKeyDocument(PASSPHRASE, CHEAP);
    const again = await unlock(doc, PASSPHRASE);
    const id = await opaqueId(keys, 'person:dana-lee');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await opaqueId(again, 'person:dana-lee')).toBe(id);
    expect(await opaqueId(keys, 'person:dana-lee-2')).not.toBe(id);
    const { keys: otherSpace } = await newKeyDocument(PASSPHRASE, CHEAP);
    expect(await opaqueId(otherSpace, 'person:dana-lee')).not.toBe(id);
  });

  it('unlocks a space with its passphrase, however its accents were typed, and refuses another', async () => {
    const { doc, keys } = await newKeyDocument('Zoë’s café', CHEAP);
    const decomposed = 'Zoë’s café'.normalize('NFD');
    const unlocked = await unlock(doc, decomposed);
    expect(await open(unlocked, 'id', await seal(keys, 'id', 'same keys'))).toBe('same keys');
    await expect(unlock(doc, 'Zoe’s cafe')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unlock(doc, 'Zoë’s café')).resolves.toBeDefined();
  });

  it('writes a key document with the documented derivation, and refuses a weakened one', async () => {
    const { doc } = await newKeyDocument(PASSPHRASE);
    expect(doc.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: KDF_ITERATIONS });
    expect(KDF_ITERATIONS).toBe(600_000);
    expect(atob(doc.kdf.salt)).toHaveLength(16);
    expect(JSON.stringify(doc)).not.toContain(PASSPHRASE);
    expect(parseKeyDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(parseKeyDocument({ ...doc, kdf: { ...doc.kdf, iterations: 1 } })).toBeUndefined();
    expect(parseKeyDocument({ ...doc, kdf: { ...doc.kdf, iterations: 1e9 } })).toBeUndefined();
    expect(parseKeyDocument({ _id: 'something-else' })).toBeUndefined();
  });
});
