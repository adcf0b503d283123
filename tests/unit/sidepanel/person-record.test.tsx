// @vitest-environment jsdom
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { buttonNamed, byLabel, click, mount, settle, typeInto, type Mounted } from './render';
import { PersonRecord } from '@/components/PersonRecord';
import { SAVE_DELAY_MS } from '@/components/usePatchSaver';
import { useLiveQuery } from '@/components/useLiveQuery';
import { addTie, updatePerson } from '@/utils/db/records';
import { AllianceDb } from '@/utils/db/schema';
import { DEFAULT_SETTINGS, LIMITS, newPerson } from '@/utils/model';
import { stored } from '../../support/stored';

const NOW = Date.now();
let db: AllianceDb;
let view: Mounted | undefined;

/** The record as the side panel shows it: live from the database. */
function LiveRecord({ slug, onDeleted = () => undefined }: { slug: string; onDeleted?(): void }) {
  const live = useLiveQuery(() => db.people.get(slug), [slug]);
  if (live.status !== 'ready' || !live.value) return <p>gone</p>;
  return (
    <PersonRecord
      db={db}
      person={live.value}
      settings={DEFAULT_SETTINGS}
      onOpen={() => undefined}
      onDeleted={onDeleted}
    />
  );
}

async function showDana() {
  view = await mount(<LiveRecord slug="dana" />);
  await settle(() => view!.root.querySelector('#record-title'));
  return view.root;
}

const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

beforeEach(async () => {
  localStorage.clear();
  db = new AllianceDb(`record-${crypto.randomUUID()}`);
  await db.people.bulkAdd(
    [
      newPerson('dana', NOW, { name: 'Dana Lee', company: 'Acme', roles: ['mentor'] }),
      newPerson('sam', NOW, { name: 'Sam Okafor' }),
    ].map(stored),
  );
});
afterEach(async () => {
  await view?.unmount();
  view = undefined;
  db.close();
  await db.delete();
});
// Preact runs a re-rendered component's effect cleanups after the next frame, or 35 ms without
// one: the last test's must run before jsdom goes (a CI run saw one find no `document`).
afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));

