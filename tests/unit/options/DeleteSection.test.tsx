// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { DeleteSection } from '@/components/options/DeleteSection';
import type { AllianceDb } from '@/utils/db/schema';
import { startSync } from '@/utils/sync/account';
import { freshDb } from '../transfer/db-helpers';
import { testKeys } from '../../support/sync-devices';
import { button, byLabel, click, mount, regions, type, waitFor } from './render';

function setup(db: AllianceDb = freshDb()) {
  const calls: string[] = [];
  const deleteEverything = vi.fn(async (_db: AllianceDb) => void calls.push('delete'));
  const turnSyncOffHere = vi.fn(async () => void calls.push('sync off'));
  const root = mount(
    <DeleteSection db={db} deleteEverything={deleteEverything} turnSyncOffHere={turnSyncOffHere} />,
  );
  return { root, db, deleteEverything, turnSyncOffHere, calls };
}

async function syncingDb(): Promise<AllianceDb> {
  const db = freshDb();
  await startSync(
    db,
    { url: 'https://couch.example.com/am', username: '', password: '', space: 's' },
    await testKeys(),
  );
  return db;
}

describe('DeleteSection', () => {
  it('opens a confirmation with focus in its input', () => {
    const { root } = setup();
    const opener = button(root, 'Delete everything…');
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    click(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(byLabel(root, /Type DELETE to confirm/));
  });

  it('deletes nothing until DELETE is typed', async () => {
    const { root, deleteEverything } = setup();
    click(button(root, 'Delete everything…'));
    type(byLabel(root, /Type DELETE/), 'delete');
    click(button(root, 'Delete everything now'));
    await waitFor(() => expect(regions(root).alert).toBe('Type DELETE in capitals to confirm.'));
    expect(deleteEverything).not.toHaveBeenCalled();
  });

  it('deletes everything once confirmed and says so', async () => {
    const { root, db, deleteEverything } = setup();
    click(button(root, 'Delete everything…'));
    type(byLabel(root, /Type DELETE/), 'DELETE');
    click(button(root, 'Delete everything now'));
    await waitFor(() => expect(regions(root).status).toMatch(/^Everything was deleted/));
    expect(deleteEverything).toHaveBeenCalledWith(db);
    expect(root.querySelector('#delete-word')).toBeNull();
  });

  it('closes on Escape and gives focus back to its opener', () => {
    const { root, deleteEverything } = setup();
    click(button(root, 'Delete everything…'));
    const input = byLabel(root, /Type DELETE/);
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.querySelector('#delete-word')).toBeNull();
    expect(document.activeElement).toBe(button(root, 'Delete everything…'));
    expect(deleteEverything).not.toHaveBeenCalled();
  });

  it('with sync on, asks where to delete and deletes nothing until answered', async () => {
    const { root, deleteEverything } = setup(await syncingDb());
    click(button(root, 'Delete everything…'));
    await waitFor(() => byLabel(root, /^On all my devices/));
    type(byLabel(root, /Type DELETE/), 'DELETE');
    click(button(root, 'Delete everything now'));
    await waitFor(() => expect(regions(root).alert).toMatch(/^Sync is on: choose whether/));
    expect(deleteEverything).not.toHaveBeenCalled();
  });

  it('deletes on all devices with sync left on, or here only after turning sync off', async () => {
    /** Opens the confirmation, answers `where`, confirms; returns what was called, in order. */
    const confirmWith = async (where: RegExp, said: RegExp) => {
      const { root, calls } = setup(await syncingDb());
      click(button(root, 'Delete everything…'));
      await waitFor(() => byLabel(root, where));
      click(byLabel(root, where));
      type(byLabel(root, /Type DELETE/), 'DELETE');
      click(button(root, 'Delete everything now'));
      await waitFor(() => expect(regions(root).status).toMatch(said));
      return calls;
    };
    expect(await confirmWith(/^On all my devices/, /at their next sync/)).toEqual(['delete']);
    expect(await confirmWith(/^Only on this computer/, /keep their data/)).toEqual([
      'sync off',
      'delete',
    ]);
  });
});
