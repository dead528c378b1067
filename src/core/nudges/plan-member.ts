/**
 * Which reminders a member is due now, and when anything could next fall due. Pure: the same
 * member, ladder and instant always give the same answer, so a sweep may run any number of times.
 *
 * Each reminder has a stage; only the latest stage reached is planned (a member who joins 20 days
 * before a deadline gets the 30-day nudge, not 120, 90, 60 and 30 at once), and its outbox key
 * (kind, member, credential, cycle end, stage) makes it arrive once.
 */
import type { MessageKind, PlannedMessage, TeamMember } from '../ports.js';
import type { Reply } from '../reply.js';
import type { SavedTally } from '../rules/tally.js';
import type { Evaluation, RuleOverrides } from '../rules/types.js';
import { daysBetween, instantIsoAt, localTime, memberWindow, memberZone, nextDeliverable, shiftDate } from './local-time.js';
import { isBehindPace, standMember, type CredentialStanding } from './member-standing.js';
import { cardReply, closingReply, completeAtExpiryReply, feeReply, graceReply, lapsedReply, ladderReply, paceReply, withFee } from './nudge-replies.js';
import { isLapsed } from '../views/lapse.js';
// What renewing costs (NCCT, NHA), said where renewing is asked for: unverified figures (RULES.md).
import { feesToRenew } from '../rules/build-notes.js';

export const DEFAULT_LADDER: readonly number[] = [120, 90, 60, 30, 14, 7, 1];
/** A ladder stage this many days or fewer before its deadline may arrive at a weekend too. */
const URGENT_DAYS = 7;
/**
 * A CPR card needs weeks, not months, of warning: only the ladder's stages up to 60 days, or 60
 * days alone when the workspace's ladder starts later (120 90 would otherwise never warn at all).
 */
const CARD_LADDER_MAX = 60;
const CARD_LADDER_FALLBACK: readonly number[] = [CARD_LADDER_MAX];

function cardLadder(ladder: readonly number[]): readonly number[] {
  const within = ladder.filter((d) => d <= CARD_LADDER_MAX);
  return within.length > 0 ? within : CARD_LADDER_FALLBACK;
}
/** Weekly through a grace period, then (for NCCT's five-year lapse) every four weeks after twelve. */
const WEEKLY_GRACE_WEEKS = 12;
/** A lapse is announced for 30 days; after that the member knows, and `status` still says so. */
const LAPSE_NOTICE_DAYS = 30;
/**
 * Everyone is looked at again at least once a pace period (30 days), even if nothing changes.
 * Periods are staggered by member id, so a team (or 100,000 credentials) is not all due on one day.
 */
const PACE_PERIOD_DAYS = 30;
/**
 * A member's first pace note falls on whatever day they fall behind, and their next period may
 * start days later: a note sent in the last 28 days covers the new period's, so two never come a
 * few days apart. 28, not 30: a period that starts at a weekend has its note on Monday, and that
 * one must not cover the next period's.
 */
const PACE_NOTE_GAP_DAYS = 28;
/** How often a member behind pace is looked at again: a held-back note goes within a week of its four weeks. */
const PACE_RECHECK_DAYS = 7;

/** The member's next weekday of re-checks, spread by member id so that a team is not all due on one day. */
function paceRecheck(memberId: number, today: string): string {
  const day = daysBetween('2000-01-03', today) - memberId;
  return shiftDate(today, PACE_RECHECK_DAYS - (((day % PACE_RECHECK_DAYS) + PACE_RECHECK_DAYS) % PACE_RECHECK_DAYS));
}

interface PacePeriod {
  index: number;
  nextStart: string;
}

/** A day's 30 staggered periods, by `memberId % 30`: a sweep asks for the same day thousands of times. */
const pacePeriods = new Map<string, PacePeriod[]>();

function pacePeriod(memberId: number, today: string): PacePeriod {
  const offset = memberId % PACE_PERIOD_DAYS;
  let periods = pacePeriods.get(today);
  if (!periods) {
    if (pacePeriods.size >= 64) pacePeriods.clear();
    periods = Array.from({ length: PACE_PERIOD_DAYS }, (_, k) => computePacePeriod(k, today));
    pacePeriods.set(today, periods);
  }
  return periods[offset] ?? computePacePeriod(offset, today);
}

