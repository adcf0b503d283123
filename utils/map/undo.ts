/**
 * The map page's undo and redo: every edit made on the map is saved at once and kept here with
 * the way back. Edits run one after another in the order asked, even when the user presses
 * Ctrl+Z faster than the database answers.
 */

/** A saved change and its opposite. */
export interface Edit {
  /** What the change did, for the buttons and the screen reader ("Dana Lee to +3"). */
  label: string;
  apply(): Promise<void>;
  revert(): Promise<void>;
}

export interface UndoState {
  undo: string | null;
  redo: string | null;
}

/** The map keeps the last hundred edits. */
export const UNDO_LIMIT = 100;

export class UndoStack {
  private done: Edit[] = [];
  private undone: Edit[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<(state: UndoState) => void>();

  constructor(private readonly limit = UNDO_LIMIT) {}

  /** The labels of the edits Undo and Redo would take back or make again. */
  get state(): UndoState {
    return {
      undo: this.done[this.done.length - 1]?.label ?? null,
      redo: this.undone[this.undone.length - 1]?.label ?? null,
    };
  }

  /** Calls `listener` after every change of the state; returns the way to stop. */
  subscribe(listener: (state: UndoState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies an edit and keeps it for Undo. A failed edit changed nothing and is not kept. */
  run(edit: Edit): Promise<Edit> {
    return this.serial(async () => {
      await edit.apply();
      this.done.push(edit);
      if (this.done.length > this.limit) this.done.shift();
      this.undone = [];
      return edit;
    });
  }

  /**
   * Takes back the last edit; null when there is none. An edit that can no longer be taken back
   * (the person was deleted meanwhile) is dropped and its error passed on.
   */
  undo(): Promise<Edit | null> {
    return this.serial(async () => {
      const edit = this.done.pop();
      if (!edit) return null;
      await edit.revert();
      this.undone.push(edit);
      return edit;
    });
  }

  /** Makes the last undone edit again; null when there is none. */
  redo(): Promise<Edit | null> {
    return this.serial(async () => {
      const edit = this.undone.pop();
      if (!edit) return null;
      await edit.apply();
      this.done.push(edit);
      return edit;
    });
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const result = this.queue.then(step);
    // The next step waits for this one, whether it worked or not; the state changed either way.
    this.queue = result.then(
      () => this.notify(),
      () => this.notify(),
    );
    return result;
  }

  private notify(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}
