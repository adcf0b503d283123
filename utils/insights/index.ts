/** The insight engine: pure functions from the user's record and a date to scores and the weekly report. */
export * from './types';
export { weekStartOf, addWeeks, formatLocalDate } from './weeks';
export {
  personStatus,
  buildStatusIndex,
  isOpenAt,
  BALANCE_WINDOW_DAYS,
  type PersonStatus,
} from './people';
export {
  isKeyHolder,
  keyHolderWeight,
  backsMe,
  promotionCredit,
  describePerson,
  displayName,
} from './alliance';
export { visibility, connectivity, balanceHealth, scoreOf } from './scores';
export {
  weeklyReport,
  reportToMarkdown,
  TREND_WEEKS,
  MAP_MAX_NODES,
  type ReportOptions,
} from './report';
export { escapeMarkdown } from './markdown';
export { MAX_NEXT_ACTIONS, FIRST_STEPS, firstStepOf, type FirstStep } from './actions';
export { allianceGaps, FEEDBACK_DUE_DAYS, NEW_ROLE_DAYS } from './advice';
export { emptyListText, quoted, type ListedSection } from './wording';