function computePacePeriod(offset: number, today: string): PacePeriod {
  const day = daysBetween('1970-01-01', today) - offset;
  const index = Math.floor(day / PACE_PERIOD_DAYS);
  return { index, nextStart: shiftDate(today, (index + 1) * PACE_PERIOD_DAYS - day) };
}

/** The ladder longest first; one already in that order (the default, a sweep's) is used as it is. */
function descending(ladder: readonly number[]): readonly number[] {
  for (let i = 1; i < ladder.length; i++) if (ladder[i - 1]! < ladder[i]!) return [...ladder].sort((x, y) => y - x);
  return ladder;
}

export interface PlanInput {
  member: TeamMember;
  /** Days before submit-by (the workspace's ladder, or DEFAULT_LADDER). */
  ladder: readonly number[];
  overrides: Record<string, number | boolean>;
  now: Date;
  /** Zone for a member who has set none. */
  defaultTz: string;
}

export interface PlanResult {
  /** Messages due now (within the member's delivery window); the outbox ignores keys it has. */
  messages: PlannedMessage[];
  /** ISO instant when something could next fall due for this member. */
  nextCheckAt: string;
  /** The member's credentials counted afresh (their saved tallies did not hold): for the store to keep. */
  tallies?: SavedTally[];
}

interface Due {
  kind: MessageKind;
  stage: string;
  urgent: boolean;
  reply: () => Reply;
  /** A ladder stage's first day (local), or the first a pace note already sent covers: see PlannedMessage.stageFrom. */
  from?: string;
  /** Names a series that outlasts the cycle, in place of the cycle's end (see planAmtFee). */
  series?: string;
  /** The series is another kind's: a note of the expiry that says AMT's fee joins the fee's (see planCredential). */
  seriesKind?: MessageKind;
}

interface CredentialPlan {
  due: Due[];
  /** Local date of the next stage, when there is one. */
  nextOn?: string;
}

export function planMember(input: PlanInput): PlanResult {
  const { member, now } = input;
  const tz = memberZone(member, input.defaultTz);
  const local = localTime(now, tz);
  const period = pacePeriod(member.memberId, local.date);
  // Opted out: nothing is planned; any change of theirs (turning nudges on) makes them due again.
  if (!member.nudges || member.credentials.length === 0) return { messages: [], nextCheckAt: instantIsoAt(period.nextStart, 0, tz) };
  if (member.pausedUntil && member.pausedUntil > local.date) {
    return { messages: [], nextCheckAt: earliestIso(instantIsoAt(member.pausedUntil, 0, tz), instantIsoAt(period.nextStart, 0, tz)) };
  }

  const ladder = descending(input.ladder);
  const due: { standing: CredentialStanding; item: Due }[] = [];
  // Local midnights only: the earliest date is the earliest instant, so convert it once.
  let nextOn = period.nextStart;
  const { standings, counted } = standMember(member, local.date, input.overrides);
  const holdsCma = member.credentials.some((c) => c.code === 'CMA');
  for (const standing of standings) {
    const { credential } = standing;
    if (credential.snoozedUntil && credential.snoozedUntil > local.date) {
      nextOn = earliestDate(credential.snoozedUntil, nextOn)!;
      continue;
    }
    const plan = planCredential({ standing, ladder, today: local.date, paceIndex: period.index, memberId: member.memberId, overrides: input.overrides, holdsCma });
    if (plan.nextOn) nextOn = earliestDate(plan.nextOn, nextOn)!;
    for (const item of plan.due) due.push({ standing, item });
  }
  const nextCheckAt = instantIsoAt(nextOn, 0, tz);
  if (due.length === 0) return planResult([], nextCheckAt, counted);

  // Only what may arrive now is planned. A routine reminder planned at a weekend would wait in the
  // outbox until Monday, and a DM's messages go in the order planned: an urgent one planned beside
  // it (a deadline tomorrow) would wait behind it, past the deadline.
  let lookAgainAt = nextCheckAt;
  const open = due.filter(({ item }) => {
    const deliverableAt = nextDeliverable(now, memberWindow(member, input.defaultTz, item.urgent));
    if (deliverableAt.getTime() <= now.getTime()) return true;
    // Outside the member's hours for this one: look again when their window opens.
    lookAgainAt = earliestIso(deliverableAt.toISOString(), lookAgainAt);
    return false;
  });
  if (open.length === 0) return planResult([], lookAgainAt, counted);

  const messages = open.map(({ standing: { credential, evaluation }, item }): PlannedMessage => {
    const message: PlannedMessage = {
      key: `${item.kind}:${member.memberId}:${credential.code}:${evaluation.cycle.end}:${item.stage}`,
      series: `${item.seriesKind ?? item.kind}:${member.memberId}:${credential.code}:${item.series ?? evaluation.cycle.end}`,
      workspaceId: member.workspaceId,
      memberId: member.memberId,
      target: { kind: 'direct', userId: member.userId },
      kind: item.kind,
      reply: item.reply(),
    };
    if (item.from) message.stageFrom = instantIsoAt(item.from, 0, tz);
    return message;
  });
  return planResult(messages, lookAgainAt, counted);
}

