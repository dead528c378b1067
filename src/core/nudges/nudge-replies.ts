/** The words of each reminder: the exact gap, the pace, how the route closes, and buttons to act. */
import type { Block, Button, Reply } from '../reply.js';
import { reply } from '../reply.js';
import { getRulePack, RULE_SETTINGS } from '../rules/index.js';
import type { CredentialCode, Evaluation } from '../rules/types.js';
import { daysPhrase, formatNumber, gapSummary, monthlyPace, quantity, unitName } from '../views/describe.js';
import { ceDeadlineOn, isLapsed, lapseSentence } from '../views/lapse.js';
import { recertifiedLine, renewedInTime, renewTakes } from '../commands/lapsed-next-step.js';
import { daysBetween, shiftDate } from './local-time.js';

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
  // The same rule as `status` and `need` (no pace in a grace period or the last 45 days).
  const monthly = withPace ? monthlyPace(evaluation) : undefined;
  const pace = monthly ? `; ${monthly}` : '';
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
 * Already renewed only where `credential renew` takes it: a workspace's ladder may start a year
 * out, and renewing moves a cycle on only in its last 180 days.
 */
export function ladderReply(evaluation: Evaluation, evaluateOn: (date: string) => Evaluation, today: string, fees: readonly string[] = []): Reply {
  const { code } = evaluation;
  const late = evaluation.submitByDaysLeft < 0;
  const heading = late
    ? `${code}: submit as soon as you can (the submit-by date, ${formatDay(evaluation.submitBy)}, was ${daysPhrase(evaluation.submitByDaysLeft)})`
    : `${code}: submit by ${formatDay(evaluation.submitBy)} (${daysPhrase(evaluation.submitByDaysLeft)})`;
  const needed = late ? `Still needed, as soon as you can: ${gapSummary(evaluation)}.` : stillNeeded(evaluation, { by: evaluation.submitBy });
  return reply([
    { kind: 'heading', text: heading, status: 'attention' },
    ...paragraphs([needed, ...processingNote(evaluation), ifMissed(evaluation, evaluateOn), ...fees]),
    ...buttons(code, { log: true, snooze: true, renewed: renewTakes(evaluation, today, today) }),
  ], 'warning');
}

/**
 * An expired credential may not be used (RULES.md), though CE still renews it: the first thing said.
 * No monthly pace: it may not be used meanwhile, and over NCCT's five-year lapse a pace would read
 * as all the time in the world. Non-AAMA credit still needs its processing time before the end.
 * Past NCCT's first year the renewal `credential renew` would record is over too: the way to
 * record a reinstatement is said instead of an Already renewed that would be refused.
 */
export function graceReply(evaluation: Evaluation, today: string, fees: readonly string[] = []): Reply {
  const { code } = evaluation;
  const ceEnd = ceDeadlineOn(evaluation);
  const { route } = getRulePack(code).afterExpiry;
  const renewable = renewTakes(evaluation, today, today);
  const needed = evaluation.submitByDaysLeft < 0
    ? `Still needed, as soon as you can: ${gapSummary(evaluation)}.`
    : stillNeeded(evaluation, { pace: false, ...(evaluation.submitBy < ceEnd ? { by: evaluation.submitBy } : {}) });
  return reply([
    { kind: 'heading', text: `${code} expired on ${formatDay(evaluation.cycle.end)}: CE accepted until ${formatDay(ceEnd)}`, status: 'lapsed' },
    ...paragraphs([
      lapseSentence(evaluation, formatDay, { ago: false }), needed, ...processingNote(evaluation), `After ${formatDay(ceEnd)}: ${route}.`,
      renewable ? undefined : recertifiedLine(code), ...fees,
    ]),
    ...buttons(code, { log: true, snooze: true, renewed: renewable }),
  ], 'warning');
}

