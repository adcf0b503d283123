import { render } from 'preact';
import { App } from './App';
import { clearReportReady } from '@/utils/background/weekly';
import { getDb } from '@/utils/db';
import { openViews } from '@/utils/derived-cache';
import '@/components/theme.css';
import '@/components/report/report.css';

// Opening the report is reading it: take the "new report" mark off the toolbar icon.
void clearReportReady().catch(() => undefined);

// The report opens on its cached copy, which the background keeps current for this week: open
// the copies' database while the page draws. The data itself is opened only if the page computes.
openViews();

render(<App db={getDb()} />, document.getElementById('app')!);
