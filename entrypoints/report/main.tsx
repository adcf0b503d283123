import { render } from 'preact';
import { App } from './App';
import { localizePage } from '@/utils/i18n';
import { clearReportReady } from '@/utils/weekly-report';
import { getDb } from '@/utils/db';
import '@/components/theme.css';
import '@/components/report/report.css';

// Opening the report is reading it: take the "new report" mark off the toolbar icon.
void clearReportReady().catch(() => undefined);

// Open the database while the page draws.
const db = getDb();
void db.open().catch(() => undefined);

localizePage('report_title');
render(<App db={db} />, document.getElementById('app')!);
