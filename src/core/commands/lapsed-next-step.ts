/**
 * What a member can do about a credential CE no longer renews, said where `status` and `need` show
 * it: the exam's date once AAMA's CE route has closed (the new cycle starts from it, and `credential
 * renew` refuses then), a renewal made with the body where it has no CE route, a new card for an
 * expired one. Logging CE or asking what is needed would not help any of them.
 *
 * Reminders say the same (nudges/nudge-replies.ts): every command suggested here must be one
 * `credential` accepts in that state, so `renewTakes` asks what `credential renew` would.
 */
import type { Block } from '../reply.js';
import { nextCycleExpiry } from '../rules/index.js';
import type { Evaluation } from '../rules/types.js';
import { daysBetween } from '../nudges/local-time.js';
import { ceDeadlineOn } from '../views/lapse.js';

/**
 * How long before its expiry a cycle may be renewed (`credential renew`): earlier, a click is more
 * likely a mistake than a renewal.
 */
export const RENEW_WINDOW_DAYS = 180;

/** Whether logging CE can still move the credential on: its cycle is running, or its grace period. */
export function takesCe(e: Evaluation): boolean {
  return e.unit !== 'card' && (e.state === 'in-progress' || e.state === 'complete' || e.state === 'grace');
}

/**
 * Whether `credential renew <code> on <renewedOn>`, typed today, is accepted (credential.ts,
 * renewCredential): not a card, not after the CE route closed, in the cycle's last
 * RENEW_WINDOW_DAYS or after, and only while the cycle it starts still runs: NCCT's next year is
 * over long before its five-year grace is, and then only `credential add … certified` records it.
 */
export function renewTakes(e: Evaluation, renewedOn: string, today: string): boolean {
  if (e.unit === 'card') return false;
  if (e.state === 'exam-required' && renewedOn > ceDeadlineOn(e)) return false;
  if (daysBetween(renewedOn, e.cycle.end) > RENEW_WINDOW_DAYS) return false;
  // A cycle still running is followed by one ending later still: no need to work it out (a sweep
  // asks this for every reminder it writes).
  if (e.cycle.end >= today) return true;
  return nextCycleExpiry(e.code, e.cycle.end, renewedOn) >= today;
}

/** Whether a renewal made on some day up to the CE route's last day (or today) can still be recorded with `credential renew`. */
function renewTakesSomeDay(e: Evaluation, today: string): boolean {
  // The latest day gives the latest next cycle (a CMA's runs 60 months from its month).
  const latest = e.state === 'exam-required' ? ceDeadlineOn(e) : today;
  return renewTakes(e, latest, today);
}

/** Once `credential renew` cannot take it: the day of the last renewal (or reinstatement) starts the cycle. */
export function recertifiedLine(code: string): string {
  return `If you recertified or were reinstated, tell me with \`credential add ${code} certified <date>\`.`;
}

export function lapsedNextStep(e: Evaluation, today: string): Block[] {
  const { code } = e;
  if (e.unit === 'card') {
    return e.state === 'expired' ? [{ kind: 'paragraph', text: `When you have the new card, log it with \`log cpr on <issue date>\`: it renews ${code} here.` }] : [];
  }
  const exam: Block = { kind: 'paragraph', text: `When you have passed the exam, tell me with \`credential add ${code} certified <exam date>\`.` };
  if (e.state === 'exam-required') return e.remaining <= 0 ? [{ kind: 'paragraph', text: renewedInTime(e, today, (date) => date) }, exam] : [exam];
  // In NCCT's five-year grace, `credential renew` takes only its first year (see renewTakes).
  if (e.state === 'grace') return renewTakes(e, today, today) ? [] : [{ kind: 'paragraph', text: recertifiedLine(code) }];
  if (e.state !== 'expired') return [];
  // `credential renew` starts the cycle after the old one, which may itself be over by now.
  const text = renewTakes(e, today, today)
    ? `If you have renewed already, tell me with \`credential renew ${code}\` (or \`credential renew ${code} on <date>\`).`
    : recertifiedLine(code);
  return [{ kind: 'paragraph', text }];
}

/**
 * The CE route closed with the CE complete: the member most likely renewed in time and did not say
 * so here, so how to record that comes before the exam. `day` formats a date the way the reply does.
 */
export function renewedInTime(e: Evaluation, today: string, day: (date: string) => string): string {
  const { code } = e;
  const by = day(ceDeadlineOn(e));
  return renewTakesSomeDay(e, today)
    ? `Your CE for it was complete: if you renewed with ${e.body} by ${by}, tell me the day with \`credential renew ${code} on <date>\`.`
    : `Your CE for it was complete: if you renewed with ${e.body} by ${by}, tell me the day you last renewed with \`credential add ${code} certified <date>\`.`;
}
