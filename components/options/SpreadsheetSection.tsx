import { peopleCsvFileName } from '@/utils/transfer/backup-plan';
import { downloadText } from '@/utils/download';
import { Notice, useSectionAction } from './Notice';
import { exportPeopleCsv } from '@/utils/transfer/people-csv';
import type { AllianceDb } from '@/utils/db/schema';
import { ui } from '@/utils/i18n';

/** People as a CSV file (roles and last touch included) for a spreadsheet. */
export function SpreadsheetSection({ db }: { db: AllianceDb }) {
  const { message, busy, run } = useSectionAction();

  const onExport = () =>
    run(async () => {
      const now = Date.now();
      downloadText(peopleCsvFileName(now), await exportPeopleCsv(db), 'text/csv;charset=utf-8');
      return { kind: 'ok', text: ui.t('csv_saved', { file: peopleCsvFileName(now) }) };
    });

  return (
    <section class="card stack" aria-labelledby="csv-title">
      <h2 id="csv-title">{ui.t('csv_title')}</h2>
      <p class="muted">{ui.t('csv_hint')}</p>
      <div class="row">
        <button type="button" onClick={onExport} disabled={busy}>
          {ui.t('csv_export')}
        </button>
      </div>
      <Notice message={message} />
    </section>
  );
}
