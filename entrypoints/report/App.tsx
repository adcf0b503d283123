import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReportView } from '@/components/report/ReportView';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { AllianceDb } from '@/utils/db/schema';
import { fromDateInput, toDateInput } from '@/utils/format';
import { ui } from '@/utils/i18n';
import { reportToMarkdown, type WeeklyReport } from '@/utils/insights';
import { addWeeks, formatLocalDate, weekStartOf } from '@/utils/insights/weeks';
import type { Settings } from '@/utils/model';
import { useSettings } from '@/components/useSettings';
import { loadWeeklyReport } from '@/utils/loaders/weekly-report';
import { openSidePanel } from '@/utils/side-panel';
import { searchForWeek, weekFromSearch } from './week-param';
import { rich } from '@/components/rich';

/** The address's query string, following the back and forward buttons. */
function useSearch(): [string, (search: string) => void] {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const onPop = () => setSearch(location.search);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = (next: string) => {
    history.pushState(null, '', next || location.pathname);
    setSearch(next);
  };
  return [search, navigate];
}

/**
 * Opens the side panel in this window, where a first step is taken. The window is looked up
 * beforehand: the browser opens the panel only while the click's gesture lasts, so the click
 * must call it with nothing awaited first.
 */
function useOpenSidePanel(): () => void {
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    void browser.windows
      .getCurrent()
      .then((window) => setWindowId(window.id))
      .catch(() => undefined);
  }, []);
  return () => void openSidePanel({ windowId });
}

/** Saves the Markdown through a download link (no permission needed, nothing leaves the machine). */
function downloadMarkdown(report: WeeklyReport): void {
  const blob = new Blob([reportToMarkdown(report, ui)], { type: 'text/markdown;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `alliance-map-week-${formatLocalDate(report.weekStart)}.md`;
  link.click();
  // The browser has read the blob once the click's download started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The weekly report page: pick a week, read it, export it. */
export function App({ db }: { db: AllianceDb }) {
  const settings = useSettings();
  const [search, navigate] = useSearch();
  if (!settings) return <Loading />;
  const now = Date.now();
  const choice = weekFromSearch(search, now, settings.weekStart);
  const goTo = (weekOf: number) => navigate(searchForWeek(weekOf, now, settings.weekStart));
  return (
    <WeekReport
      db={db}
      settings={settings}
      weekStart={weekStartOf(choice.weekOf, settings.weekStart)}
      notice={choice.notice}
      onWeek={goTo}
    />
  );
}

function Loading() {
  return (
    <main class="report" data-state="loading" aria-busy="true">
      <h1>{ui.t('report_title')}</h1>
      <p class="muted">{ui.t('report_reading')}</p>
    </main>
  );
}

function WeekReport({
  db,
  settings,
  weekStart,
  notice,
  onWeek,
}: {
  db: AllianceDb;
  settings: Settings;
  weekStart: number;
  notice: string | null;
  onWeek(weekOf: number): void;
}) {
  const weekEnd = addWeeks(weekStart, 1, settings.weekStart);
  const openPanel = useOpenSidePanel();
  const now = Date.now();
  const isCurrent = now >= weekStart && now < weekEnd;
  // Read from the data and kept current as it changes anywhere.
  const view = useLiveQuery(
    () => loadWeeklyReport(db, weekStart, settings, Date.now(), ui),
    [db, weekStart, settings],
  );
  const report = view.status === 'ready' ? view.value : undefined;
  const error = view.status === 'error' ? view.error.message : null;
  const state = error ? 'error' : report ? 'ready' : 'loading';

  useEffect(() => {
    document.title = ui.t('report_pageTitle', { date: formatLocalDate(weekStart) });
  }, [weekStart]);

  return (
    <main class="report" data-state={state} aria-busy={state === 'loading'}>
      <header class="report-header">
        <div>
          <h1>{ui.t('report_title')}</h1>
          <p style={{ margin: 0 }}>
            {rich(ui.t('report_weekSpan'), {
              start: <time dateTime={formatLocalDate(weekStart)}>{ui.day(weekStart)}</time>,
              end: ui.day(weekEnd - 1),
            })}
            {isCurrent && <span class="muted"> {ui.t('report_soFar')}</span>}
          </p>
        </div>
        <div class="row no-print">
          <button
            type="button"
            disabled={!report}
            onClick={() => report && downloadMarkdown(report)}
          >
            {ui.t('report_download')}
          </button>
          <button type="button" disabled={!report} onClick={() => window.print()}>
            {ui.t('report_print')}
          </button>
        </div>
      </header>
      <nav
        class="row week-picker no-print"
        aria-label={ui.t('report_chooseWeek')}
        style={{ marginTop: 10 }}
      >
        <button type="button" onClick={() => onWeek(addWeeks(weekStart, -1, settings.weekStart))}>
          {ui.t('report_previousWeek')}
        </button>
        <button
          type="button"
          disabled={isCurrent}
          onClick={() => onWeek(addWeeks(weekStart, 1, settings.weekStart))}
        >
          {ui.t('report_nextWeek')}
        </button>
        <button type="button" disabled={isCurrent} onClick={() => onWeek(now)}>
          {ui.t('report_thisWeek')}
        </button>
        <label>
          {ui.t('report_goTo')}
          <input
            type="date"
            value={toDateInput(weekStart)}
            max={toDateInput(now)}
            onChange={(event) => {
              const date = fromDateInput(event.currentTarget.value);
              if (!Number.isNaN(date)) onWeek(Math.min(date, now));
            }}
          />
        </label>
      </nav>
      {notice && (
        <p class="error" role="status">
          {notice}
        </p>
      )}
      {error ? (
        <p class="error" role="alert">
          {ui.t('report_error', { detail: error })}
        </p>
      ) : report ? (
        <ReportView report={report} onOpenSidePanel={openPanel} />
      ) : (
        <p class="muted" role="status">
          {ui.t('report_reading')}
        </p>
      )}
    </main>
  );
}
