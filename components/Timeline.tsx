import { useState } from 'preact/hooks';
import { useFieldId, DayInput } from './fields';
import { liveValue, useLiveQuery } from './useLiveQuery';
import { type TimelineEntry } from '@/utils/people-rows';
import { loadTimeline } from '@/utils/db/panel-reads';
import { addNote, editNote, type SeenIdentity } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { fromDateInput, toDateInput } from '@/utils/format';
import { labelKey, ui } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/user-error';
import { LIMITS } from '@/utils/model';

/** Entries drawn at first; a person with years of history shows more on request. */
const PAGE = 30;

interface TimelineProps {
  db: AllianceDb;
  identity: SeenIdentity;
  report(kind: 'ok' | 'error', text: string): void;
}

function NoteEditor({
  db,
  entry,
  report,
  onDone,
}: {
  db: AllianceDb;
  entry: TimelineEntry & { type: 'note' };
  report: TimelineProps['report'];
  onDone(): void;
}) {
  const [text, setText] = useState(entry.text);
  const id = useFieldId('edit-note');
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        editNote(db, entry.id, text, Date.now())
          .then(() => {
            report('ok', ui.t(text.trim() ? 'timeline_noteSaved' : 'timeline_noteDeleted'));
            onDone();
          })
          .catch((error: unknown) => report('error', errorText(ui, error)));
      }}
    >
      <label for={id}>{ui.t('timeline_editLabel', { date: ui.day(entry.at) })}</label>
      <textarea
        id={id}
        rows={4}
        maxLength={LIMITS.noteText}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="row">
        <button type="submit" class="primary">
          {ui.t(text.trim() ? 'timeline_saveNote' : 'timeline_deleteNote')}
        </button>
        <button type="button" onClick={onDone}>
          {ui.t('common_cancel')}
        </button>
      </div>
    </form>
  );
}

/** Characters of a long note shown before the user asks for the rest. */
const PREVIEW = 600;

/** A note's text; a very long one shows its beginning and a button for the rest. */
function EntryText({ text }: { text: string }) {
  const [whole, setWhole] = useState(false);
  const long = text.length > PREVIEW;
  return (
    <>
      <p class="entry-text" dir="auto">
        {long && !whole ? `${text.slice(0, PREVIEW)}…` : text}
      </p>
      {long && (
        <button type="button" class="link" aria-expanded={whole} onClick={() => setWhole(!whole)}>
          {whole ? ui.t('timeline_showLess') : ui.t('timeline_showAll', { count: text.length })}
        </button>
      )}
    </>
  );
}

/** Notes and touches together, newest first, with a form to add a dated note. */
export function Timeline({ db, identity, report }: TimelineProps) {
  const live = useLiveQuery(() => loadTimeline(db, identity.slug), [identity.slug]);
  const entries = liveValue(live, []);
  const [shown, setShown] = useState(PAGE);
  const [editing, setEditing] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [day, setDay] = useState(() => toDateInput(Date.now()));
  const id = useFieldId('timeline');

  const add = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      report('error', ui.t('timeline_noteEmpty'));
      return;
    }
    const at = day === toDateInput(Date.now()) ? Date.now() : fromDateInput(day);
    if (!Number.isFinite(at) || at < LIMITS.minDate || at > LIMITS.maxDate) {
      report('error', ui.t('timeline_dateRange'));
      return;
    }
    try {
      await addNote(db, identity, text, Date.now(), at);
      setText('');
      report('ok', ui.t('timeline_noteSaved'));
    } catch (error) {
      report('error', errorText(ui, error));
    }
  };

  return (
    <section class="stack" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{ui.t('timeline_title')}</h3>
      <form class="stack" onSubmit={(event) => void add(event)}>
        <div class="field">
          <label for={`${id}-text`}>{ui.t('timeline_newNote')}</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            maxLength={LIMITS.noteText}
            value={text}
            aria-describedby={text.length >= LIMITS.noteText ? `${id}-limit` : undefined}
            onInput={(event) => setText(event.currentTarget.value.slice(0, LIMITS.noteText))}
          />
          {text.length >= LIMITS.noteText && (
            <span id={`${id}-limit`} class="muted">
              {ui.t('timeline_noteLimit', { max: LIMITS.noteText })}
            </span>
          )}
        </div>
        <div class="row">
          <label for={`${id}-date`}>{ui.t('timeline_dated')}</label>
          <DayInput id={`${id}-date`} value={day} onChange={setDay} />
          <button type="submit">{ui.t('timeline_addNote')}</button>
        </div>
      </form>
      {live.status === 'error' && (
        <p class="error">{ui.t('timeline_readError', { detail: live.error.message })}</p>
      )}
      {live.status === 'ready' && entries.length === 0 && (
        <p class="muted">{ui.t('timeline_empty')}</p>
      )}
      <ol class="timeline" aria-label={ui.t('timeline_listLabel')}>
        {entries.slice(0, shown).map((entry) => (
          <li key={entry.id} class={`entry entry-${entry.type}`}>
            <div class="row entry-head">
              <strong>
                {entry.type === 'note'
                  ? ui.t('timeline_note')
                  : ui.t(labelKey('touch', entry.kind))}
              </strong>
              <span class="muted">
                {ui.day(entry.at)}
                {entry.type === 'touch' && ` · ${ui.t(labelKey('direction', entry.direction))}`}
              </span>
            </div>
            {entry.type === 'note' && editing === entry.id ? (
              <NoteEditor db={db} entry={entry} report={report} onDone={() => setEditing(null)} />
            ) : (
              <>
                {(entry.type === 'note' ? entry.text : entry.note) && (
                  <EntryText text={entry.type === 'note' ? entry.text : entry.note} />
                )}
                {entry.type === 'note' && (
                  <button
                    type="button"
                    class="link"
                    aria-label={ui.t('timeline_editLabel', { date: ui.day(entry.at) })}
                    onClick={() => setEditing(entry.id)}
                  >
                    {ui.t('timeline_edit')}
                  </button>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {entries.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          {ui.t('timeline_showOlder', { count: Math.min(PAGE, entries.length - shown) })}
        </button>
      )}
    </section>
  );
}
