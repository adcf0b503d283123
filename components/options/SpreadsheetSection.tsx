import { peopleCsvFileName } from '@/utils/transfer/backup-plan';
import { downloadText } from '@/utils/download';
import { Notice, useSectionAction } from './Notice';
import { exportPeopleCsv } from '@/utils/transfer/people-csv';
import type { AllianceDb } from '@/utils/db/schema';

/** People as a CSV file (roles and last touch included) for a spreadsheet. */
export function SpreadsheetSection({ db }: { db: AllianceDb }) {
  const { message, busy, run } = useSectionAction();

  const onExport = () =>
    run(async () => {
      const now = Date.now();
      downloadText(peopleCsvFileName(now), await exportPeopleCsv(db), 'text/csv;charset=utf-8');
      return { kind: 'ok', text: `Saved ${peopleCsvFileName(now)}.` };
    });

  return (
    <section class="card stack" aria-labelledby="csv-title">
      <h2 id="csv-title">Spreadsheet export</h2>
      <p class="muted">
        One row per person with their roles, level, stance and last touch. For reading in a
        spreadsheet; to restore your data, use a backup instead.
      </p>
      <div class="row">
        <button type="button" onClick={onExport} disabled={busy}>
          Export people as CSV
        </button>
      </div>
      <Notice message={message} />
    </section>
  );
}
