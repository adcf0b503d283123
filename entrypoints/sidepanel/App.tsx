import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LinkFromExport } from '@/components/LinkFromExport';
import { PeopleList, type PeopleListState } from '@/components/PeopleList';
import { PersonRecord } from '@/components/PersonRecord';
import { QuickTag } from '@/components/QuickTag';
import { recoverStashedEdits } from '@/utils/unsaved-edits';
import { useLiveQuery } from '@/components/useLiveQuery';
import { useSettings } from '@/components/useSettings';
import { useTabProfile } from '@/components/useTabProfile';
import { getDb } from '@/utils/db';
import { watchRecordRequests } from '@/utils/record-request';
import { NO_FILTER } from '@/utils/people-rows';
import { type SeenIdentity } from '@/utils/db/records';
import { findPerson } from '@/utils/db/lookups';
import type { AllianceDb } from '@/utils/db/schema';
import type { Settings } from '@/utils/model';
import { ui } from '@/utils/i18n';

/** Following the tab (its profile, else the list), or a choice the user made in the panel. */
type View = { kind: 'follow' } | { kind: 'list' } | { kind: 'person'; slug: string };

interface RecordProps {
  db: AllianceDb;
  settings: Settings;
  onOpen(slug: string): void;
  onDeleted(): void;
}

/** The record of the person in the tab, or the quick tag while they are not in the records. */
function TabPerson({ identity, ...props }: RecordProps & { identity: SeenIdentity }) {
  const live = useLiveQuery(() => findPerson(props.db, identity.slug), [identity.slug]);
  if (live.status === 'loading') return <p class="muted">{ui.t('common_loading')}</p>;
  if (live.status === 'error')
    return <p class="error">{ui.t('panel_readError', { detail: live.error.message })}</p>;
  const link = <LinkFromExport db={props.db} identity={identity} />;
  if (!live.value) {
    return (
      <div class="stack">
        {link}
        <p class="muted">{ui.t('panel_notYet')}</p>
        <QuickTag db={props.db} identity={identity} />
      </div>
    );
  }
  return (
    <div class="stack">
      {link}
      <PersonRecord key={live.value.slug} person={live.value} {...props} />
    </div>
  );
}

/** A record opened from the list or a tie. */
function ChosenPerson({ slug, ...props }: RecordProps & { slug: string }) {
  const live = useLiveQuery(() => findPerson(props.db, slug), [slug]);
  if (live.status === 'loading') return <p class="muted">{ui.t('common_loading')}</p>;
  if (live.status === 'error')
    return <p class="error">{ui.t('panel_readError', { detail: live.error.message })}</p>;
  if (!live.value) return <p class="muted">{ui.t('panel_personGone')}</p>;
  return <PersonRecord key={live.value.slug} person={live.value} {...props} />;
}

/**
 * The side panel: the full record of the person in the active tab, following it across tabs
 * and in-page navigations; on any other page, the list of everyone.
 */
export function App() {
  const db = getDb();
  const tab = useTabProfile(true);
  const settings = useSettings();
  const [view, setView] = useState<View>({ kind: 'follow' });
  const [listState, setListState] = useState<PeopleListState>({
    filter: NO_FILTER,
    sort: 'recent',
  });
  const moved = useRef(false);
  const tabKey = tab && `${tab.tabId ?? ''} ${tab.identity?.slug ?? ''}`;
  const lastTabKey = useRef<string | undefined>(undefined);

  // A new profile in the tab (or leaving profiles) takes the panel back to following the tab;
  // learning which tab the panel opened in does not (a record asked for stays on screen).
  useEffect(() => {
    if (tabKey === undefined) return;
    if (lastTabKey.current !== undefined && lastTabKey.current !== tabKey)
      setView({ kind: 'follow' });
    lastTabKey.current = tabKey;
  }, [tabKey]);

  // Edits a closed panel could not finish are saved now.
  useEffect(() => {
    void recoverStashedEdits(db, localStorage, Date.now()).catch(() => undefined);
  }, [db]);

  const go = (next: View) => {
    moved.current = true;
    setView(next);
    scrollTo(0, 0);
  };

  // Another page (the map) asked for someone's record.
  useEffect(() => watchRecordRequests((slug) => go({ kind: 'person', slug })), []);

  // After the user moves between views, focus lands on the new view's heading.
  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    document.querySelector<HTMLElement>('#record-title, #people-title')?.focus();
  }, [view]);

  const showsList =
    view.kind === 'list' || (view.kind === 'follow' && tab !== undefined && !tab.identity);
  if (!settings) {
    return (
      <main>
        <p class="muted">{ui.t('common_loading')}</p>
      </main>
    );
  }
  const recordProps: RecordProps = {
    db,
    settings,
    onOpen: (slug) => go({ kind: 'person', slug }),
    onDeleted: () => go({ kind: 'list' }),
  };

  return (
    <main class={showsList ? 'list-mode' : 'record-mode'}>
      <header class="row top">
        <h1>{ui.t('extName')}</h1>
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/map.html') })}
        >
          {ui.t('panel_openMap')}
        </button>
        {!showsList && (
          <button type="button" onClick={() => go({ kind: 'list' })}>
            {ui.t('panel_allPeople')}
          </button>
        )}
        {showsList && tab?.identity && (
          <button type="button" onClick={() => go({ kind: 'follow' })}>
            {ui.t('panel_backTo', { name: tab.identity.name || tab.identity.slug })}
          </button>
        )}
      </header>
      {tab === undefined && view.kind === 'follow' ? (
        <p class="muted">{ui.t('common_readingTab')}</p>
      ) : showsList ? (
        <PeopleList
          db={db}
          settings={settings}
          state={listState}
          onChange={setListState}
          onOpen={(slug) => go({ kind: 'person', slug })}
        />
      ) : view.kind === 'person' ? (
        <ChosenPerson slug={view.slug} {...recordProps} />
      ) : (
        tab?.identity && <TabPerson identity={tab.identity} {...recordProps} />
      )}
    </main>
  );
}
