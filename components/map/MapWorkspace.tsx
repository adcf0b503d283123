import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { downloadBlob, downloadText } from '@/utils/download';
import { useLiveQuery } from '../useLiveQuery';
import { MapCanvas, pairKey, type Highlight } from './MapCanvas';
import { chipTextWidth } from './measure';
import { PersonPanel } from './PersonPanel';
import { RoutePanel } from './RoutePanel';
import { TieDialog } from './TieDialog';
import type { AllianceDb } from '@/utils/db/schema';
import { toDateInput } from '@/utils/format';
import { routeTo } from '@/utils/insights/paths';
import { keyHoldersOf, loadMapData, mapPersonOf, type MapData } from '@/utils/loaders/map';
import { placeEdit, tieEdit, untieEdit, type Placement } from '@/utils/map/edits';
import { mapPng, mapSvgText } from '@/utils/map/export';
import { ALL_SLOTS, layoutMap, slotOf, type MapPerson, type Slot } from '@/utils/map/layout';
import { describeSlot } from '@/utils/map/labels';
import { UndoStack, type Edit, type UndoState } from '@/utils/map/undo';
import { readSnapshot, snapshotKey, writeSnapshot } from '@/utils/map/snapshot';
import { FIRST_RUN_PATH } from '@/utils/first-run';
import { openRecord } from '@/utils/record-request';
import { sidePanelShortcut } from '@/utils/side-panel';
import { dataChangedItem } from '@/utils/settings';
import type { Settings } from '@/utils/model';
import { ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';
import type { MessageKey } from '@/utils/i18n';
import { rich } from '../rich';

type Status = { kind: 'ok' | 'error'; text: string };

/** What went wrong: a known problem in the user's language, anything else as it came. */
const problem = (error: unknown) => ({ detail: errorText(ui, error) });

/** Ctrl+Z (Cmd+Z) undoes, with Shift (or Ctrl+Y) redoes; text fields keep their own undo. */
function useUndoKeys(stack: UndoStack, run: (step: 'undo' | 'redo') => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        run(event.shiftKey ? 'redo' : 'undo');
      } else if (key === 'y') {
        event.preventDefault();
        run('redo');
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [stack]);
}

/**
 * The map: its live answer, opened on the copy of it last drawn when nothing changed since
 * (utils/map/snapshot.ts). With a copy, the live query starts once the copy is on screen, so
 * that reading the record does not hold back the first picture; each live answer becomes the
 * copy for the next opening. `current` says whether the live answer is in.
 */
function useMapData(
  db: AllianceDb,
  settings: Settings,
  openingVersion: Promise<number>,
): { data?: MapData; current: boolean; error?: Error } {
  const [cached, setCached] = useState<MapData | null>();
  const [started, setStarted] = useState(false);
  // The data version as this page last heard it: an answer is kept as the copy for it.
  const version = useRef<number | undefined>(undefined);
  // As soon as the view has rendered, not a frame later (Preact runs effects after the next
  // paint): with no copy to show, the live query waits for it.
  useLayoutEffect(() => {
    let on = true;
    void openingVersion.then((opened) => {
      if (!on) return;
      version.current ??= opened;
      const copy = readSnapshot(localStorage, snapshotKey(opened, settings, Date.now()));
      setCached(copy);
      // After the frame that shows the copy (a task queued from its animation callback).
      if (copy) requestAnimationFrame(() => setTimeout(() => on && setStarted(true)));
      else setStarted(true);
    });
    const unwatch = dataChangedItem.watch((next) => (version.current = next));
    return () => {
      on = false;
      unwatch();
    };
  }, [settings]);
  const live = useLiveQuery(
    () => (started ? loadMapData(db, settings, Date.now()) : null),
    [db, settings, started],
  );
  const answer = live.status === 'ready' ? live.value : null;
  useEffect(() => {
    // Kept at once (the page may close any moment). A write the answer missed bumps the version
    // again, so the copy is never drawn for it; see utils/map/snapshot.ts for the one race.
    if (answer && version.current !== undefined)
      writeSnapshot(localStorage, snapshotKey(version.current, settings, Date.now()), answer);
  }, [answer, settings]);
  // The live answer, unless it is the picture already drawn (then nothing is drawn again).
  const data = useMemo(() => {
    if (!answer) return cached ?? undefined;
    return cached && JSON.stringify(cached) === JSON.stringify(answer) ? cached : answer;
  }, [answer, cached]);
  return {
    data,
    current: answer !== null,
    ...(live.status === 'error' ? { error: live.error } : {}),
  };
}

/** The keyboard's paths through the map, as the help lists them (docs/map.md). */
const KEYBOARD_HELP = [
  'map_keyReach',
  'map_keyMove',
  'map_keyInfluence',
  'map_keyChoose',
  'map_keyTie',
  'map_keyGroup',
  'map_keyUndo',
  'map_keyZoom',
] as const satisfies readonly MessageKey[];

