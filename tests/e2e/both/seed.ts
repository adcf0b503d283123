/**
 * Data for the scenarios in both browsers, put in the way a user puts it: a backup file merged
 * from the options page. It goes through the product's own import, whatever the storage layer
 * does underneath.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../browsers';
import { clickButton, waitForText } from '../tab-actions';
import type { Dataset } from '../../support/dataset';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/utils/transfer/backup-format';

/** Merges `data` (any tables left out are empty) into the extension's records. */
export async function seedThroughBackup(session: Session, data: Partial<Dataset>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-map-seed-'));
  const file = join(dir, 'seed.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: Date.now(),
      settings: DEFAULT_SETTINGS,
      people: [],
      notes: [],
      touches: [],
      ties: [],
      followUps: [],
      ...data,
    }),
  );
  const options = await session.openExtensionPage('options.html');
  try {
    await options.setFiles('#backup-file', file);
    await clickButton(options, 'Merge into my data');
    // A second per thousand records: the bench's record is 130,000 of them.
    const records = Object.values(data).reduce((sum, rows) => sum + rows.length, 0);
    await waitForText(options, '[role="status"]', /^Backup merged/, 30_000 + records);
  } finally {
    await options.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
