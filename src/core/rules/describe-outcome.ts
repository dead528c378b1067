/** The outcome of a candidate once caps are applied: counted, partly counted, or over the cap. */
import type { Candidate } from './classify-activity.js';
import { creditWords, formatCredit, type EvaluationContext } from './evaluation-context.js';
import { compare, isZero, toNumber, type Rational } from './rational.js';
import type { ActivityOutcome } from './types.js';

/**
 * `shown`: the activity's credit as replies show it (what it adds to the total as shown, evaluate.ts);
 * its reason gives that figure too, so "+28.84 points" is not explained as "28.83 points … count".
 */
export function describeOutcome(ctx: EvaluationContext, candidate: Candidate, counted: Rational, shown = toNumber(counted)): ActivityOutcome {
  const { pack } = ctx;
  // Built field by field: object spread ({ ...base, code, reason }) allocated ~400 bytes per outcome
  // that survived minor GCs (measured in bench), lengthening every scavenge.
  const outcome = (code: string, reason: string): ActivityOutcome => {
    const o: ActivityOutcome = { activityId: candidate.activity.id, counted: shown, code, reason };
    if (candidate.category) o.category = candidate.category;
    if (pack.approved) o.approved = candidate.approved;
    if (candidate.caveats.length > 0) o.caveats = candidate.caveats;
    return o;
  };
  const details = candidate.details.length > 0 ? ` (${candidate.details.join('; ')})` : '';
  const cap = pack.approved ? `Only ${toNumber(ctx.read.number(pack.approved.otherCap))} non-${pack.body} ${pack.unit} count (${pack.body})` : '';

  if (compare(counted, candidate.value) >= 0) {
    return outcome('counted', `Counts as ${describeCredit(ctx, candidate, shown)}${details}.`);
  }
  if (isZero(counted)) {
    return outcome('non-approved-cap', `${cap}; the ones that count were chosen to close as much as possible of what is still needed, and this one did not fit${details}.`);
  }
  return outcome('partly-counted', `${cap}; ${creditWords(shown, pack.unit)} of its ${formatCredit(candidate.value, pack.unit)} count, chosen to close as much as possible of what is still needed${details}.`);
}

function describeCredit(ctx: EvaluationContext, candidate: Candidate, shown: number): string {
  const { pack } = ctx;
  const amount = creditWords(shown, pack.unit);
  const card = candidate.isCard ? ', a CPR card issued in the period' : '';
  if (!pack.approved) return `${amount}${card}`;
  const source = candidate.approved ? `${pack.body}-approved` : `non-${pack.body}`;
  return `${amount}, ${candidate.category ?? 'no category'}, ${source}${card}`;
}
