/**
 * Errors the user is meant to read: they carry a message id, so that each surface shows them in
 * the user's language, and English as their `message` for logs and tests.
 */
import { english } from './english';
import type { MessageKey } from './messages';
import type { MessageValues, Translator } from './translator';

export class UserError extends Error {
  constructor(
    readonly messageId: MessageKey,
    readonly values?: MessageValues,
  ) {
    super(english.t(messageId, values));
  }
}

/** What to show for a failure: a user error in the user's language, anything else as it came. */
export function errorText(t: Translator, error: unknown): string {
  if (error instanceof UserError) return t.t(error.messageId, error.values);
  const detail = error instanceof Error ? error.message : String(error);
  return t.t('common_unexpectedError', { detail });
}