/** `tallies` only when counted afresh (absent, not undefined). */
function planResult(messages: PlannedMessage[], nextCheckAt: string, tallies: SavedTally[] | undefined): PlanResult {
  return tallies ? { messages, nextCheckAt, tallies } : { messages, nextCheckAt };
}

/** One credential of one member, on the member's calendar day. */
interface CredentialCase {
  standing: CredentialStanding;
  /** Descending. */
  ladder: readonly number[];
  today: string;
  paceIndex: number;
  memberId: number;
  overrides: Record<string, number | boolean>;
  /** A CPR/BLS card also counts as CMA clinical points: said only to a CMA holder. */
  holdsCma: boolean;
}

function planCredential(c: CredentialCase): CredentialPlan {
  const { evaluation } = c.standing;
  const plan = evaluation.unit === 'card' ? planCard(evaluation, c.ladder, c.today, c.holdsCma) : planCe(c);
  const fee = planAmtFee(evaluation, c.today, c.overrides);
  plan.nextOn = earliestDate(plan.nextOn, fee.nextOn);
  const [feeDue] = fee.due;
  if (!feeDue) return plan;
  const [notice] = plan.due;
  // A cycle certified on the 1st lapses as its fee falls due, and the note of the expiry comes
  // every day this month that the fee would: it says the fee, rather than a second reminder the
  // same day. In the fee's series, so that the fee is not said again this month once a renewal is
  // recorded. Not when the fee had a weekday to go before the expiry: it was said then.
  if (notice && isLapsed(evaluation) && !hasWeekday(feeDue.from!, evaluation.cycle.end)) {
    const { kind, stage, urgent, reply } = notice;
    plan.due = [{ kind, stage, urgent, seriesKind: feeDue.kind, series: feeDue.series!, reply: () => withFee(reply(), evaluation, c.overrides) }];
    return plan;
  }
  // The note of the expiry, planned beside it, says the lapse and how to record a renewal.
  plan.due.push(notice && isLapsed(evaluation) ? { ...feeDue, reply: () => feeReply(evaluation, c.overrides, c.today, { lapseSaid: true }) } : feeDue);
  return plan;
}

/** Whether a Monday to Friday falls in [from, through]: a routine reminder could go out on it. Any three days in a row hold one. */
function hasWeekday(from: string, through: string): boolean {
  for (let day = from, n = 0; day <= through && n < 3; day = shiftDate(day, 1), n++) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return true;
  }
  return false;
}

/** The latest ladder stage reached with `daysLeft` to go, and the date of the next one. */
function ladderStage(ladder: readonly number[], deadline: string, daysLeft: number): { reached?: number; nextOn?: string } {
  let reached: number | undefined;
  let next: number | undefined;
  for (const days of ladder) {
    if (days >= daysLeft) reached = days; // ladder is descending: the last one reached is the closest
    else if (next === undefined) next = days;
  }
  return { reached, nextOn: next === undefined ? undefined : shiftDate(deadline, -next) };
}

