import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UndoStack, type Edit } from '@/utils/map/undo';

/** A store of named values, written after a pause, like the database. */
function store() {
  const values = new Map<string, number>();
  const later = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
  // As the map's edits do, the value to go back to is read when the edit is applied: an undo
  // asked just before may not have run when the edit was made.
  const set = (key: string, value: number): Edit => {
    let before: number | undefined;
    return {
      label: `${key} to ${value}`,
      apply: async () => {
        await later();
        before = values.get(key);
        values.set(key, value);
      },
      revert: async () => {
        await later();
        if (before === undefined) values.delete(key);
        else values.set(key, before);
      },
    };
  };
  return { values, set };
}

type Step = { kind: 'set'; key: string; value: number } | { kind: 'undo' } | { kind: 'redo' };

const arbitraryStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    key: fc.constantFrom('a', 'b', 'c'),
    value: fc.integer({ min: 0, max: 9 }),
  }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

/** What the values must be: replay the edits that are applied now, in order. */
function model(steps: readonly Step[], limit: number): Map<string, number> {
  const done: Array<{ key: string; value: number }> = [];
  const undone: typeof done = [];
  const base: typeof done = [];
  for (const step of steps) {
    if (step.kind === 'set') {
      done.push(step);
      // Past the limit the oldest edit can no longer be undone: it becomes part of the base.
      if (done.length > limit) base.push(done.shift()!);
      undone.length = 0;
    } else if (step.kind === 'undo') {
      const edit = done.pop();
      if (edit) undone.push(edit);
    } else {
      const edit = undone.pop();
      if (edit) done.push(edit);
    }
  }
  const values = new Map<string, number>();
  for (const edit of [...base, ...done]) values.set(edit.key, edit.value);
  return values;
}

describe('UndoStack', () => {
  it('after any edits, undos and redos, holds exactly the edits still applied', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryStep, { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        async (steps, limit) => {
          const { values, set } = store();
          const stack = new UndoStack(limit);
          // Asked all at once, as fast typing would: the stack still runs them in order.
          for (const step of steps) {
            if (step.kind === 'set') void stack.run(set(step.key, step.value));
            else if (step.kind === 'undo') void stack.undo();
            else void stack.redo();
          }
          await stack.undo().then(() => stack.redo());
          expect(values).toEqual(model([...steps, { kind: 'undo' }, { kind: 'redo' }], limit));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps no failed edit, and drops one that can no longer be taken back', async () => {
    const stack = new UndoStack();
    const states: Array<string | null> = [];
    stack.subscribe((state) => states.push(state.undo));
    await expect(
      stack.run({
        label: 'broken',
        apply: () => Promise.reject(new Error('no such person')),
        revert: async () => {},
      }),
    ).rejects.toThrow('no such person');
    expect(stack.state).toEqual({ undo: null, redo: null });

    await stack.run({
      label: 'gone',
      apply: async () => {},
      revert: () => Promise.reject(new Error('This person is no longer in your records.')),
    });
    expect(stack.state.undo).toBe('gone');
    await expect(stack.undo()).rejects.toThrow('no longer');
    expect(stack.state).toEqual({ undo: null, redo: null });
    expect(await stack.undo()).toBeNull();
    expect(await stack.redo()).toBeNull();
    await Promise.resolve();
    expect(states).toContain('gone');
  });

  it('forgets what was undone once a new edit is made', async () => {
    const { set } = store();
    const stack = new UndoStack();
    await stack.run(set('a', 1));
    await stack.undo();
    expect(stack.state).toEqual({ undo: null, redo: 'a to 1' });
    await stack.run(set('a', 2));
    expect(stack.state).toEqual({ undo: 'a to 2', redo: null });
  });
});
