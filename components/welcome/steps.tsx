import { useState } from 'preact/hooks';
import { ChosenPeople } from './ChosenPeople';
import { PersonFinder } from './PersonFinder';
import { LinkedInImportSection } from '../options/LinkedInImportSection';
import { liveValue, useLiveQuery } from '../useLiveQuery';
import { recordPerson, toggleRole, updatePerson } from '@/utils/db/records';
import { loadWeeklyReport } from '@/utils/loaders/weekly-report';
import type { AllianceDb } from '@/utils/db/schema';
import { BOARD_MAX, BOARD_MIN } from '@/utils/insights/scores';
import { weekStartOf } from '@/utils/insights/weeks';
import { labelKey, ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';
import type { Person, Role, Settings } from '@/utils/model';
import {
  DECIDER_LEVEL,
  DECIDERS,
  type Decider,
  type WelcomeProgress,
} from '@/utils/welcome-progress';

function useReport(): [string, (error: unknown) => void] {
  const [error, setError] = useState('');
  return [error, (reason: unknown) => setError(errorText(ui, reason))];
}

function Problem({ text }: { text: string }) {
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}

/** Step 1: LinkedIn's Connections.csv, so that names can be found by typing. The options page's own import. */
export function ImportStep() {
  return (
    <div class="stack">
      <p>{ui.t('welcome_importIntro')}</p>
      <LinkedInImportSection />
    </div>
  );
}

/** The people named in a list of slugs, in that order, kept current. */
function usePeople(db: AllianceDb, slugs: readonly string[]): Person[] {
  const live = useLiveQuery(() => db.people.bulkGet([...slugs]), [db, slugs.join('\u0000')]);
  return liveValue(live, []).filter((person) => person !== undefined);
}

function DeciderBlock({
  db,
  kind,
  slugs,
  onChange,
}: {
  db: AllianceDb;
  kind: Decider;
  slugs: readonly string[];
  onChange(slugs: string[]): void;
}) {
  const people = usePeople(db, slugs);
  const [problem, report] = useReport();
  const level = DECIDER_LEVEL[kind];
  return (
    <section class="stack card" aria-labelledby={`decider-${kind}`}>
      <h3 id={`decider-${kind}`}>{ui.t(`decider_${kind}_title`)}</h3>
      <ChosenPeople
        db={db}
        people={people}
        empty={ui.t('welcome_nobodyNamed')}
        removeLabel={(name) => ui.t(`decider_${kind}_remove`, { name })}
        onRemove={(person) => {
          onChange(slugs.filter((slug) => slug !== person.slug));
          void updatePerson(db, person.slug, { decisionMaker: false }, Date.now()).catch(report);
        }}
        report={report}
      />
      <PersonFinder
        db={db}
        label={ui.t(`decider_${kind}_find`)}
        action={(name) => ui.t(`decider_${kind}_add`, { name })}
        onChoose={(seen) =>
          void recordPerson(
            db,
            seen,
            { decisionMaker: true, ...(level ? { level } : {}) },
            Date.now(),
          ).then(
            (person) => !slugs.includes(person.slug) && onChange([...slugs, person.slug]),
            report,
          )
        }
      />
      {problem && <Problem text={problem} />}
    </section>
  );
}

/** Step 2: who decides the next promotion. */
export function DecidersStep({
  db,
  progress,
  onChange,
}: {
  db: AllianceDb;
  progress: WelcomeProgress;
  onChange(deciders: WelcomeProgress['deciders']): void;
}) {
  return (
    <div class="stack">
      <p>{ui.t('welcome_decidersIntro')}</p>
      {DECIDERS.map((kind) => (
        <DeciderBlock
          key={kind}
          db={db}
          kind={kind}
          slugs={progress.deciders[kind]}
          onChange={(slugs) => onChange({ ...progress.deciders, [kind]: slugs })}
        />
      ))}
    </div>
  );
}

/** The role each role step tags (its words are the `roleStep_`, `roleFind_`… messages). */
export const ROLE_STEPS: Record<'mentors' | 'sponsor' | 'allies' | 'board', Role> = {
  mentors: 'mentor',
  sponsor: 'sponsor',
  allies: 'ally',
  board: 'advisor',
};

/** Steps 3 to 6: mentors, a sponsor, allies, a board of advisors. */
export function RoleStep({ db, step }: { db: AllianceDb; step: keyof typeof ROLE_STEPS }) {
  const role = ROLE_STEPS[step];
  const bounds = { min: BOARD_MIN, max: BOARD_MAX };
  const live = useLiveQuery(
    () => db.people.filter((person) => person.roles.includes(role)).toArray(),
    [db, role],
  );
  const people = liveValue(live, []);
  const [problem, report] = useReport();
  return (
    <div class="stack">
      <p>{ui.t(`roleStep_${step}`, bounds)}</p>
      {step === 'board' && (
        <p
          role="status"
          class={people.length >= BOARD_MIN && people.length <= BOARD_MAX ? 'ok' : 'muted'}
        >
          {ui.t(
            people.length < BOARD_MIN
              ? 'board_small'
              : people.length > BOARD_MAX
                ? 'board_large'
                : 'board_good',
            { count: people.length, ...bounds },
          )}
        </p>
      )}
      <ChosenPeople
        db={db}
        people={people}
        empty={ui.t(`roleEmpty_${step}`)}
        removeLabel={(name) => ui.t(`roleRemove_${step}`, { name })}
        onRemove={(person) =>
          void toggleRole(db, { slug: person.slug }, role, Date.now()).catch(report)
        }
        report={report}
      />
      <PersonFinder
        db={db}
        label={ui.t(`roleFind_${step}`)}
        action={(name) => ui.t(`roleAdd_${step}`, { name })}
        onChoose={(seen) => void recordPerson(db, seen, {}, Date.now(), [role]).catch(report)}
      />
      {problem && <Problem text={problem} />}
    </div>
  );
}

/** The end: the map as built, and the first week's actions from the weekly report's engine. */
export function DoneStep({ db, settings }: { db: AllianceDb; settings: Settings }) {
  const live = useLiveQuery(
    () => loadWeeklyReport(db, weekStartOf(Date.now(), settings.weekStart), settings, Date.now()),
    [db, settings],
  );
  const report = liveValue(live, undefined);
  return (
    <div class="stack">
      <section class="stack" aria-labelledby="first-week-title">
        <h3 id="first-week-title">{ui.t('welcome_firstWeek')}</h3>
        {live.status === 'error' ? (
          <Problem text={ui.t('welcome_actionsError', { detail: live.error.message })} />
        ) : !report ? (
          <p class="muted">{ui.t('welcome_working')}</p>
        ) : report.nextActions.length ? (
          <ol class="first-week" data-testid="first-week">
            {report.nextActions.map((action) => (
              <li key={action.id}>
                {action.text}
                {action.habit && (
                  <>
                    {' '}
                    <span class="muted">({ui.t(labelKey('touch', action.habit))})</span>
                  </>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{ui.t('welcome_nothingYet')}</p>
        )}
        {report && report.gaps.length > 0 && (
          <ul>
            {report.gaps.map((gap) => (
              <li key={gap.id}>{gap.text}</li>
            ))}
          </ul>
        )}
        <p>
          <a href="/map.html">{ui.t('welcome_openMap')}</a> ·{' '}
          <a href="/report.html">{ui.t('welcome_openReport')}</a>
        </p>
      </section>
      <section class="stack" aria-labelledby="your-map-title">
        <h3 id="your-map-title">{ui.t('welcome_yourMap')}</h3>
        {/* The map page itself, so that there is one map (and its code stays off the popup's). */}
        <iframe class="welcome-map" src="/map.html?embedded" title={ui.t('welcome_mapFrame')} />
      </section>
    </div>
  );
}