function planCe({ standing, ladder, today, paceIndex, memberId, overrides }: CredentialCase): CredentialPlan {
  const { evaluation } = standing;
  const dayAfterExpiry = shiftDate(evaluation.cycle.end, 1);
  switch (evaluation.state) {
    case 'complete':
      return { due: [], nextOn: dayAfterExpiry };
    case 'in-progress': {
      const { reached, nextOn } = ladderStage(ladder, evaluation.submitBy, evaluation.submitByDaysLeft);
      const due: Due[] = [];
      // Submit-by passed, the expiry not yet (non-AAMA credit's processing time): once, "as soon as you can".
      const lateFrom = evaluation.submitBy < evaluation.cycle.end ? shiftDate(evaluation.submitBy, 1) : undefined;
      if (lateFrom !== undefined && evaluation.submitByDaysLeft < 0) {
        due.push({ kind: 'nudge', stage: 'late', urgent: true, from: lateFrom, reply: () => ladderReply(evaluation, (date) => standing.evaluateOn(date), today, feesToRenew(evaluation.code, overrides)) });
        return { due, nextOn: dayAfterExpiry };
      }
      if (reached !== undefined) {
        due.push({
          kind: 'nudge', stage: `d${reached}`, urgent: reached <= URGENT_DAYS, from: shiftDate(evaluation.submitBy, -reached),
          reply: () => ladderReply(evaluation, (date) => standing.evaluateOn(date), today, feesToRenew(evaluation.code, overrides)),
        });
      } else if (isBehindPace(evaluation)) {
        // Before the ladder starts, a member well behind gets one note per pace period.
        const even = evaluation.required / Math.max(1, daysBetween(evaluation.cycle.start, evaluation.submitBy) / (365.25 / 12));
        due.push({ kind: 'pace', stage: `p${paceIndex}`, urgent: false, from: shiftDate(today, 1 - PACE_NOTE_GAP_DAYS), reply: () => paceReply(evaluation, even) });
        // Held back by a note sent under four weeks ago, this period's note goes once four weeks
        // have passed, not at the next period: looked at again weekly while behind.
        return { due, nextOn: earliestDate(earliestDate(earliestDate(nextOn, lateFrom), dayAfterExpiry), paceRecheck(memberId, today)) };
      }
      return { due, nextOn: earliestDate(earliestDate(nextOn, lateFrom), dayAfterExpiry) };
    }
    case 'grace': {
      const graceEnd = shiftDate(today, evaluation.daysLeft);
      if (evaluation.remaining <= 0) return completeInGrace(standing, today, graceEnd, overrides);
      const week = Math.floor((daysBetween(evaluation.cycle.end, today) - 1) / 7);
      const step = week < WEEKLY_GRACE_WEEKS ? week : WEEKLY_GRACE_WEEKS + Math.floor((week - WEEKLY_GRACE_WEEKS) / 4) * 4;
      const nextWeek = week < WEEKLY_GRACE_WEEKS ? week + 1 : step + 4;
      return {
        due: [{ kind: 'nudge', stage: `g${step}`, urgent: true, reply: () => graceReply(evaluation, today, feesToRenew(evaluation.code, overrides)) }],
        nextOn: earliestDate(shiftDate(dayAfterExpiry, nextWeek * 7), shiftDate(graceEnd, 1)),
      };
    }
    case 'exam-required':
    case 'expired': {
      // The day the CE route closed (or the credential expired without one): announced once.
      const closedOn = evaluation.state === 'expired' ? dayAfterExpiry : shiftDate(today, evaluation.daysLeft + 1);
      if (daysBetween(closedOn, today) > LAPSE_NOTICE_DAYS) return { due: [] };
      // Expired with no CE route but its CE complete: the renewal most likely happened.
      if (evaluation.state === 'expired' && evaluation.remaining <= 0) return { due: completeAtExpiry(standing, today) };
      const notice: Due = { kind: 'nudge', stage: evaluation.state, urgent: true, reply: () => lapsedReply(evaluation, today) };
      // The route closed with the CE complete: a member told since the expiry (the note after it,
      // the last call before the close) knew all this notice says. Only one who heard nothing since
      // the expiry, in this series, gets it: the outbox keeps it out otherwise (stageFrom).
      if (evaluation.remaining <= 0) notice.from = dayAfterExpiry;
      return { due: [notice] };
    }
  }
}

/**
 * CE complete in a grace period: no more reminders of CE, but a note at the first sweep after the
 * expiry that the renewal is not recorded here (the team digest lists the credential as expired),
 * and one last call a week before the last day to apply, still unrecorded. When the route closes,
 * only a member told nothing since the expiry hears of it (planCe): "apply by" is then a day gone.
 */
