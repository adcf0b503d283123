import { MapWorkspace } from '@/components/map/MapWorkspace';
import { useSettings } from '@/components/useSettings';
import { getDb } from '@/utils/db';
import { FIRST_RUN_PATH } from '@/utils/first-run';

/** Shown inside the first run's last step (`?embedded`): the first run has its own links. */
const EMBEDDED = new URLSearchParams(location.search).has('embedded');

/** The alliance map page: who decides, who backs the user, their ties; edited in place. */
export function App({ openingVersion }: { openingVersion: Promise<number> }) {
  const settings = useSettings();
  return (
    <main class="map-page">
      <header class="row map-header">
        <h1>Alliance map</h1>
        {!EMBEDDED && (
          <nav class="row" aria-label="Alliance Map pages">
            <a href="/report.html">Weekly report</a>
            <a href={FIRST_RUN_PATH}>Build the map step by step</a>
            <a href="/options.html">Settings</a>
          </nav>
        )}
      </header>
      <p class="muted map-intro">
        Who decides your next step (higher up), who is on your side (to the right) and how much each
        one weighs on your career (higher in the row, and the bars). Drag a person to move them, or
        use the keyboard; every change is saved at once and can be undone.
      </p>
      {settings ? (
        <MapWorkspace db={getDb()} settings={settings} openingVersion={openingVersion} />
      ) : (
        <p class="muted" role="status">
          Drawing your map…
        </p>
      )}
    </main>
  );
}
