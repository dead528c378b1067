/**
 * Where the member stands in time: state, the date to submit by, days left and the pace needed.
 * Grace periods and processing times come from the pack (afterExpiry, processingDays).
 */
import { addDays, addYears } from 'date-fns';
import { calendarDaysBetween, shiftCalendarDate } from './calendar-date.js';
import type { EvaluationContext } from './evaluation-context.js';
import { div, isZero, mul, rational, toNumber, ZERO, type Rational } from './rational.js';
import type { CredentialState } from './types.js';

export interface Timeline {
  state: CredentialState;
  /** Last day the CE route is open: the expiry, or the end of a grace period once in it. */
  deadline: string;
  graceEndsOn: string | null;
  processingDays: number;
  submitBy: string;
  daysLeft: number;
  pacePerMonth: Rational;
}

// The average Gregorian month, 365.25 / 12 days, used to turn days left into months left.
const DAYS_PER_MONTH = rational(3044, 100);

export function describeTimeline(ctx: EvaluationContext, remaining: Rational, usesNonApproved: boolean): Timeline {
  const { pack, window, asOf, read } = ctx;
  const end = window.end;
  const grace = pack.afterExpiry.grace;
  const graceLength = grace ? Math.round(toNumber(read.number(grace.length))) : 0;
  const graceEndsOn = grace
    ? shiftCalendarDate(end, (d) => (grace.unit === 'days' ? addDays(d, graceLength) : addYears(d, graceLength)))
    : null;

  let state: CredentialState;
  if (asOf <= end) state = pack.unit === 'card' || isZero(remaining) ? 'complete' : 'in-progress';
  else state = graceEndsOn !== null && asOf <= graceEndsOn ? 'grace' : pack.afterExpiry.then;

  const deadline = asOf > end && graceEndsOn !== null ? graceEndsOn : end;
  const processing = pack.processingDays;
  const processingDays = processing ? Math.ceil(toNumber(read.number(usesNonApproved ? processing.nonApproved : processing.approvedOnly))) : 0;
  const submitBy = shiftCalendarDate(deadline, (d) => addDays(d, -processingDays));
  const daysLeft = calendarDaysBetween(asOf, submitBy);
  const pacePerMonth = isZero(remaining) || daysLeft <= 0 ? ZERO : div(mul(remaining, DAYS_PER_MONTH), rational(daysLeft));
  return { state, deadline, graceEndsOn, processingDays, submitBy, daysLeft, pacePerMonth };
}
