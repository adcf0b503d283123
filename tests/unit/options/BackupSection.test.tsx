// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { BackupSection } from '@/components/options/BackupSection';
import { DEFAULT_SETTINGS, newPerson, type Settings } from '@/utils/model';
import { exportBackup } from '@/utils/transfer/backup';
import { freshDb } from '../transfer/db-helpers';
import { button, byLabel, chooseFile, click, mount, regions, waitFor } from './render';
import { stored } from '../../support/stored';

const NOW = Date.UTC(2025, 0, 1);

async function setup() {
  const db = freshDb();
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
    />,
  );
  return { db, root, saveSettings };
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
});
