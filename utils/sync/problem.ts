/**
 * A problem sync explains to the user in its own words: a message id (shown in the user's
 * language), with English as its `message` for logs and tests.
 */
import { UserError } from '@/utils/i18n/user-error';

export class SyncProblem extends UserError {}
