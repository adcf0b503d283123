import { MapWorkspace } from '@/components/map/MapWorkspace';
import { useSettings } from '@/components/useSettings';
import { getDb } from '@/utils/db';
import { FIRST_RUN_PATH } from '@/utils/first-run';
import { ui } from '@/utils/i18n';

/** Shown inside the first run's last step (`?embedded`): the first run has its own links. */
const EMBEDDED = new URLSearchParams(location.search).has('embedded');

/** The alliance map page: who decides, who backs the user, their ties; edited in place. */
export function App({ openingVersion }: { openingVersion: Promise<number> }) {
  const settings = useSettings();
  return (
    <main class="map-page">
      <header class="row map-header">
        <h1>{ui.t('map_title')}</h1>
        {!EMBEDDED && (
          <nav class="row" aria-label={ui.t('options_pages')}>
            <a href="/report.html">{ui.t('report_title')}</a>
            <a href={FIRST_RUN_PATH}>{ui.t('options_firstRunLink')}</a>
            <a href="/options.html">{ui.t('popup_settings')}</a>
          </nav>
        )}
      </header>
      <p class="muted map-intro">{ui.t('map_intro')}</p>
      {settings ? (
        <MapWorkspace db={getDb()} settings={settings} openingVersion={openingVersion} />
      ) : (
        <p class="muted" role="status">
          {ui.t('map_drawing')}
        </p>
      )}
    </main>
  );
}
