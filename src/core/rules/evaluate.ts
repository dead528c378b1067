/**
 * The rules engine: one credential, the member's activities, a date. Pure: the same inputs give
 * the same evaluation, and every activity gets an outcome saying which rule decided it.
 *
 * Two halves: counting the activities (the costly part, which depends on the date only through
 * which activities are dated on or before it) and finishing (state, deadlines, pace and notes for
 * the date). `tally.ts` keeps the first half's result so the scheduler and `status` can skip it.
 */
import { allocateNonApproved, type AllocationItem } from './allocate-non-approved.js';
import { buildNotes } from './build-notes.js';
import { classifyActivity, type Candidate } from './classify-activity.js';
import { createSettingReader, type SettingReader } from './create-setting-reader.js';
import { describeTimeline, graceEndOf } from './credential-timeline.js';
import { cycleWindow } from './cycle.js';
import { describeOutcome } from './describe-outcome.js';
import type { EvaluationContext } from './evaluation-context.js';
import { limitCprCards } from './limit-cpr-cards.js';
import { measureRequirements, type CountedCandidate, type Measurement } from './measure-requirements.js';
import { addCalendarDays, calendarParts } from './calendar-date.js';
import { add, gap, hundredthsDown, hundredthsUp, isZero, sum, toNumber, toNumberDown, toNumberUp, ZERO, type Rational } from './rational.js';
import { credentialName, getRulePack } from './rule-packs.js';
import type { ActivityInput, ActivityOutcome, Category, CredentialCode, CredentialInput, Evaluation, RequirementResult, RuleOverrides } from './types.js';

export interface EvaluateOptions {
  /** false skips the per-activity outcomes (`activities: []`): status and need never show them,
   *  and building their sentences was most of what each evaluation allocated (bench). */
  explain?: boolean;
}

/** What counting the activities found, before the date's state and notes are added. */
export interface Counts {
  required: number;
  earned: number;
  remaining: number;
  /** What is still needed, exactly (`remaining` is it as shown): the timeline's pace and "complete" are computed from it. */
  exactRemaining: Rational;
  requirements: RequirementResult[];
  usesNonApproved: boolean;
}

export function evaluate(
  credential: CredentialInput,
  activities: readonly ActivityInput[],
  asOf: string,
  overrides: RuleOverrides = {},
  { explain = true }: EvaluateOptions = {},
): Evaluation {
  const ctx = createContext(withGraceCut(credential, activities, overrides), asOf, createSettingReader(overrides));
  const { counts, outcomes } = countCredit(ctx, activities, explain);
  return finishEvaluation(credential.code, ctx, counts, explain ? activities.map((_, index) => outcomes.get(index) as ActivityOutcome) : []);
}

/**
 * A renewal made after the expiry (`renewedOn` later than `renewedFrom`) was made with the CE done
 * in the grace period to close the lapsed cycle's gap (AAMA and NCCT accept it, RULES.md): that CE
 * reinstated the lapsed cycle and does not count again toward the next one, which for an NCMA
 * starts the day after the old expiry. Worked out from the activities as they are now, so CE
 * logged after the renewal was recorded, or an activity's date corrected since, is counted right.
 */
export function withGraceCut(credential: CredentialInput, activities: readonly ActivityInput[], overrides: RuleOverrides): CredentialInput {
  const { renewedFrom, renewedOn } = credential;
  if (renewedFrom === undefined || renewedOn === undefined || renewedOn <= renewedFrom) return credential;
  // The lapsed cycle on its own: its reach back (NCCT's CE-0309) stops at its start, for what came
  // before went to the renewal before it, which this credential no longer says.
  const lapsed = { code: credential.code, expiresOn: renewedFrom };
  const graceThrough = graceCeThrough({ ...lapsed, renewedFrom: addCalendarDays(cycleWindow(lapsed).start, -1) }, activities, renewedOn, overrides);
  return graceThrough === undefined ? credential : { ...credential, graceThrough };
}

/**
 * The day the grace-period CE (dated after the expiry, up to `renewedOn`) closed the lapsed cycle's
 * gap: what it needed up to that day went to it. Undefined when it was met by its expiry, or when
 * what is logged here never closes it (no grace route, as for AMT and NHA, or a renewal made with
 * credit not logged here, or by exam): then all of it is the next cycle's. Remaining only falls as
 * days are added, so the day is found by halving: a few evaluations, however long the grace.
 */
