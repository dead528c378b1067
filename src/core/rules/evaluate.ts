/**
 * The rules engine: one credential, the member's activities, a date. Pure: the same inputs give
 * the same evaluation, and every activity gets an outcome saying which rule decided it.
 */
import { allocateNonApproved, type AllocationItem } from './allocate-non-approved.js';
import { buildNotes } from './build-notes.js';
import { classifyActivity, type Candidate } from './classify-activity.js';
import { createSettingReader } from './create-setting-reader.js';
import { describeTimeline, graceEndOf } from './credential-timeline.js';
import { cycleWindow } from './cycle.js';
import { describeOutcome } from './describe-outcome.js';
import type { EvaluationContext } from './evaluation-context.js';
import { limitCprCards } from './limit-cpr-cards.js';
import { measureRequirements, type CountedCandidate } from './measure-requirements.js';
import { parseCalendarDate } from './calendar-date.js';
import { gap, isZero, sum, toNumber, toNumberDown, toNumberUp, ZERO, type Rational } from './rational.js';
import { credentialName, getRulePack } from './rule-packs.js';
import type { ActivityInput, ActivityOutcome, Category, CredentialInput, Evaluation, RuleOverrides } from './types.js';

export interface EvaluateOptions {
  /** false skips the per-activity outcomes (`activities: []`): status and need never show them,
   *  and building their sentences was most of what each evaluation allocated (bench). */
  explain?: boolean;
}

export function evaluate(
  credential: CredentialInput,
  activities: readonly ActivityInput[],
  asOf: string,
  overrides: RuleOverrides = {},
  { explain = true }: EvaluateOptions = {},
): Evaluation {
  parseCalendarDate(asOf);
  const pack = getRulePack(credential.code);
  const window = cycleWindow(credential);
  const read = createSettingReader(overrides);
  const ctx: EvaluationContext = { pack, window, asOf, read, graceEndsOn: graceEndOf(pack, window.end, read) };

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
  if (explain) for (const c of counted) outcomes.set(c.candidate.index, describeOutcome(ctx, c.candidate, c.counted));

  const measured = measureRequirements(ctx, counted);
  const usesNonApproved = pack.approved !== null && counted.some((c) => !c.candidate.approved && !isZero(c.counted));
  const timeline = describeTimeline(ctx, measured.remaining, usesNonApproved);

  return {
    code: credential.code,
    body: pack.body,
    name: credentialName(credential.code),
    unit: pack.unit,
    cycle: { start: ctx.window.start, end: ctx.window.end },
    state: timeline.state,
    required: toNumber(measured.required),
    earned: toNumberDown(measured.earned),
    remaining: toNumberUp(measured.remaining),
    requirements: measured.requirements.map((r) => ({
      id: r.id,
      required: toNumber(r.required),
      earned: toNumberDown(r.earned),
      remaining: toNumberUp(r.remaining),
      ...(r.unverified ? { unverified: true } : {}),
    })),
    submitBy: timeline.submitBy,
    daysLeft: timeline.daysLeft,
    submitByDaysLeft: timeline.submitByDaysLeft,
    pacePerMonth: toNumberUp(timeline.pacePerMonth),
    activities: explain ? activities.map((_, index) => outcomes.get(index) as ActivityOutcome) : [],
    notes: buildNotes(ctx, timeline),
  };
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