/**
 * Expired with its CE complete: most likely renewed and not said so here. Said once, the day after
 * the expiry, before the team digest lists the credential as expired: how to record the renewal, and,
 * while a grace period runs, by when to apply if they have not.
 */
export function completeAtExpiryReply(evaluation: Evaluation, today: string, fees: readonly string[] = []): Reply {
  const { code } = evaluation;
  const apply = evaluation.state === 'grace' ? applyBy(evaluation) : `If you have not, ${routeSentence(evaluation).replace(/^./, (c) => c.toLowerCase())}`;
  const renewable = renewTakes(evaluation, today, today);
  const record = renewable
    ? `tell me with \`credential renew ${code}\` (or \`credential renew ${code} on <date>\`)`
    : `tell me the day with \`credential add ${code} certified <date>\``;
  return reply([
    { kind: 'heading', text: `${code} expired on ${formatDay(evaluation.cycle.end)}: your CE is complete`, status: 'attention' },
    ...paragraphs([
      `Your CE for ${code} is complete, so you have most likely renewed: ${record}, and reminders and the team digest will move on to the new cycle.`,
      `${apply} Until it is renewed, you may not use your ${code}.`, ...fees,
    ]),
    ...buttons(code, { renewed: renewable }),
  ], 'info');
}

/** By when to apply in a grace period: its last day, or earlier by the processing time non-AAMA credit needs. */
function applyBy(evaluation: Evaluation): string {
  const { body, submitBy } = evaluation;
  const ceEnd = ceDeadlineOn(evaluation);
  return submitBy < ceEnd
    ? `If you have not, apply with ${body} by ${formatDay(submitBy)}: non-${body} credit takes up to ${daysBetween(submitBy, ceEnd)} days to process, and CE renews it only until ${formatDay(ceEnd)}.`
    : `If you have not, apply with ${body} by ${formatDay(submitBy)}: your CE counts until then.`;
}

/**
 * CE complete in a grace period, a week before the last day to apply, and still no renewal
 * recorded here: the one warning before the CE route closes. The note after the expiry said how to
 * record a renewal; this says what closes, and when. Nothing follows it when the route has closed.
 */
export function closingReply(evaluation: Evaluation, today: string, fees: readonly string[] = []): Reply {
  const { code, body } = evaluation;
  const ceEnd = ceDeadlineOn(evaluation);
  const heading = evaluation.submitByDaysLeft < 0
    ? `${code}: apply with ${body} as soon as you can (CE accepted until ${formatDay(ceEnd)})`
    : `${code}: apply with ${body} by ${formatDay(evaluation.submitBy)} (${daysPhrase(evaluation.submitByDaysLeft)})`;
  const renewable = renewTakes(evaluation, today, today);
  return reply([
    { kind: 'heading', text: heading, status: 'attention' },
    ...paragraphs([
      `Your CE is complete, but no renewal is recorded here, and you may not use your ${code} until it is renewed.`,
      ...processingNote(evaluation),
      `After ${formatDay(ceEnd)}: ${getRulePack(code).afterExpiry.route}.`,
      renewable ? `If you have renewed, tell me with \`credential renew ${code}\` (or \`credential renew ${code} on <date>\`).` : recertifiedLine(code),
      ...fees,
    ]),
    ...buttons(code, { renewed: renewable }),
  ], 'warning');
}

/**
 * Once CE no longer renews it: after the CE route closed, the exam is the way back, and the cycle
 * starts from it (`credential renew` refuses then); with no route at all, `credential renew` records
 * a renewal made with the body, while the cycle it would start still runs.
 */