/** The people and ties a way in lights up. */
function highlightOf(route: ReturnType<typeof routeTo>): Highlight | null {
  if (!route) return null;
  const people = new Set([route.target]);
  const ties = new Set<string>();
  for (const path of route.paths) {
    path.slugs.forEach((slug, i) => {
      people.add(slug);
      if (i > 0) ties.add(pairKey(path.slugs[i - 1]!, slug));
    });
  }
  const best = route.paths[0]?.slugs ?? [];
  return {
    target: route.target,
    people,
    ties,
    best: new Set(best),
    bestTies: new Set(best.slice(1).map((slug, i) => pairKey(best[i]!, slug))),
  };
}

/**
 * The alliance map as a place to work (docs/map.md): the map, the chosen person, "Who can get me
 * to them?", undo and export. Every change is saved at once through the records' functions,
 * can be undone, and reaches every other view through their live queries.
 */
export function MapWorkspace({
  db,
  settings,
  openingVersion,
}: {
  db: AllianceDb;
  settings: Settings;
  /** The data version when the page opened, asked for as early as the page can. */
  openingVersion: Promise<number>;
}) {
  const { data, current, error } = useMapData(db, settings, openingVersion);
  const stack = useMemo(() => new UndoStack(), []);
  const [undo, setUndo] = useState<UndoState>(stack.state);
  useEffect(() => stack.subscribe(setUndo), [stack]);
  const [selected, setSelected] = useState<string | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState<string | null>(null);
  const [dragMode, setDragMode] = useState<'move' | 'tie'>('move');
  const [tieFrom, setTieFrom] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ from: MapPerson; to: MapPerson } | null>(null);
  const [status, setStatus] = useState<Status>();
  const say = (kind: Status['kind'], text: string) => setStatus({ kind, text });
  const [tabId, setTabId] = useState<number>();

  useEffect(() => {
    void browser.tabs
      .getCurrent()
      .then((tab) => setTabId(tab?.id))
      .catch(() => undefined);
  }, []);

  const route = useMemo(
    () => (data && target ? routeTo(data.record, data.ties, target, ui) : null),
    [data, target],
  );
  const highlight = useMemo(() => highlightOf(route), [route]);
  // Said once per key holder chosen, not again at every change of the data.
  useEffect(() => {
    if (!route) return;
    say('ok', ui.n('map_routeLit', route.paths.length, { next: route.next.text }));
  }, [target, route === null]);
  const pinned = useMemo(() => {
    const slugs = new Set(highlight?.people ?? []);
    if (selected) slugs.add(selected);
    return slugs;
  }, [highlight, selected]);
  // A way in may go through someone the map does not show: they are drawn while it is lit.
  const people = useMemo(() => {
    if (!data || !highlight) return data?.people;
    const shown = new Set(data.people.map((p) => p.slug));
    const through = data.record
      .filter((p) => highlight.people.has(p.slug) && !shown.has(p.slug))
      .map((p) => mapPersonOf(p, null, true));
    return [...data.people, ...through];
  }, [data, highlight]);
  const layout = useMemo(
    () => people && layoutMap(people, { textWidth: chipTextWidth, opened, pinned, t: ui }),
    [people, opened, pinned],
  );
  const person = selected ? people?.find((p) => p.slug === selected) : undefined;

  /** Saves an edit and says so; answers whether it was saved. */
  const run = (edit: Edit): Promise<boolean> =>
    stack.run(edit).then(
      () => {
        say('ok', ui.t('map_saved', { edit: edit.label }));
        return true;
      },
      (error: unknown) => {
        say('error', ui.t('map_notSaved', problem(error)));
        return false;
      },
    );

  const step = (which: 'undo' | 'redo') => {
    const action = which === 'undo' ? stack.undo() : stack.redo();
    const undo = which === 'undo';
    action.then(
      (edit) =>
        say(
          'ok',
          edit
            ? ui.t(undo ? 'map_undone' : 'map_redone', { edit: edit.label })
            : ui.t(undo ? 'map_nothingToUndo' : 'map_nothingToRedo'),
        ),
      (error: unknown) =>
        say('error', ui.t(undo ? 'map_undoFailed' : 'map_redoFailed', problem(error))),
    );
  };
  useUndoKeys(stack, step);

  const place = (who: MapPerson, patch: Partial<Placement>) =>
    void run(placeEdit(db, who.slug, who.name, patch, ui));

  const move = (who: MapPerson, slot: Slot) => {
    const before = slotOf(who);
    const patch: Partial<Placement> = {};
    if (slot.level !== before.level) patch.level = slot.level;
    if (slot.stance !== before.stance) patch.stance = slot.stance;
    if (slot.influence !== before.influence) patch.influence = slot.influence;
    if (Object.keys(patch).length === 0) return;
    // Keep them in sight in a crowd.
    setSelected(who.slug);
    void run({
      ...placeEdit(db, who.slug, who.name, patch, ui),
      label: ui.t('map_editMove', { name: who.name, slot: describeSlot(slot, ui) }),
    });
  };

  const showRecord = (slug: string) => {
    void openRecord(slug, tabId !== undefined ? { tabId } : {}).then(async (opened) => {
      if (opened) return;
      // The shortcut as the user has it now: Firefox's differs, and it can be changed.
      const shortcut = await sidePanelShortcut();
      say('error', shortcut ? ui.t('map_panelClosed', { shortcut }) : ui.t('common_panelFailed'));
    });
  };

  const exportAs = async (format: 'svg' | 'png') => {
    if (!data) return;
    try {
      const full = layoutMap(data.people, { textWidth: chipTextWidth, opened: ALL_SLOTS, t: ui });
      const svg = mapSvgText(document, full, data.ties, ui);
      const name = `alliance-map-${toDateInput(Date.now())}.${format}`;
      if (format === 'svg') downloadText(name, svg, 'image/svg+xml');
      else downloadBlob(name, await mapPng(svg, full));
      say('ok', ui.t('map_exported', { file: name }));
    } catch (error) {
      say('error', ui.t('map_exportFailed', problem(error)));
    }
  };

  if (error)
    return (
      <p class="error" role="alert">
        {ui.t('map_readFailed', problem(error))}
      </p>
    );
  if (!data || !layout)
    return (
      <p class="muted" role="status">
        {ui.t('map_drawing')}
      </p>
    );

  return (
    <div
      class="map-workspace"
      data-state="ready"
      data-current={current}
      data-people={data.people.length}
    >
      <div class="row map-toolbar">
        <button
          type="button"
          disabled={!undo.undo}
          aria-label={undo.undo ? ui.t('map_undoLabel', { edit: undo.undo }) : ui.t('map_undo')}
          onClick={() => step('undo')}
        >
          {ui.t('map_undo')}
        </button>
        <button
          type="button"
          disabled={!undo.redo}
          aria-label={undo.redo ? ui.t('map_redoLabel', { edit: undo.redo }) : ui.t('map_redo')}
          onClick={() => step('redo')}
        >
          {ui.t('map_redo')}
        </button>
        <div class="row" role="group" aria-label={ui.t('map_dragging')}>
          <button
            type="button"
            aria-pressed={dragMode === 'move'}
            onClick={() => setDragMode('move')}
          >
            {ui.t('map_dragMove')}
          </button>
          <button
            type="button"
            aria-pressed={dragMode === 'tie'}
            onClick={() => setDragMode('tie')}
          >
            {ui.t('map_dragTie')}
          </button>
        </div>
        <button type="button" onClick={() => void exportAs('svg')}>
          {ui.t('map_exportSvg')}
        </button>
        <button type="button" onClick={() => void exportAs('png')}>
          {ui.t('map_exportPng')}
        </button>
      </div>
      <p
        class={status?.kind === 'error' ? 'error' : 'muted'}
        role="status"
        data-testid="map-status"
      >
        {status?.text ?? ''}
      </p>
      {data.people.length === 0 && (
        <p class="muted">
          {rich(ui.t('map_empty'), {
            link: <a href={FIRST_RUN_PATH}>{ui.t('map_emptyLink')}</a>,
          })}
        </p>
      )}
      <div class="map-body">
        <MapCanvas
          layout={layout}
          ties={data.ties}
          selected={selected}
          highlight={highlight}
          tieFrom={tieFrom}
          dragMode={dragMode}
          onSelect={setSelected}
          onMove={move}
          onTie={(from, to) => {
            setTieFrom(null);
            setDraft({ from, to });
          }}
          onStartTie={(from) => {
            setTieFrom(from?.slug ?? null);
            say('ok', from ? ui.t('map_tying', { name: from.name }) : ui.t('map_noTie'));
          }}
          onToggleSlot={(slot) =>
            setOpened((before) => {
              const next = new Set(before);
              if (!next.delete(slot)) next.add(slot);
              return next;
            })
          }
          onOpenRecord={(who) => showRecord(who.slug)}
          announce={(text) => say('ok', text)}
        />
        <aside class="map-side stack">
          {person && (
            <PersonPanel
              key={person.slug}
              db={db}
              data={data}
              person={person}
              onPlace={(patch) => place(person, patch)}
              onTie={(other, label) => run(tieEdit(db, person, other, label, ui))}
              onUntie={(other) => void run(untieEdit(db, person, other, ui))}
              onOpenRecord={() => showRecord(person.slug)}
              onRoute={() => setTarget(person.slug)}
              onClose={() => setSelected(null)}
            />
          )}
          <RoutePanel
            keyHolders={keyHoldersOf(data)}
            record={data.record}
            target={target}
            route={route}
            onChoose={setTarget}
            onOpenRecord={showRecord}
            onShow={setSelected}
          />
          <details class="map-panel" id="map-keys">
            <summary>{ui.t('map_keyboard')}</summary>
            <ul>
              {KEYBOARD_HELP.map((key) => (
                <li key={key}>{ui.t(key)}</li>
              ))}
            </ul>
          </details>
        </aside>
      </div>
      {draft && (
        <TieDialog
          from={draft.from.name}
          to={draft.to.name}
          onCancel={() => {
            setDraft(null);
            say('ok', ui.t('map_noTie'));
          }}
          onSave={(label) => {
            setDraft(null);
            void run(tieEdit(db, draft.from, draft.to, label, ui));
          }}
        />
      )}
    </div>
  );
}
