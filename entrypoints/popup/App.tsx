import { browser } from 'wxt/browser';
import { HostAccess } from '@/components/HostAccess';
import { LinkFromExport } from '@/components/LinkFromExport';
import { QuickTag } from '@/components/QuickTag';
import { Summary } from '@/components/Summary';
import { useSettings } from '@/components/useSettings';
import { useTabProfile } from '@/components/useTabProfile';
import { getDb } from '@/utils/db';
import { FIRST_RUN_PATH } from '@/utils/first-run';
import { openSidePanel } from '@/utils/side-panel';
import { ui } from '@/utils/i18n';

function openPage(path: '/report.html' | '/options.html' | '/map.html' | typeof FIRST_RUN_PATH) {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
  window.close();
}

/** The toolbar popup: quick tag for the person in the tab, and the state of the alliance. */
export function App() {
  const db = getDb();
  const tab = useTabProfile(false);
  const settings = useSettings();

  // Called straight from the click, with no await before it: the browser opens the panel only
  // while the user's gesture lasts.
  const openRecord = async () => {
    if (await openSidePanel({ tabId: tab?.tabId })) window.close();
  };

  return (
    <main>
      <header class="row" style={{ justifyContent: 'space-between' }}>
        <h1>{ui.t('extName')}</h1>
        <div class="row">
          <button type="button" onClick={() => void openRecord()}>
            {tab?.identity ? ui.t('popup_fullRecord') : ui.t('popup_allPeople')}
          </button>
          <button type="button" onClick={() => openPage('/map.html')}>
            Map
          </button>
          <button type="button" onClick={() => openPage('/options.html')}>
            {ui.t('popup_settings')}
          </button>
        </div>
      </header>
      <HostAccess />
      {tab === undefined ? (
        <p class="muted">{ui.t('common_readingTab')}</p>
      ) : tab.identity ? (
        <>
          <LinkFromExport db={db} identity={tab.identity} />
          <QuickTag db={db} identity={tab.identity} />
        </>
      ) : (
        <p class="muted">{ui.t('popup_openProfileHint')}</p>
      )}
      {settings && (
        <Summary
          db={db}
          settings={settings}
          onOpenReport={() => openPage('/report.html')}
          onStart={() => openPage(FIRST_RUN_PATH)}
        />
      )}
    </main>
  );
}
