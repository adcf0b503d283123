// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { BackupSection } from '@/components/options/BackupSection';
import { DEFAULT_SETTINGS, newPerson, type Settings } from '@/utils/model';
import { exportBackup } from '@/utils/transfer/backup';
import { freshDb } from '../transfer/db-helpers';
import { button, byLabel, chooseFile, click, mount, regions, waitFor } from './render';
import { stored } from '../../support/stored';
import { testKeys } from '../../support/sync-devices';
import { startSync } from '@/utils/sync/account';

const NOW = Date.UTC(2025, 0, 1);

async function setup({ syncOn = false } = {}) {
  const db = freshDb();
  if (syncOn)
    await startSync(
      db,
      { url: 'https://couch.example.com/am', username: '', password: '', space: 's' },
      await testKeys(),
    );
  const turnSyncOffHere = vi.fn(() => db.syncState.clear());
  await db.people.bulkPut(
    [
      newPerson('ada', NOW, { name: 'Ada', roles: ['mentor'] }),
      newPerson('grace', NOW, { name: 'Grace' }),
    ].map(stored),
  );
  const saveSettings = vi.fn(async (_settings: Settings) => undefined);
  const root = mount(
    <BackupSection
      db={db}
      loadSettings={async () => DEFAULT_SETTINGS}
      saveSettings={saveSettings}
      turnSyncOffHere={turnSyncOffHere}
    />,
  );
  return { db, root, saveSettings, turnSyncOffHere };
}

function jsonFile(name: string, text: string): File {
  return new File([text], name, { type: 'application/json' });
}

describe('BackupSection import', () => {
  it('refuses a hostile file, names the problem and changes nothing', async () => {
    const { db, root, saveSettings } = await setup();
    const before = await db.people.toArray();
    const source = freshDb();
    await source.people.put(stored(newPerson('eve', NOW)));
    const backup = JSON.parse(await exportBackup(source, DEFAULT_SETTINGS, NOW)) as {
      people: Array<Record<string, unknown>>;
    };
    const hostile = JSON.stringify(backup).replace(
      '"slug":"eve"',
      '"slug":"eve","__proto__":{"x":1}',
    );
    chooseFile(byLabel(root, 'Import a backup file'), jsonFile('evil.json', hostile));
    await waitFor(() =>
      expect(regions(root).alert).toBe(
        'evil.json was not imported. people[0].__proto__: this key is not allowed in a backup. Nothing was changed.',
      ),
    );
    expect(root.querySelector('table')).toBeNull();
    expect(await db.people.toArray()).toEqual(before);
    expect(saveSettings).not.toHaveBeenCalled();
  });

  it('refuses a truncated file as not valid JSON', async () => {
    const { root } = await setup();
    chooseFile(
      byLabel(root, 'Import a backup file'),
      jsonFile('cut.json', '{"format":"alliance-map-backup","ver'),
    );
    await waitFor(() =>
      expect(regions(root).alert).toMatch(
        /^cut\.json was not imported\. The file is not valid JSON/,
      ),
    );
  });

  it('shows the plan for merge and replace, then replaces and restores the settings', async () => {
    const { db, root, saveSettings } = await setup();
    const source = freshDb();
    await source.people.bulkPut(
      [
        newPerson('ada', NOW, { name: 'Ada', roles: ['mentor', 'sponsor'], updatedAt: NOW + 1 }),
        newPerson('linus', NOW, { name: 'Linus' }),
      ].map(stored),
    );
    const restored = { ...DEFAULT_SETTINGS, stealth: true };
    chooseFile(
      byLabel(root, 'Import a backup file'),
      jsonFile('b.json', await exportBackup(source, restored, NOW)),
    );

    const peopleRow = () => [...root.querySelectorAll('tbody tr')][0]!.textContent;
    await waitFor(() => expect(peopleRow()).toBe('People110'));
    expect(root.textContent).toContain('Merging will add 1, update 1 records.');

    click(byLabel(root, /^Replace/));
    await waitFor(() => expect(peopleRow()).toBe('People1101'));
    expect(root.textContent).toContain('Replacing will add 1, update 1, remove 1 records.');

    click(button(root, 'Replace my data'));
    await waitFor(() =>
      expect(regions(root).status).toMatch(/^Backup restored: the file held 2 people/),
    );
    expect((await db.people.toArray()).map((p) => p.slug)).toEqual(['ada', 'linus']);
    expect(saveSettings).toHaveBeenCalledWith(restored);
    expect(root.querySelector('table')).toBeNull();
  });

  it('cancels without writing', async () => {
    const { db, root } = await setup();
    const before = await db.people.toArray();
    chooseFile(
      byLabel(root, 'Import a backup file'),
      jsonFile('b.json', await exportBackup(freshDb(), DEFAULT_SETTINGS, NOW)),
    );
    await waitFor(() => button(root, 'Merge into my data'));
    click(button(root, 'Cancel'));
    await waitFor(() =>
      expect(regions(root).status).toBe('Import cancelled. Nothing was changed.'),
    );
    expect(await db.people.toArray()).toEqual(before);
  });

  it('with sync on, asks where a replace applies and turns sync off here first when told', async () => {
    const { db, root, turnSyncOffHere } = await setup({ syncOn: true });
    chooseFile(
      byLabel(root, 'Import a backup file'),
      jsonFile('b.json', await exportBackup(freshDb(), DEFAULT_SETTINGS, NOW)),
    );
    await waitFor(() => button(root, 'Merge into my data'));
    // A merge removes nothing anywhere: no question.
    expect(root.querySelector('[data-testid="sync-scope-replace"]')).toBeNull();
    click(byLabel(root, /^Replace/));
    await waitFor(() => root.querySelector('[data-testid="sync-scope-replace"]')!);
    await waitFor(() => expect(button(root, 'Replace my data').disabled).toBe(false));

    click(button(root, 'Replace my data'));
    await waitFor(() => expect(regions(root).alert).toMatch(/^Sync is on: choose whether/));
    expect(await db.people.count()).toBe(2);
    expect(turnSyncOffHere).not.toHaveBeenCalled();

    click(byLabel(root, /^Only on this computer/));
    click(button(root, 'Replace my data'));
    await waitFor(() => expect(regions(root).status).toMatch(/your other devices keep their data/));
    expect(turnSyncOffHere).toHaveBeenCalledOnce();
    expect(await db.people.count()).toBe(0);
    // Sync was off when the records went: nothing was noted for the other devices.
    expect(await db.syncChanges.count()).toBe(0);
  });

  it('with sync on, a replace on all devices notes the removed people for them', async () => {
    const { db, root, turnSyncOffHere } = await setup({ syncOn: true });
    await db.syncChanges.clear();
    chooseFile(
      byLabel(root, 'Import a backup file'),
      jsonFile('b.json', await exportBackup(freshDb(), DEFAULT_SETTINGS, NOW)),
    );
    await waitFor(() => button(root, 'Merge into my data'));
    click(byLabel(root, /^Replace/));
    await waitFor(() => expect(button(root, 'Replace my data').disabled).toBe(false));
    click(byLabel(root, /^On all my devices/));
    click(button(root, 'Replace my data'));
    await waitFor(() =>
      expect(regions(root).status).toMatch(/will do the same at their next sync/),
    );
    expect(turnSyncOffHere).not.toHaveBeenCalled();
    expect(await db.people.count()).toBe(0);
    expect(await db.syncChanges.count()).toBe(2);
  });
});