function graceCeThrough(lapsed: CredentialInput, activities: readonly ActivityInput[], renewedOn: string, overrides: RuleOverrides): string | undefined {
  const end = lapsed.expiresOn;
  const closedBy = (day: string) => evaluate(lapsed, activities.filter((a) => a.completedOn <= day), day, overrides, { explain: false }).remaining === 0;
  if (closedBy(end) || !closedBy(renewedOn)) return undefined;
  const days = [...new Set(activities.filter((a) => a.completedOn > end && a.completedOn <= renewedOn).map((a) => a.completedOn))].sort();
  let low = 0;
  let high = days.length - 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (closedBy(days[middle]!)) high = middle;
    else low = middle + 1;
  }
  return days[low];
}

/**
 * The last day whose credit a known renewal used, for `history`'s record of the cycle renewed: the
 * renewal day when it came early; after the expiry, the day the logged grace CE closed the lapsed
 * cycle's gap, or, when it never did (an exam, credit not logged here), all of it up to the renewal.
 * Undefined when no renewal is known.
 */
export function renewalCoveredThrough(credential: CredentialInput, activities: readonly ActivityInput[], overrides: RuleOverrides = {}): string | undefined {
  if (credential.renewedFrom === undefined) return undefined;
  return withGraceCut(credential, activities, overrides).graceThrough ?? credential.renewedOn ?? credential.renewedFrom;
}

export function createContext(credential: CredentialInput, asOf: string, read: SettingReader): EvaluationContext {
  calendarParts(asOf); // throws on an impossible date
  const pack = getRulePack(credential.code);
  const window = cycleWindow(credential);
  return { pack, window, asOf, read, graceEndsOn: graceEndOf(pack, window.end, read) };
}

/** Classifies, caps and measures the activities; with `explain`, an outcome for every one of them. */
export function countCredit(ctx: EvaluationContext, activities: readonly ActivityInput[], explain: boolean): { counts: Counts; outcomes: Map<number, ActivityOutcome> } {
  const outcomes = new Map<number, ActivityOutcome>();
  const candidates: Candidate[] = [];
  activities.forEach((activity, index) => {
    const result = classifyActivity(ctx, activity, index);
    if (result.kind === 'excluded') outcomes.set(index, result.outcome);
    else candidates.push(result.candidate);
  });
  const cards = limitCprCards(ctx, candidates);
  for (const { index, outcome } of cards.excluded) outcomes.set(index, outcome);

  const counted = countCandidates(ctx, cards.kept);
  if (explain) {
    const shown = shownCredit(counted);
    for (const c of counted) outcomes.set(c.candidate.index, describeOutcome(ctx, c.candidate, c.counted, shown.get(c.candidate.index)));
  }

  const measured = measureRequirements(ctx, counted);
  const counts: Counts = {
    required: toNumber(measured.required),
    earned: toNumberDown(measured.earned),
    remaining: remainingShown(ctx, measured),
    exactRemaining: measured.remaining,
    requirements: measured.requirements.map((r) => ({
      id: r.id,
      required: toNumber(r.required),
      earned: toNumberDown(r.earned),
      remaining: toNumberUp(r.remaining),
      ...(r.unverified ? { unverified: true } : {}),
    })),
    usesNonApproved: needsNonApproved(ctx, counted),
  };
  return { counts, outcomes };
}

/** The evaluation on `ctx.asOf` from what counting found: state, deadlines, pace, notes. */
export function finishEvaluation(code: CredentialCode, ctx: EvaluationContext, counts: Counts, outcomes: ActivityOutcome[]): Evaluation {
  const { pack } = ctx;
  const timeline = describeTimeline(ctx, counts.exactRemaining, counts.usesNonApproved);
  return {
    code,
    body: pack.body,
    name: credentialName(code),
    unit: pack.unit,
    cycle: { start: ctx.window.start, end: ctx.window.end },
    state: timeline.state,
    required: counts.required,
    earned: counts.earned,
    remaining: counts.remaining,
    requirements: counts.requirements.map((r) => ({ ...r })),
    submitBy: timeline.submitBy,
    daysLeft: timeline.daysLeft,
    submitByDaysLeft: timeline.submitByDaysLeft,
    pacePerMonth: toNumberUp(timeline.pacePerMonth),
    activities: outcomes,
    notes: buildNotes(ctx, timeline),
  };
}

