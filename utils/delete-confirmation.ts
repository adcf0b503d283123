/** The word the user types to confirm that everything is deleted. */
export const DELETE_WORD = 'DELETE';

/** True when the typed text confirms deletion (surrounding spaces forgiven, case not). */
export function confirmsDeletion(typed: string): boolean {
  return typed.trim() === DELETE_WORD;
}
