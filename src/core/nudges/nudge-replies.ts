/** The words of each reminder: the exact gap, the pace, how the route closes, and buttons to act. */
import type { Block, Button, Reply } from '../reply.js';
import { reply } from '../reply.js';
import { getRulePack, RULE_SETTINGS } from '../rules/index.js';
import type { CredentialCode, Evaluation } from '../rules/types.js';
import { daysPhrase, formatNumber, gapSummary, quantity, unitName } from '../views/describe.js';
import { ceDeadlineOn, lapseSentence } from '../views/lapse.js';
import { shiftDate } from './local-time.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2027-02-07" → "7 Feb 2027". */
export function formatDay(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

export function monthName(date: string): string {
  return MONTH_NAMES[Number(date.slice(5, 7)) - 1]!;
}

/**
 * A notice sent once (a lapse, the yearly fee) has no snooze: it would not come back, and the
 * snooze would only hold the credential's other reminders.
 */
function buttons(code: CredentialCode, which: { log?: boolean; snooze?: boolean; renewed?: boolean }): Block[] {
  const list: Button[] = [];
  if (which.log) list.push({ actionId: 'log-now', label: 'Log now', command: 'log', style: 'primary' });
  if (which.snooze) list.push({ actionId: 'snooze', label: 'Snooze a week', command: `snooze ${code}` });
  if (which.renewed) list.push({ actionId: 'renewed', label: 'Already renewed', command: `credential renew ${code}` });
  return list.length ? [{ kind: 'actions', buttons: list }] : [];
}

/** The exact gap in one sentence: "Still needed: 10 general and 4 more AAMA-approved points by 7 Feb 2027; about 2 points a month." */
function stillNeeded(evaluation: Evaluation, { by, pace: withPace = true }: { by?: string; pace?: boolean } = {}): string {
  const pace = withPace && evaluation.pacePerMonth > 0 && evaluation.submitByDaysLeft >= 45
    ? `; about ${formatNumber(evaluation.pacePerMonth)} ${unitName(evaluation.pacePerMonth, evaluation.unit)} a month`
    : '';
  return `Still needed: ${gapSummary(evaluation)}${by ? ` by ${formatDay(by)}` : ''}${pace}.`;
}

/**
 * What happens if the deadline passes, said ahead of time: the route of the day after expiry from
 * that day's state and the pack ("AAMA would still accept CE until …"), not that day's note, which
 * says "Expired on …" as a fact.
 */
function ifMissed(evaluation: Evaluation, evaluateOn: (date: string) => Evaluation): string {
  const after = evaluateOn(shiftDate(evaluation.cycle.end, 1));
  const { route } = getRulePack(evaluation.code).afterExpiry;
  const then = after.state === 'grace'
    ? `${after.body} would still accept CE until ${formatDay(ceDeadlineOn(after))}. After that: ${route}.`
    : routeSentence(evaluation);
  return `If ${formatDay(evaluation.cycle.end)} passes, you may not use your ${evaluation.code} until it is renewed. ${then}`;
}

/** The rules' note on non-AAMA credit's processing time, its dates written as the reminder writes them. */
function processingNote(evaluation: Evaluation): string[] {
  return evaluation.notes.filter((note) => note.includes('takes up to')).map((note) => note.replace(/\d{4}-\d{2}-\d{2}/g, formatDay));
}

/** The pack's route once CE no longer renews the credential, as a sentence. */
function routeSentence(evaluation: Evaluation): string {
  const { route } = getRulePack(evaluation.code).afterExpiry;
  return `${route.charAt(0).toUpperCase()}${route.slice(1)}.`;
}

const paragraphs = (texts: (string | undefined)[]): Block[] => texts.filter((t): t is string => Boolean(t)).map((text) => ({ kind: 'paragraph', text }));

/**
 * `evaluateOn` evaluates the same credential on another day. Past the submit-by date but not the
 * expiry (non-AAMA credit's processing time), it asks for the credit now, not "by" a date gone.
 */
export function ladderReply(evaluation: Evaluation, evaluateOn: (date: string) => Evaluation): Reply {
  const { code } = evaluation;
  const late = evaluation.submitByDaysLeft < 0;
  const heading = late
    ? `${code}: submit as soon as you can (the submit-by date, ${formatDay(evaluation.submitBy)}, was ${daysPhrase(evaluation.submitByDaysLeft)})`
    : `${code}: submit by ${formatDay(evaluation.submitBy)} (${daysPhrase(evaluation.submitByDaysLeft)})`;
  const needed = late ? `Still needed, as soon as you can: ${gapSummary(evaluation)}.` : stillNeeded(evaluation, { by: evaluation.submitBy });
  return reply([
    { kind: 'heading', text: heading, status: 'attention' },
    ...paragraphs([needed, ...processingNote(evaluation), ifMissed(evaluation, evaluateOn)]),
    ...buttons(code, { log: true, snooze: true, renewed: true }),
  ], 'warning');
}

/**
 * An expired credential may not be used (RULES.md), though CE still renews it: the first thing said.
 * No monthly pace: it may not be used meanwhile, and over NCCT's five-year lapse a pace would read
 * as all the time in the world. Non-AAMA credit still needs its processing time before the end.
 */
export function graceReply(evaluation: Evaluation): Reply {
  const { code } = evaluation;
  const ceEnd = ceDeadlineOn(evaluation);
  const { route } = getRulePack(code).afterExpiry;
  const needed = evaluation.submitByDaysLeft < 0
    ? `Still needed, as soon as you can: ${gapSummary(evaluation)}.`
    : stillNeeded(evaluation, { pace: false, ...(evaluation.submitBy < ceEnd ? { by: evaluation.submitBy } : {}) });
  return reply([
    { kind: 'heading', text: `${code} expired on ${formatDay(evaluation.cycle.end)}: CE accepted until ${formatDay(ceEnd)}`, status: 'lapsed' },
    ...paragraphs([lapseSentence(evaluation, formatDay, { ago: false }), needed, ...processingNote(evaluation), `After ${formatDay(ceEnd)}: ${route}.`]),
    ...buttons(code, { log: true, snooze: true, renewed: true }),
  ], 'warning');
}

/**
 * Expired with its CE complete: most likely renewed and not said so here. Said once, the day after
 * the expiry, before the team digest lists the credential as expired: how to record the renewal, and,
 * while a grace period runs, by when to apply if they have not.
 */
export function completeAtExpiryReply(evaluation: Evaluation): Reply {
  const { code } = evaluation;
  const apply = evaluation.state === 'grace'
    ? `If you have not, apply with ${evaluation.body} by ${formatDay(evaluation.submitBy)}: your CE counts until then.`
    : `If you have not, ${routeSentence(evaluation).replace(/^./, (c) => c.toLowerCase())}`;
  return reply([
    { kind: 'heading', text: `${code} expired on ${formatDay(evaluation.cycle.end)}: your CE is complete`, status: 'attention' },
    ...paragraphs([
      `Your CE for ${code} is complete, so you have most likely renewed: tell me with \`credential renew ${code}\` (or \`credential renew ${code} on <date>\`), and reminders and the team digest will move on to the new cycle.`,
      apply,
    ]),
    ...buttons(code, { renewed: true }),
  ], 'info');
}

/**
 * Once CE no longer renews it: after the CE route closed, the exam is the way back, and the cycle
 * starts from it (`credential renew` refuses then); with no route at all, `credential renew` records
 * a renewal made with the body.
 */
export function lapsedReply(evaluation: Evaluation): Reply {
  const { code } = evaluation;
  const closed = evaluation.state === 'exam-required';
  const heading = closed ? `${code}: the CE route has closed` : `${code} expired on ${formatDay(evaluation.cycle.end)}`;
  // Whose CE was complete has most likely renewed and not said so (no reminder goes once the gap
  // is closed): the exam alone would be wrong advice. `credential renew` still takes a day within
  // the grace period, so that day is asked for (renewing today is refused once the route closed).
  const ceDone = closed && evaluation.remaining <= 0;
  const closedAfter = formatDay(ceDeadlineOn(evaluation));
  const renewedInTime = ceDone
    ? `Your CE for it was complete: if you renewed with ${evaluation.body} by ${closedAfter}, tell me the day with \`credential renew ${code} on <date>\`.`
    : undefined;
  const route = closed ? `${ceDone ? 'If you did not, the' : 'The'} CE route closed after ${closedAfter}: ${getRulePack(code).afterExpiry.route}.` : routeSentence(evaluation);
  const tell = closed
    ? `When you have passed the exam, tell me with \`credential add ${code} certified <exam date>\`.`
    : `If you have renewed already, tell me with \`credential renew ${code}\` (or \`credential renew ${code} on <date>\`).`;
  return reply([
    { kind: 'heading', text: heading, status: 'lapsed' },
    ...paragraphs([lapseSentence(evaluation, formatDay, { ago: false }), renewedInTime, route, tell]),
    ...buttons(code, { renewed: !closed }),
  ], 'warning');
}

export function paceReply(evaluation: Evaluation, evenPace: number): Reply {
  const { code, unit } = evaluation;
  return reply([
    { kind: 'heading', text: `${code}: behind pace`, status: 'attention' },
    ...paragraphs([
      `To finish by ${formatDay(evaluation.submitBy)} you now need about ${formatNumber(evaluation.pacePerMonth)} ${unitName(evaluation.pacePerMonth, unit)} a month; the cycle's even pace is about ${quantity(Number(formatNumber(evenPace)), unit)} a month.`,
      stillNeeded(evaluation, { pace: false }),
    ]),
    ...buttons(code, { log: true, snooze: true }),
  ], 'info');
}

export function cardReply(evaluation: Evaluation, daysToExpiry: number, holdsCma: boolean): Reply {
  const expired = daysToExpiry < 0;
  return reply([
    { kind: 'heading', text: expired ? `Your CPR/BLS card expired on ${formatDay(evaluation.cycle.end)}` : `Your CPR/BLS card expires on ${formatDay(evaluation.cycle.end)} (${daysPhrase(daysToExpiry)})`, status: expired ? 'lapsed' : 'attention' },
    ...paragraphs([
      expired ? 'An expired card does not certify you. Book a BLS class to get a new card.' : 'Book a renewal class before it lapses; a card is valid through the end of its month two years on.',
      `When you have the new card, log it with \`log cpr on <issue date>\`: it renews BLS here${holdsCma ? ' (and counts as CMA clinical points)' : ''}.`,
    ]),
    ...buttons('BLS', { snooze: !expired }),
  ], 'warning');
}

export function feeReply(evaluation: Evaluation, overrides: Record<string, number | boolean>): Reply {
  const setting = RULE_SETTINGS.find((s) => s.key === 'amt.annualFeeUsd');
  const fee = overrides['amt.annualFeeUsd'] ?? setting?.default;
  const figure = fee === undefined ? '' : ` The last published figure is $${String(fee)}${overrides['amt.annualFeeUsd'] === undefined ? ' (unverified; check on AMT’s site)' : ', as set by this workspace'}.`;
  return reply([
    { kind: 'heading', text: `${evaluation.code}: AMT annual fee due in ${monthName(evaluation.cycle.start)}`, status: 'attention' },
    ...paragraphs([`AMT charges an annual fee every year in the anniversary month of your certification, whatever the state of your CE.${figure}`]),
  ], 'info');
}
