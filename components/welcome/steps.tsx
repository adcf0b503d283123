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
import { LABELS, type Person, type Role, type Settings } from '@/utils/model';
import {
  DECIDER_LEVEL,
  DECIDERS,
  type Decider,
  type WelcomeProgress,
} from '@/utils/welcome-progress';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function useReport(): [string, (error: unknown) => void] {
  const [error, setError] = useState('');
  return [error, (reason: unknown) => setError(errorText(reason))];
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
      <p>
        Optional. With your LinkedIn connections imported, you find people in the next steps by
        typing their name; without them, paste each person's LinkedIn profile address. Nothing
        leaves this computer.
      </p>
      <LinkedInImportSection />
    </div>
  );
}

const DECIDER_TEXT: Record<Decider, { title: string; as: string }> = {
  manager: { title: 'Your manager', as: 'your manager' },
  managersManager: { title: "Your manager's manager", as: "your manager's manager" },
  head: { title: 'The head of your office or department', as: 'the head of your office' },
  other: { title: 'Anyone else who decides', as: 'someone who decides' },
};

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
  const text = DECIDER_TEXT[kind];
  const level = DECIDER_LEVEL[kind];
  return (
    <section class="stack card" aria-labelledby={`decider-${kind}`}>
      <h3 id={`decider-${kind}`}>{text.title}</h3>
      <ChosenPeople
        db={db}
        people={people}
        empty="Nobody named yet."
        removeLabel={(name) => `Remove ${name} as ${text.as}`}
        onRemove={(person) => {
          onChange(slugs.filter((slug) => slug !== person.slug));
          void updatePerson(db, person.slug, { decisionMaker: false }, Date.now()).catch(report);
        }}
        report={report}
      />
      <PersonFinder
        db={db}
        label={`Find ${text.as}`}
        action={(name) => `Add ${name} as ${text.as}`}
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
      <p>
        The keys to a promotion are often held one, two or more levels above you, and a leader who
        barely knows you can veto it. Name the people who decide: each becomes a key holder on your
        map. Set how much influence each has on your career and where they stand toward you: one
        click each.
      </p>
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

/** What each role step says, and the words of its buttons. */
export const ROLE_STEPS: Record<
  'mentors' | 'sponsor' | 'allies' | 'board',
  { role: Role; intro: string; as: string; empty: string }
> = {
  mentors: {
    role: 'mentor',
    intro:
      'Mentors advise: a sounding board for your questions and plans. You can have several, and they often pay it forward.',
    as: 'a mentor',
    empty: 'No mentor yet.',
  },
  sponsor: {
    role: 'sponsor',
    intro:
      'A sponsor advocates: someone senior who puts your name forward when you are not in the room and stakes their reputation on you.',
    as: 'a sponsor',
    empty: 'No sponsor yet.',
  },
  allies: {
    role: 'ally',
    intro:
      'Allies support your efforts: peers, people above you, people who report to you. Alliances hold on mutual benefit, a shared purpose, or both.',
    as: 'an ally',
    empty: 'No ally yet.',
  },
  board: {
    role: 'advisor',
    intro: `Rather than one role model, keep a board of advisors: ${BOARD_MIN} to ${BOARD_MAX} people whose counsel you seek, each for what they know best.`,
    as: 'an advisor',
    empty: 'Nobody on your board yet.',
  },
};

/** Steps 3 to 6: mentors, a sponsor, allies, a board of advisors. */
export function RoleStep({ db, step }: { db: AllianceDb; step: keyof typeof ROLE_STEPS }) {
  const { role, intro, as, empty } = ROLE_STEPS[step];
  const live = useLiveQuery(
    () => db.people.filter((person) => person.roles.includes(role)).toArray(),
    [db, role],
  );
  const people = liveValue(live, []);
  const [problem, report] = useReport();
  return (
    <div class="stack">
      <p>{intro}</p>
      {step === 'board' && (
        <p
          role="status"
          class={people.length >= BOARD_MIN && people.length <= BOARD_MAX ? 'ok' : 'muted'}
        >
          {people.length} on your board:{' '}
          {people.length < BOARD_MIN
            ? `aim for ${BOARD_MIN} to ${BOARD_MAX}.`
            : people.length > BOARD_MAX
              ? `more than ${BOARD_MAX} is hard to keep up with.`
              : 'a good size.'}
        </p>
      )}
      <ChosenPeople
        db={db}
        people={people}
        empty={empty}
        removeLabel={(name) => `Remove ${name} as ${as}`}
        onRemove={(person) =>
          void toggleRole(db, { slug: person.slug }, role, Date.now()).catch(report)
        }
        report={report}
      />
      <PersonFinder
        db={db}
        label={`Find ${as}`}
        action={(name) => `Add ${name} as ${as}`}
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
        <h3 id="first-week-title">Your first week</h3>
        {live.status === 'error' ? (
          <Problem text={`Could not work out your actions: ${live.error.message}`} />
        ) : !report ? (
          <p class="muted">Working out your first actions…</p>
        ) : report.nextActions.length ? (
          <ol class="first-week" data-testid="first-week">
            {report.nextActions.map((action) => (
              <li key={action.id}>
                {action.text}
                {action.habit && (
                  <>
                    {' '}
                    <span class="muted">({LABELS.touch[action.habit].toLowerCase()})</span>
                  </>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">Nothing to do yet: name the people who decide and those who back you.</p>
        )}
        {report && report.gaps.length > 0 && (
          <ul>
            {report.gaps.map((gap) => (
              <li key={gap.id}>{gap.text}</li>
            ))}
          </ul>
        )}
        <p>
          <a href="/map.html">Open the alliance map</a> ·{' '}
          <a href="/report.html">Open the weekly report</a>
        </p>
      </section>
      <section class="stack" aria-labelledby="your-map-title">
        <h3 id="your-map-title">Your map</h3>
        {/* The map page itself, so that there is one map (and its code stays off the popup's). */}
        <iframe class="welcome-map" src="/map.html?embedded" title="Your alliance map" />
      </section>
    </div>
  );
}