describe('the record saves as the user types', () => {
  it('writes after a pause in typing, not on every keystroke', async () => {
    const root = await showDana();
    const motivations = byLabel<HTMLTextAreaElement>(root, 'Motivations');
    await typeInto(motivations, 'Wants');
    await typeInto(motivations, 'Wants the migration');
    await wait(SAVE_DELAY_MS / 4);
    expect((await db.people.get('dana'))?.motivations).toBe('');
    await wait(SAVE_DELAY_MS);
    expect((await db.people.get('dana'))?.motivations).toBe('Wants the migration');
  });

  it('keeps an edit when the panel is hidden before the pause ends', async () => {
    const root = await showDana();
    await typeInto(byLabel<HTMLInputElement>(root, 'Company'), 'Globex');
    expect(localStorage.getItem('alliance-map:unsaved:dana')).toContain('Globex');
    await act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await wait(30);
    expect((await db.people.get('dana'))?.company).toBe('Globex');
    // Once written, nothing is left for the next panel to recover.
    expect(localStorage.getItem('alliance-map:unsaved:dana')).toBeNull();
  });

  it('keeps an edit when the record view goes away mid-edit', async () => {
    const root = await showDana();
    await typeInto(byLabel<HTMLInputElement>(root, 'Headline'), 'VP Platform');
    await view!.unmount();
    view = undefined;
    await wait(30);
    expect((await db.people.get('dana'))?.headline).toBe('VP Platform');
  });

  it('saves choices and the decision-maker box at once', async () => {
    const root = await showDana();
    const stance = byLabel<HTMLSelectElement>(root, 'Stance toward me');
    await act(() => {
      stance.value = 'champion';
      stance.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(root.querySelector<HTMLInputElement>('input[type="checkbox"]')!);
    await wait(30);
    expect(await db.people.get('dana')).toMatchObject({ stance: 'champion', decisionMaker: true });
  });

  it('toggles roles from the stored value, so quick clicks all count', async () => {
    const root = await showDana();
    await click(buttonNamed(root, 'Sponsor'));
    await click(buttonNamed(root, 'Ally'));
    await settle(() => buttonNamed(root, 'Ally').getAttribute('aria-pressed') === 'true');
    expect((await db.people.get('dana'))?.roles.sort()).toEqual(['ally', 'mentor', 'sponsor']);
  });

  it('shows a change made in another view at once', async () => {
    const root = await showDana();
    await updatePerson(db, 'dana', { level: 'plus2', name: 'Dana Lee-Park' }, Date.now());
    await settle(() => byLabel<HTMLSelectElement>(root, 'Level above me').value === 'plus2');
    expect(byLabel<HTMLInputElement>(root, 'Name').value).toBe('Dana Lee-Park');
    expect(root.querySelector('#record-title')?.textContent).toBe('Dana Lee-Park');
  });
});

describe('bad input gets a message or a limit, never a broken record', () => {
  it('refuses an empty name with a message and keeps the saved one', async () => {
    const root = await showDana();
    const name = byLabel<HTMLInputElement>(root, 'Name');
    await act(() => name.focus());
    await typeInto(name, '   ');
    expect(root.textContent).toContain('A name cannot be empty');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await act(() => name.blur());
    await wait(SAVE_DELAY_MS + 50);
    expect((await db.people.get('dana'))?.name).toBe('Dana Lee');
    expect(name.value).toBe('Dana Lee');
  });

  it('cuts a 50,000-character note to the limit and says so', async () => {
    const root = await showDana();
    const note = byLabel<HTMLTextAreaElement>(root, 'New note');
    await typeInto(note, 'x'.repeat(50_000));
    expect(root.textContent).toContain(`limited to ${LIMITS.noteText.toLocaleString()} characters`);
    await click(buttonNamed(root, 'Add note'));
    await settle(() => root.querySelector('.entry-note'));
    const [saved] = await db.notes.toArray();
    expect(saved?.text.length).toBe(LIMITS.noteText);
  });

  it('refuses a touch dated in the year 10000', async () => {
    const root = await showDana();
    const date = byLabel<HTMLInputElement>(root, 'Date');
    await typeInto(date, '10000-01-01');
    await click(buttonNamed(root, 'Offered help'));
    await settle(() => root.textContent?.includes('between the years 1900 and 9999'));
    expect(await db.touches.count()).toBe(0);
  });

  it('logs a habit in one click with its default direction and the optional note', async () => {
    const root = await showDana();
    await typeInto(byLabel<HTMLInputElement>(root, 'Note for the touch (optional)'), 'Coffee');
    await click(buttonNamed(root, 'Asked for feedback'));
    await settle(() => root.querySelector('.entry-touch'));
    const [touch] = await db.touches.toArray();
    expect(touch).toMatchObject({
      personSlug: 'dana',
      kind: 'asked-feedback',
      direction: 'received',
      note: 'Coffee',
    });
    expect(root.querySelector('.entry-touch')?.textContent).toContain('Asked for feedback');
  });

  it('refuses days between touches out of range and accepts empty for the default', async () => {
    const root = await showDana();
    const cadence = byLabel<HTMLInputElement>(root, 'Days between touches');
    await typeInto(cadence, '5000');
    expect(root.textContent).toContain('Enter whole days from 1 to 365');
    await typeInto(cadence, '14');
    await wait(SAVE_DELAY_MS + 50);
    expect((await db.people.get('dana'))?.cadenceDays).toBe(14);
  });

  it('never offers a tie to oneself', async () => {
    const root = await showDana();
    await typeInto(byLabel<HTMLInputElement>(root, 'Tie Dana Lee to…'), 'Dana');
    await settle(() => root.textContent?.includes('Nobody in your records by that name.'));
    await typeInto(byLabel<HTMLInputElement>(root, 'Tie Dana Lee to…'), 'Sam');
    await click(await settle(() => buttonNamed(root, 'Tie to Sam Okafor')));
    await settle(() => root.textContent?.includes('Tied to Sam Okafor.'));
    expect((await db.ties.toArray()).map((t) => [t.a, t.b])).toEqual([['dana', 'sam']]);
    await expect(addTie(db, 'dana', 'dana', '', NOW)).rejects.toThrow(
      'cannot be tied to themselves',
    );
  });
});

describe('follow-ups, merge and delete', () => {
  it('marks an overdue follow-up in words', async () => {
    const root = await showDana();
    await typeInto(byLabel<HTMLInputElement>(root, 'New follow-up'), 'Send the deck');
    await typeInto(byLabel<HTMLInputElement>(root, 'Due'), '2020-03-01');
    await click(buttonNamed(root, 'Add follow-up'));
    await settle(() => root.querySelector('.follow-up.overdue'));
    expect(root.querySelector('.follow-up.overdue')?.textContent).toMatch(
      /Send the deck.*Overdue since/,
    );
  });

  it('merges a duplicate only after confirmation', async () => {
    const root = await showDana();
    await typeInto(
      byLabel<HTMLInputElement>(root, 'Merge a duplicate record into this one'),
      'sam',
    );
    await click(await settle(() => buttonNamed(root, 'Merge Sam Okafor…')));
    expect(await db.people.get('sam')).toBeDefined();
    await click(buttonNamed(root, 'Merge'));
    await settle(() => root.textContent?.includes('Merged Sam Okafor into this record.'));
    expect(await db.people.get('sam')).toBeUndefined();
    expect((await db.people.get('dana'))?.aliases).toContain('sam');
  });

  it('deletes only after confirmation', async () => {
    let deleted = false;
    view = await mount(<LiveRecord slug="dana" onDeleted={() => (deleted = true)} />);
    await settle(() => view!.root.querySelector('#record-title'));
    const root = view.root;
    await click(buttonNamed(root, 'Delete this person…'));
    expect(await db.people.get('dana')).toBeDefined();
    await click(buttonNamed(root, 'Cancel'));
    await click(buttonNamed(root, 'Delete this person…'));
    await click(buttonNamed(root, 'Delete for good'));
    await settle(() => deleted);
    expect(await db.people.get('dana')).toBeUndefined();
  });
});
