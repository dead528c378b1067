/**
 * First pass over one activity: the rules that exclude it whatever else was logged (date, window,
 * unit, category, minimum length). What survives is a candidate; caps are applied later.
 */
import { compare, fromNumber, mul, parseDecimal, rational, type Rational } from './rational.js';
import { acceptedUnits, convertAmount } from './convert-amount.js';
import { formatCredit, type EvaluationContext } from './evaluation-context.js';
import type { ActivityInput, ActivityOutcome, Category } from './types.js';

export interface Candidate {
  index: number;
  activity: ActivityInput;
  value: Rational; // in the credential's unit, before caps
  category: Category | undefined;
  approved: boolean;
  isCard: boolean;
  /** Extra clauses for the reason: unverified conversion, conditions, NCCT's earlier window. */
  details: string[];
  /**
   * The clauses of `details` a one-line view says beside the amount: about this activity alone and
   * covered by no note (CE in a grace period, an `aama` mark that does not hold, a condition we cannot check).
   */
  caveats: string[];
}

export type Classification = { kind: 'candidate'; candidate: Candidate } | { kind: 'excluded'; outcome: ActivityOutcome };

const excluded = (activity: ActivityInput, code: string, reason: string): Classification => {
  // A plain literal, not a conditional spread: see describe-outcome.ts on GC cost in bench.
  const outcome: ActivityOutcome = { activityId: activity.id, counted: 0, code, reason };
  if (activity.category) outcome.category = activity.category;
  return { kind: 'excluded', outcome };
};

export function classifyActivity(ctx: EvaluationContext, activity: ActivityInput, index: number): Classification {
  const { pack, window, asOf } = ctx;
  if (activity.completedOn > asOf) return excluded(activity, 'future', `Dated ${activity.completedOn}, after ${asOf}: it counts from that day on.`);
  if (pack.unit === 'card') return excluded(activity, 'no-ce-required', `A ${pack.name} has no CE requirement; nothing is counted toward it.`);
  const countsUntil = ctx.graceEndsOn ?? window.end;
  const { renewal } = window;
  if (renewal && activity.completedOn < window.earnFrom && activity.completedOn >= renewal.reachFrom) {
    return excluded(activity, 'counted-in-renewal', `Dated ${activity.completedOn}, on or before ${renewal.cycleEnd}, the last day your renewal covered: it counts toward that renewal, not again toward this cycle.`);
  }
  if (activity.completedOn < window.earnFrom || activity.completedOn > countsUntil) {
    // The period ends at the expiry: a grace end in its place read as a later expiry (NCCT's is 5 years on).
    const afterGrace = ctx.graceEndsOn !== null && activity.completedOn > window.end ? ` and after the grace period that followed it (to ${ctx.graceEndsOn})` : '';
    return excluded(activity, 'outside-window', `Dated ${activity.completedOn}, outside the period ${window.earnFrom}..${window.end}${afterGrace}${outsidePeriodRule(ctx)}.`);
  }
  const details: string[] = [];
  const caveats: string[] = [];
  if (activity.completedOn > window.end) {
    // The CE route stays open through the grace period, so CE done in it is what closes the gap;
    // no source says in so many words that it counts, hence "unverified".
    addCaveat(details, caveats, `completed in the grace period after ${window.end}; that it counts is unverified`);
  }
  if (activity.completedOn < window.start) {
    details.push(`completed before this recertification year, but ${pack.body} accepts outside CE from ${window.earnFrom} (CE-0309)`);
  }
  if (activity.unit === 'card') return classifyCard(ctx, activity, index, details, caveats);

  // Before converting: reading an unverified conversion lists it in the notes as "in use", and it
  // is not for an activity that cannot count (NHA credits logged for a CCMA, seen by a CMA).
  if (pack.categoryMinimums.length > 0 && !activity.category) {
    // Logged before the CMA was added, when no category was asked for: say the command that fixes it.
    const [first, ...others] = pack.categoryMinimums.map((m) => m.category);
    return excluded(activity, 'no-category', `${pack.body} points need a category: \`edit ${activity.id} category ${first}\` (or ${others.join(', ')}).`);
  }
  const converted = convertAmount(pack, activity.amount, activity.unit, ctx.read);
  if (!converted.accepted) {
    // The activity is saved (another credential may count it): the `edit` that gives its amount in
    // a unit the body counts, not "log it in hours", which would log it twice; nor `edit … unit`,
    // which keeps the number: 2 points are not 2 hours, so the hours come off the certificate.
    const units = acceptedUnits(pack);
    const suggested = units.includes('hours') ? 'hours' : units[0]!;
    const others = units.filter((unit) => unit !== suggested);
    return excluded(activity, 'unit-not-accepted', `${pack.body} does not count ${activity.unit}; if the certificate also gives ${suggested}${others.length > 0 ? ` (or ${others.join(', ')})` : ''}, enter that amount: \`edit ${activity.id} amount <n> ${suggested}\`.`);
  }
  const { conversion, value } = converted;
  if (conversion.factor.status === 'U') details.push(`the ${activity.unit} conversion is unverified`);
  if (conversion.condition) addCaveat(details, caveats, conversion.condition);
  const approved = pack.approved !== null && activity.aamaApproved && conversion.alwaysNonApproved !== true;
  if (pack.approved && activity.aamaApproved && !approved) addCaveat(details, caveats, `${activity.unit.replace('-', ' ')} always count as non-${pack.body}`);
  if (!approved && belowMinimumHour(ctx, activity, value)) {
    return excluded(activity, 'below-minimum-hour', `A non-${pack.body} activity must last at least one contact hour (${pack.minimumContactHour?.minutes.value} minutes) to count (${pack.body}); this one is ${formatCredit(value, pack.unit)}.`);
  }
  return { kind: 'candidate', candidate: { index, activity, value, category: activity.category, approved, isCard: false, details, caveats } };
}

