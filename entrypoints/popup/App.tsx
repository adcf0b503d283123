import { browser } from 'wxt/browser';
import { QuickTag } from '@/components/QuickTag';
import { Summary } from '@/components/Summary';
import { useSettings } from '@/components/useSettings';
import { useTabProfile } from '@/components/useTabProfile';
import { getDb } from '@/utils/db';

function openPage(path: string) {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') });
  window.close();
}

/** The toolbar popup: quick tag for the person in the tab, and the state of the alliance. */
export function App() {
  const db = getDb();
  const tab = useTabProfile(false);
  const settings = useSettings();

  return (
    <main>
      <header class="row" style={{ justifyContent: 'space-between' }}>
        <h1>Alliance Map</h1>
        <button type="button" onClick={() => openPage('/options.html')}>
          Settings
        </button>
      </header>
      {tab === undefined ? (
        <p class="muted">Reading the current tab…</p>
      ) : tab.identity ? (
        <QuickTag db={db} identity={tab.identity} />
      ) : (
        <p class="muted">
          Open a LinkedIn profile to tag the person, or use the side panel to browse your people.
        </p>
      )}
      {settings && (
        <Summary db={db} settings={settings} onOpenReport={() => openPage('/report.html')} />
      )}
    </main>
  );
}