function completeInGrace(standing: CredentialStanding, today: string, graceEnd: string, overrides: RuleOverrides): CredentialPlan {
  const { evaluation } = standing;
  const closingFrom = shiftDate(evaluation.submitBy, -URGENT_DAYS);
  if (today < closingFrom) return { due: completeAtExpiry(standing, today, overrides), nextOn: closingFrom };
  return {
    due: [{ kind: 'nudge', stage: 'complete-closing', urgent: true, reply: () => closingReply(evaluation, today, feesToRenew(evaluation.code, overrides)) }],
    nextOn: shiftDate(graceEnd, 1),
  };
}

/**
 * Once, within LAPSE_NOTICE_DAYS of the expiry: CE complete, renewal not recorded here. The renewal
 * fees (`overrides` given) while a grace period still takes the application; with no route left,
 * they are not what is owed.
 */
function completeAtExpiry({ evaluation }: CredentialStanding, today: string, overrides?: RuleOverrides): Due[] {
  if (daysBetween(shiftDate(evaluation.cycle.end, 1), today) > LAPSE_NOTICE_DAYS) return [];
  return [{ kind: 'nudge', stage: 'complete-at-expiry', urgent: false, reply: () => completeAtExpiryReply(evaluation, today, overrides ? feesToRenew(evaluation.code, overrides) : []) }];
}

function planCard(evaluation: Evaluation, ladder: readonly number[], today: string, holdsCma: boolean): CredentialPlan {
  const daysToExpiry = daysBetween(today, evaluation.cycle.end);
  if (daysToExpiry < 0) {
    if (-daysToExpiry > LAPSE_NOTICE_DAYS) return { due: [] };
    return { due: [{ kind: 'renewal', stage: 'expired', urgent: true, reply: () => cardReply(evaluation, daysToExpiry, holdsCma) }] };
  }
  const { reached, nextOn } = ladderStage(cardLadder(ladder), evaluation.cycle.end, daysToExpiry);
  const due: Due[] = reached === undefined ? [] : [{
    kind: 'renewal', stage: `d${reached}`, urgent: reached <= URGENT_DAYS, from: shiftDate(evaluation.cycle.end, -reached),
    reply: () => cardReply(evaluation, daysToExpiry, holdsCma),
  }];
  return { due, nextOn: earliestDate(nextOn, shiftDate(evaluation.cycle.end, 1)) };
}

/**
 * AMT (RMA, CMAS): an annual fee falls due every year in the anniversary month of certification,
 * whatever the state of the CE (RULES.md): a lapsed credential's reminder says it has lapsed.
 */
function planAmtFee(evaluation: Evaluation, today: string, overrides: Record<string, number | boolean>): CredentialPlan {
  if (evaluation.body !== 'AMT') return { due: [] };
  const month = evaluation.cycle.start.slice(5, 7);
  const year = Number(today.slice(0, 4));
  const thisYears = `${today.slice(0, 4)}-${month}-01`;
  const nextOn = thisYears > today ? thisYears : `${year + 1}-${month}-01`;
  if (today.slice(5, 7) !== month) return { due: [], nextOn };
  // Yearly, whatever the cycle: a renewal that month (a cycle ending mid-month, as one certified on
  // the 15th does) gives a new key, but the fee was already reminded in this series since the 1st.
  return {
    due: [{ kind: 'renewal', stage: `fee${year}`, urgent: false, from: `${year}-${month}-01`, series: 'fee', reply: () => feeReply(evaluation, overrides, today) }],
    nextOn,
  };
}

/**
 * Whether a planned message may arrive at a weekend, read back from the stage its key ends with:
 * the outbox keeps no urgency, and a retry or a backlog that runs past Friday evening must neither
 * hold a deadline a week away until Monday nor send a routine reminder on a Saturday. Ladder
 * stages follow URGENT_DAYS; pace notes and fees never are urgent; grace and lapse notices always
 * are, and so is a key the planner did not make (it is then never held longer than before).
 */
export function isUrgentKey(key: string): boolean {
  const stage = key.slice(key.lastIndexOf(':') + 1);
  const ladderDays = /^d(\d+)$/.exec(stage);
  if (ladderDays) return Number(ladderDays[1]) <= URGENT_DAYS;
  return !/^(p|fee)\d+$/.test(stage);
}

/** Of two instants from `toISOString` (same width for years 0-9999, so they sort as text). */
function earliestIso(a: string, b: string): string {
  return a <= b ? a : b;
}

function earliestDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}
