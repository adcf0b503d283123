import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryServer } from '../../support/sync-devices';
import { AllianceDb } from '@/utils/db/schema';
import { toggleRole } from '@/utils/db/records';
import { KEY_DOC_ID, WrongPassphraseError } from '@/utils/sync/envelope';
import { turnOnSync, WeakPassphraseError } from '@/utils/sync/turn-on';
import { passphraseStrength } from '@/utils/sync/passphrase';
import { NotASyncSpaceError, openSpace } from '@/utils/sync/space';
import { parseServerUrl } from '@/utils/sync/server-url';
import { describeSyncError, noticeText, statusLines } from '@/utils/sync/status';
import { english } from '@/utils/i18n/english';
import type { SyncStatusRow } from '@/utils/sync/tables';

const PASSPHRASE = 'quiet-otter-lantern-91-brisk';

describe('the passphrase meter', () => {
  it('refuses short, common and repetitive passphrases and accepts long random ones', () => {
    for (const weak of [
      'password123',
      'aaaaaaaaaaaaaaaa',
      'abcdefghijklmnop',
      'Password 1!',
      'hunter2',
    ])
      expect(passphraseStrength(weak).enough, weak).toBe(false);
    expect(passphraseStrength('correct horse battery staple').bits).toBe(0);
    expect(passphraseStrength(PASSPHRASE).enough).toBe(true);
    expect(passphraseStrength('tK9#vQ2!mZ7@pL4$').enough).toBe(true);
  });

  it('calls nothing shorter than 12 characters enough, and never counts below zero', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (text) => {
        const whole = passphraseStrength(text);
        expect(whole.bits).toBeGreaterThanOrEqual(0);
        if (whole.enough) expect(text.normalize('NFC').length).toBeGreaterThanOrEqual(12);
      }),
    );
  });
});

describe('a sync space on the server', () => {
  it('is created by the first device, opened by the same passphrase and refuses another', async () => {
    const server = memoryServer();
    expect(await openSpace(server, PASSPHRASE, false)).toBe('empty');
    const first = await openSpace(server, PASSPHRASE, true);
    const again = await openSpace(server, PASSPHRASE, false);
    expect(first).not.toBe('empty');
    expect(again).not.toBe('empty');
    if (first === 'empty' || again === 'empty') return;
    expect(again.space).toBe(first.space);
    await expect(openSpace(server, 'another long passphrase', true)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    const key = (await server.get(KEY_DOC_ID)) as unknown as Record<string, unknown>;
    expect(JSON.stringify(key)).not.toContain(PASSPHRASE);
  }, 30_000);

  it('refuses a database that holds something else', async () => {
    const server = memoryServer();
    await server.put({ _id: KEY_DOC_ID, hello: 'world' });
    await expect(openSpace(server, PASSPHRASE, true)).rejects.toBeInstanceOf(NotASyncSpaceError);
  });
});

describe('the status in words', () => {
  const row: SyncStatusRow = {
    name: 'status',
    state: 'idle',
    lastSyncAt: 1_000_000,
    pending: 0,
    error: null,
    progress: null,
    updatedAt: 1_000_000,
  };

  it('says when the last sync was and what is not on the server yet', () => {
    const lines = (
      ...args: Parameters<typeof statusLines> extends [unknown, ...infer R] ? R : never
    ) => statusLines(english, ...args).map((line) => line.text);
    expect(lines(undefined, 0, 0)).toEqual(['Starting…']);
    expect(lines(row, 0, 1_000_000 + 3 * 60_000)).toEqual([
      'Last synced 3 minutes ago.',
      'Every change made here is on the server.',
    ]);
    expect(
      lines(
        { ...row, state: 'syncing', progress: { done: 250, total: 30_000, direction: 'send' } },
        2,
        1_000_000,
      ),
    ).toEqual([
      'Sending: 250 of 30,000 records…',
      'Last synced just now.',
      '2 changes made here are not on the server yet.',
    ]);
    expect(
      statusLines(english, { ...row, error: { plural: 'sync_unreadable', count: 2 } }, 0, 1_000_000)
        .filter((line) => line.problem)
        .map((line) => line.text),
    ).toEqual([
      '2 documents on the server could not be decrypted with your passphrase and were left alone.',
    ]);
  });

  it('turns server errors into sentences that say what to do', () => {
    const say = (error: unknown) => noticeText(english, describeSyncError(error));
    expect(say({ status: 401 })).toMatch(/user name or password/);
    expect(say({ status: 503, reason: 'busy' })).toMatch(/\(503: busy\)/);
    expect(say(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
    expect(say(new WrongPassphraseError())).toMatch(/passphrase you chose on your first device/);
  });
});

describe('the database address', () => {
  it('takes an HTTPS database or one on this computer, and asks for that host only', () => {
    expect(parseServerUrl(' https://couch.example.com/alliance-map/ ')).toEqual({
      ok: true,
      url: 'https://couch.example.com/alliance-map',
      origins: ['https://couch.example.com/*'],
    });
    expect(parseServerUrl('http://127.0.0.1:5984/am')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:5984/am',
      origins: ['http://127.0.0.1/*'],
    });
  });

  it('refuses plain HTTP elsewhere, credentials in the address, a bare server and nonsense', () => {
    for (const bad of [
      'http://couch.example.com/am',
      'https://me:secret@couch.example.com/am',
      'https://couch.example.com/',
      'https://couch.example.com/am?x=1',
      'couch.example.com/am',
      'ftp://couch.example.com/am',
    ])
      expect(parseServerUrl(bad).ok, bad).toBe(false);
  });
});

describe('turning sync on', () => {
  const input = { url: 'memory://server', username: '', password: '', passphrase: PASSPHRASE };

  it('starts a space with a strong passphrase, joins it with the same one, and changes nothing for a wrong or weak one', async () => {
    const server = memoryServer();
    // Closing the database the page opened must not close the test's server.
    const serverDb = () => ({ ...server, close: async () => undefined }) as typeof server;
    const first = new AllianceDb(`first-${crypto.randomUUID()}`);
    const second = new AllianceDb(`second-${crypto.randomUUID()}`);
    await toggleRole(second, { slug: 'dana-lee', name: 'Dana Lee' }, 'ally', Date.now());

    await expect(
      turnOnSync(first, { ...input, passphrase: 'password123' }, serverDb),
    ).rejects.toBeInstanceOf(WeakPassphraseError);
    expect(await first.syncState.count()).toBe(0);

    expect(await turnOnSync(first, input, serverDb)).toEqual({ created: true });
    expect(await first.syncState.get('account')).toMatchObject({ url: 'memory://server' });

    await expect(
      turnOnSync(second, { ...input, passphrase: 'a different long passphrase 42' }, serverDb),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await second.syncState.count()).toBe(0);
    expect(await second.syncChanges.count()).toBe(0);
    expect(await second.people.count()).toBe(1);

    expect(await turnOnSync(second, input, serverDb)).toEqual({ created: false });
    expect(await second.syncChanges.toArray()).toEqual([
      { key: 'person:dana-lee', mark: expect.any(String) as string },
    ]);
    first.close();
    second.close();
  }, 60_000);
});