/**
 * What is still needed, as shown: rounded up, and never less than the category gaps as shown (each
 * rounded up on its own) add up to. 9.5833… clinical and 9.5833… general points show as 9.59 each,
 * so 19.17 in all would not add up, and 19.17 logged in hundredths would leave one a hundredth short.
 * `remaining` stays the max of the total gap, the category gaps and the approved gap (DESIGN.md),
 * taken on the figures the JSON shows.
 */
function remainingShown(ctx: EvaluationContext, measured: Measurement): number {
  const remaining = hundredthsUp(measured.remaining);
  // Only a pack with category minimums (the CMA) has parts to add up; the sweep counts every credential.
  if (ctx.pack.categoryMinimums.length === 0 || remaining === 0n) return Number(remaining) / 100;
  let categoryGaps = 0n;
  for (const r of measured.requirements) {
    if (ctx.pack.categoryMinimums.some((m) => m.category === r.id)) categoryGaps += hundredthsUp(r.remaining);
  }
  return Number(remaining > categoryGaps ? remaining : categoryGaps) / 100;
}

/**
 * What each counted activity shows as its credit: what it adds to the total as shown (`earned`,
 * rounded down to hundredths), taking the activities in the order they were logged. So the figures
 * add up to the total, the one a `log` reply gives its new activity is exactly how far the total
 * moved, and a later activity changes an earlier one's only by moving credit under a cap. Credit in
 * whole hundredths shows as it is; credit that is not (minutes come in thirds of a point, 0.75 hours
 * is 0.375 NHA credits) shows within a hundredth of it: three 25-minute courses, 0.4166… points
 * each, show 0.41, 0.42 and 0.42 of 1.25.
 */
function shownCredit(counted: readonly CountedCandidate[]): Map<number, number> {
  const inLoggedOrder = [...counted].sort((a, b) => a.candidate.activity.id - b.candidate.activity.id || a.candidate.index - b.candidate.index);
  const shown = new Map<number, number>();
  let total = ZERO;
  let totalShown = 0n;
  for (const { candidate, counted: credit } of inLoggedOrder) {
    total = add(total, credit);
    const next = hundredthsDown(total);
    shown.set(candidate.index, Number(next - totalShown) / 100);
    totalShown = next;
  }
  return shown;
}

/**
 * Whether the application needs non-approved credit, which AAMA takes 2–3 weeks to process: not
 * when approved credit alone meets every requirement, for an application with only AAMA CEUs is
 * processed at once (aama-policies) and the member leaves the rest off it.
 */
function needsNonApproved(ctx: EvaluationContext, counted: readonly CountedCandidate[]): boolean {
  if (ctx.pack.approved === null || !counted.some((c) => !c.candidate.approved && !isZero(c.counted))) return false;
  return !isZero(measureRequirements(ctx, counted.filter((c) => c.candidate.approved)).remaining);
}

/** Approved credit counts in full; non-approved credit up to the pack's cap, chosen optimally. */
function countCandidates(ctx: EvaluationContext, candidates: readonly Candidate[]): CountedCandidate[] {
  const { pack, read } = ctx;
  if (!pack.approved) return candidates.map((candidate) => ({ candidate, counted: candidate.value }));

  const approved = candidates.filter((c) => c.approved);
  const gaps = new Map<Category, Rational>(
    pack.categoryMinimums.map(({ category, minimum }) => [
      category,
      gap(read.number(minimum), sum(approved.filter((c) => c.category === category).map((c) => c.value))),
    ]),
  );
  // Every candidate has a category here: packs with an approved rule require one (no-category).
  const items: AllocationItem[] = candidates
    .filter((c) => !c.approved && c.category !== undefined)
    .map((c) => ({ key: c.index, category: c.category as Category, value: c.value, completedOn: c.activity.completedOn }));
  const allocation = allocateNonApproved(items, gaps, read.number(pack.approved.otherCap));
  return candidates.map((candidate) => ({
    candidate,
    counted: candidate.approved ? candidate.value : (allocation.get(candidate.index) ?? ZERO),
  }));
}
