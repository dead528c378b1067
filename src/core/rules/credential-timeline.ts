/**
 * Where the member stands in time: state, the date to submit by, days left and the pace needed.
 * Grace periods and processing times come from the pack (afterExpiry, processingDays).
 */
import { addYears } from 'date-fns';
import { addCalendarDays, addMonthsKeepingMonthEnd, calendarDaysBetween, shiftCalendarDate } from './calendar-date.js';
import type { EvaluationContext } from './evaluation-context.js';
import { div, isZero, mul, rational, toNumber, ZERO, type Rational } from './rational.js';
import type { CredentialState } from './types.js';
import type { SettingReader } from './create-setting-reader.js';
import type { RulePack } from './rule-pack-schema.js';

export interface Timeline {
  state: CredentialState;
  /** Last day the CE route is open: the expiry, or the end of a grace period once in it. */
  deadline: string;
  graceEndsOn: string | null;
  processingDays: number;
  submitBy: string;
  /** Calendar days to the deadline (DESIGN.md's `daysLeft`: 2026-11-24 → expiry 2027-02-28 = 96). */
  daysLeft: number;
  submitByDaysLeft: number;
  pacePerMonth: Rational;
}

// The average Gregorian month, 365.25 / 12 days, used to turn days left into months left.
const DAYS_PER_MONTH = rational(3044, 100);

/** The last day of the grace period after `end`, or null when the pack has none. */
export function graceEndOf(pack: RulePack, end: string, read: SettingReader): string | null {
  const grace = pack.afterExpiry.grace;
  if (!grace) return null;
  const length = Math.round(toNumber(read.number(grace.length)));
  const byLength = grace.unit === 'days' ? addCalendarDays(end, length) : shiftCalendarDate(end, (d) => addYears(d, length));
  if (!grace.orCalendarMonths) return byLength;
  // Months run month end to month end, as the cycle does: three months after February 28 is May 31.
  const months = Math.round(toNumber(read.number(grace.orCalendarMonths)));
  const byMonths = addMonthsKeepingMonthEnd(end, months);
  return byMonths < byLength ? byMonths : byLength;
}

export function describeTimeline(ctx: EvaluationContext, remaining: Rational, usesNonApproved: boolean): Timeline {
  const { pack, window, asOf, read, graceEndsOn } = ctx;
  const end = window.end;

  let state: CredentialState;
  if (asOf <= end) state = pack.unit === 'card' || isZero(remaining) ? 'complete' : 'in-progress';
  else state = graceEndsOn !== null && asOf <= graceEndsOn ? 'grace' : pack.afterExpiry.then;

  const deadline = asOf > end && graceEndsOn !== null ? graceEndsOn : end;
  const processing = pack.processingDays;
  const processingDays = processing ? Math.ceil(toNumber(read.number(usesNonApproved ? processing.nonApproved : processing.approvedOnly))) : 0;
  const submitBy = addCalendarDays(deadline, -processingDays);
  const daysLeft = calendarDaysBetween(asOf, deadline);
  const submitByDaysLeft = calendarDaysBetween(asOf, submitBy);
  const pacePerMonth = isZero(remaining) || submitByDaysLeft <= 0 ? ZERO : div(mul(remaining, DAYS_PER_MONTH), rational(submitByDaysLeft));
  return { state, deadline, graceEndsOn, processingDays, submitBy, daysLeft, submitByDaysLeft, pacePerMonth };
}
