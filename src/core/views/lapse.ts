/**
 * How an expired credential stands, in the words every reply shares: when it expired, how long ago,
 * until when CE still renews it, and that it may not be used meanwhile (RULES.md, "Expired").
 */
import type { Evaluation } from '../rules/types.js';
import { daysBetween, shiftDate } from '../nudges/local-time.js';
import { daysPhrase } from './describe.js';

/** grace, exam-required and expired: the credential has lapsed, whatever route is left. */
export function isLapsed(e: Evaluation): boolean {
  return e.state === 'grace' || e.state === 'exam-required' || e.state === 'expired';
}

/**
 * The last day CE renews the credential: the expiry, or the end of its grace period once past it.
 * `daysLeft` and `submitBy` both count to it, `submitBy` earlier by the processing time, so their
 * difference gives it back from the evaluation alone (the JSON contract carries no such date).
 */
export function ceDeadlineOn(e: Evaluation): string {
  return shiftDate(e.submitBy, e.daysLeft - e.submitByDaysLeft);
}

/** Days since the credential expired: `daysLeft` counts to the CE deadline, not to the expiry. */
export function daysSinceExpiry(e: Evaluation): number {
  return daysBetween(e.cycle.end, ceDeadlineOn(e)) - e.daysLeft;
}

/**
 * "Your CMA expired on 2026-09-30 (55 days ago); you may not use the credential until it is renewed.
 * CE is still accepted until 2026-12-29 (35 days left)." `day` formats a date the way the reply does.
 */
export function lapseSentence(e: Evaluation, day: (date: string) => string = (date) => date, { ago = true } = {}): string {
  const since = ago ? ` (${daysPhrase(-daysSinceExpiry(e))})` : '';
  if (e.unit === 'card') return `Your ${e.code} card expired on ${day(e.cycle.end)}${since}; it does not certify you until you take a renewal course.`;
  const expired = `Your ${e.code} expired on ${day(e.cycle.end)}${since}; you may not use the credential until it is renewed.`;
  return e.state === 'grace' ? `${expired} CE is still accepted until ${day(ceDeadlineOn(e))} (${daysPhrase(e.daysLeft)}).` : expired;
}
