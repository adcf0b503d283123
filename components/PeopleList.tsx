import { useMemo } from 'preact/hooks';
import { ChoiceField, FilterSelect } from './fields';
import { RoleChips } from './RoleChips';
import { liveValue, useReadOnChange } from './useLiveQuery';
import { VirtualList } from './VirtualList';
import {
  PEOPLE_SORTS,
  buildPersonRows,
  filterRows,
  sortRows,
  type PeopleFilter,
  type PeopleSort,
  type PersonRow,
} from '@/utils/people-rows';
import { loadPeopleListData } from '@/utils/db/panel-reads';
import type { AllianceDb } from '@/utils/db/schema';
import { labelKey, ui } from '@/utils/i18n';
import { LEVELS, ROLES, STANCES, type Settings } from '@/utils/model';

/** Row height of the people list: the windowing needs one fixed height. */
export const PERSON_ROW_HEIGHT = 64;

/** What the list shows; kept by the page so that going back to the list finds it as it was. */
export interface PeopleListState {
  filter: PeopleFilter;
  sort: PeopleSort;
}

interface PeopleListProps {
  db: AllianceDb;
  settings: Settings;
  state: PeopleListState;
  onChange(state: PeopleListState): void;
  onOpen(slug: string): void;
}

function PersonLine({ row, onOpen }: { row: PersonRow; onOpen(slug: string): void }) {
  const name = row.name || row.slug;
  const facts = [
    row.company,
    row.lastTouchAt !== null
      ? ui.t('people_lastTouch', { date: ui.day(row.lastTouchAt) })
      : ui.t('people_noTouch'),
  ].filter(Boolean);
  return (
    <div class="person-line">
      <button type="button" class="person-open" onClick={() => onOpen(row.slug)}>
        <span class="person-name">
          <strong class="clip-line">{name}</strong>
          <RoleChips roles={row.roles} />
        </span>
        <span class="muted clip-line">
          {facts.join(' · ')}
          {row.isDue && <span class="flag"> · {ui.t('people_due')}</span>}
          {row.overdueFollowUps > 0 && (
            <span class="flag error">
              {' · '}
              {ui.n('people_overdue', row.overdueFollowUps)}
            </span>
          )}
        </span>
      </button>
      {row.profileUrl && (
        <a
          href={row.profileUrl}
          target="_blank"
          rel="noreferrer"
          aria-label={ui.t('people_profileLabel', { name })}
        >
          {ui.t('people_profile')}
        </a>
      )}
    </div>
  );
}

/**
 * Everyone in the records: search by name, company or note text; filter by role, stance,
 * level, due and overdue; sort by last touch or name. Windowed, so it stays fast at 10,000.
 */
export function PeopleList({ db, settings, state, onChange, onOpen }: PeopleListProps) {
  const live = useReadOnChange(() => loadPeopleListData(db), [], { waitForQuietInput: true });
  const data = liveValue(live, undefined);
  // The search index is built here, once per change of the data, never per keystroke.
  const rows = useMemo(
    () => (data ? buildPersonRows(data, settings, Date.now()) : []),
    [data, settings],
  );
  const sorted = useMemo(() => sortRows(rows, state.sort), [rows, state.sort]);
  const shown = useMemo(() => filterRows(sorted, state.filter), [sorted, state.filter]);
  const setFilter = (patch: Partial<PeopleFilter>) =>
    onChange({ ...state, filter: { ...state.filter, ...patch } });
  const { filter } = state;

  return (
    <section class="people" aria-labelledby="people-title">
      <h2 id="people-title" tabIndex={-1}>
        {ui.t('people_title')}
      </h2>
      <div class="stack filters">
        <label class="field">
          <span>{ui.t('people_search')}</span>
          <input
            type="search"
            value={filter.query}
            maxLength={200}
            onInput={(event) => setFilter({ query: event.currentTarget.value })}
          />
        </label>
        <div class="grid-2">
          <FilterSelect
            label={ui.t('people_role')}
            value={filter.role}
            any={ui.t('people_anyRole')}
            options={ROLES}
            labels={(role) => ui.t(labelKey('role', role))}
            onChoose={(role) => setFilter({ role })}
          />
          <FilterSelect
            label={ui.t('people_stance')}
            value={filter.stance}
            any={ui.t('people_anyStance')}
            options={STANCES}
            labels={(stance) => ui.t(labelKey('stance', stance))}
            onChoose={(stance) => setFilter({ stance })}
          />
          <FilterSelect
            label={ui.t('people_level')}
            value={filter.level}
            any={ui.t('people_anyLevel')}
            options={LEVELS}
            labels={(level) => ui.t(labelKey('level', level))}
            onChoose={(level) => setFilter({ level })}
          />
          <ChoiceField
            label={ui.t('people_sortBy')}
            value={state.sort}
            options={PEOPLE_SORTS}
            labels={(sort) => ui.t(labelKey('sort', sort))}
            onChoose={(sort) => onChange({ ...state, sort })}
          />
        </div>
        <div class="row">
          <label class="check">
            <input
              type="checkbox"
              checked={filter.dueOnly}
              onChange={(e) => setFilter({ dueOnly: e.currentTarget.checked })}
            />
            {ui.t('people_dueOnly')}
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={filter.overdueOnly}
              onChange={(e) => setFilter({ overdueOnly: e.currentTarget.checked })}
            />
            {ui.t('people_overdueOnly')}
          </label>
        </div>
      </div>
      <p role="status" class="muted" data-testid="people-count">
        {live.status === 'loading'
          ? ui.t('people_loading')
          : live.status === 'error'
            ? ''
            : ui.n('people_count', rows.length, { shown: shown.length })}
      </p>
      {live.status === 'error' && (
        <p class="error">{ui.t('people_readError', { detail: live.error.message })}</p>
      )}
      {live.status === 'ready' && rows.length === 0 && <p class="muted">{ui.t('people_nobody')}</p>}
      {live.status === 'ready' && rows.length > 0 && shown.length === 0 && (
        <p class="muted">{ui.t('people_noMatch')}</p>
      )}
      <VirtualList
        items={shown}
        rowHeight={PERSON_ROW_HEIGHT}
        label={ui.t('people_title')}
        rowKey={(row) => row.slug}
        resetKey={JSON.stringify(state)}
        renderRow={(row) => <PersonLine row={row} onOpen={onOpen} />}
      />
    </section>
  );
}