/**
 * What the body says of credit earned outside the period, as its pack has it: stated where RULES.md
 * verifies it (AAMA, AMT), said unverified where it does not (NHA's no-carry-over, stated for
 * pharmacy technicians only), nothing where our sources say nothing (NCCT).
 */
function outsidePeriodRule({ pack }: EvaluationContext): string {
  return pack.outsidePeriod === null ? '' : `; ${pack.outsidePeriod.says}`;
}

/** A clause of the reason that one-line views say too (a module function: no closure per activity in a sweep). */
function addCaveat(details: string[], caveats: string[], clause: string): void {
  details.push(clause);
  caveats.push(clause);
}

function classifyCard(ctx: EvaluationContext, activity: ActivityInput, index: number, details: string[], caveats: string[]): Classification {
  const rule = ctx.pack.cprCard;
  if (!rule || !rule.accepted) return excluded(activity, 'cpr-not-accepted', rule && !rule.accepted ? rule.reason : 'A CPR card earns no credit here.');
  const approved = ctx.read.boolean(rule.countsAsApproved);
  if (rule.countsAsApproved.status === 'U') details.push(`whether CPR points count as ${ctx.pack.body}-approved is unverified`);
  // A card is a card: its printed amount is the count ("1"), the points come from the rule.
  const value = ctx.read.number(rule.points);
  return { kind: 'candidate', candidate: { index, activity, value, category: rule.category, approved, isCard: true, details, caveats } };
}

/** A contact hour is 50 minutes of participation (aama-does-it-count); other units compare credit. */
function belowMinimumHour(ctx: EvaluationContext, activity: ActivityInput, value: Rational): boolean {
  const rule = ctx.pack.minimumContactHour;
  if (!rule) return false;
  const amount = parseDecimal(activity.amount);
  if (activity.unit === 'minutes') return compare(amount, fromNumber(rule.minutes.value)) < 0;
  if (activity.unit === 'hours') return compare(mul(amount, rational(60)), fromNumber(rule.minutes.value)) < 0;
  return compare(value, fromNumber(rule.minimum.value)) < 0;
}