export function lapsedReply(evaluation: Evaluation, today: string): Reply {
  const { code } = evaluation;
  const closed = evaluation.state === 'exam-required';
  const heading = closed ? `${code}: the CE route has closed` : `${code} expired on ${formatDay(evaluation.cycle.end)}`;
  // Whose CE was complete has most likely renewed and not said so: the exam alone would be wrong
  // advice. The planner sends this to them only when nothing was said since the expiry.
  const ceDone = closed && evaluation.remaining <= 0;
  const closedAfter = formatDay(ceDeadlineOn(evaluation));
  const route = closed ? `${ceDone ? 'If you did not, the' : 'The'} CE route closed after ${closedAfter}: ${getRulePack(code).afterExpiry.route}.` : routeSentence(evaluation);
  const renewable = !closed && renewTakes(evaluation, today, today);
  const tell = closed
    ? `When you have passed the exam, tell me with \`credential add ${code} certified <exam date>\`.`
    : renewable ? `If you have renewed already, tell me with \`credential renew ${code}\` (or \`credential renew ${code} on <date>\`).` : recertifiedLine(code);
  return reply([
    { kind: 'heading', text: heading, status: 'lapsed' },
    ...paragraphs([lapseSentence(evaluation, formatDay, { ago: false }), ceDone ? renewedInTime(evaluation, today, formatDay) : undefined, route, tell]),
    ...buttons(code, { renewed: renewable }),
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

/** The fee's last published figure, or the workspace's: "$50 (unverified; check on AMT’s site)". */
function feeFigure(overrides: Record<string, number | boolean>): string | undefined {
  const setting = RULE_SETTINGS.find((s) => s.key === 'amt.annualFeeUsd');
  const fee = overrides['amt.annualFeeUsd'] ?? setting?.default;
  if (fee === undefined) return undefined;
  return `$${String(fee)}${overrides['amt.annualFeeUsd'] === undefined ? ' (unverified; check on AMT’s site)' : ', as set by this workspace'}`;
}

/**
 * AMT's annual fee falls due whatever the state of the CE (RULES.md). Once the credential has
 * lapsed, the reminder says so, and that the fee alone does not renew it: what a member who pays
 * it might otherwise believe. `lapseSaid`: a note of the expiry goes out with it, and says the rest.
 */
export function feeReply(evaluation: Evaluation, overrides: Record<string, number | boolean>, today: string, { lapseSaid = false } = {}): Reply {
  const { code } = evaluation;
  const figure = feeFigure(overrides);
  const lapsed = isLapsed(evaluation);
  const renewable = lapsed && !lapseSaid && renewTakes(evaluation, today, today);
  const lapse = !lapsed ? [] : lapseSaid ? [`Paying the fee alone does not renew your ${code}.`] : [
    `${lapseSentence(evaluation, formatDay, { ago: false })} Paying the fee alone does not renew it.`,
    renewable ? `If you have renewed already, tell me with \`credential renew ${code}\` (or \`credential renew ${code} on <date>\`).` : recertifiedLine(code),
  ];
  return reply([
    { kind: 'heading', text: `${code}: AMT annual fee due in ${monthName(evaluation.cycle.start)}`, status: 'attention' },
    ...paragraphs([`AMT charges an annual fee every year in the anniversary month of your certification, whatever the state of your CE.${figure ? ` The last published figure is ${figure}.` : ''}`, ...lapse]),
    ...buttons(code, { renewed: renewable }),
  ], 'info');
}

/**
 * The note of an expiry that falls as AMT's fee does (a cycle certified on the 1st ends the day
 * before its anniversary month): the fee said in it, not in a second reminder the same day.
 */
export function withFee(notice: Reply, evaluation: Evaluation, overrides: Record<string, number | boolean>): Reply {
  const figure = feeFigure(overrides);
  const text = `AMT’s annual fee also falls due this month, as every year in ${monthName(evaluation.cycle.start)}, the anniversary month of your certification${figure ? `: the last published figure is ${figure}` : ''}. Paying the fee alone does not renew your ${evaluation.code}.`;
  const at = notice.blocks.findIndex((b) => b.kind === 'actions');
  const blocks = [...notice.blocks];
  blocks.splice(at === -1 ? blocks.length : at, 0, { kind: 'paragraph', text });
  return { ...notice, blocks };
}
