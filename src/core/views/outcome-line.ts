import type { ActivityOutcome, Evaluation } from '../rules/types.js';
import { quantity } from './describe.js';

/** What one activity counted toward one credential, or the rule that kept it out. */
export function outcomeLine(e: Evaluation, activityId: number): string | undefined {
  const outcome = outcomesById(e).get(activityId);
  // A BLS card takes no CE; saying so under every activity is noise.
  if (!outcome || e.code === 'BLS') return undefined;
  // By the rule, not the figure: credit under a hundredth counts, and may add 0 to the total as shown.
  if (outcome.code !== 'counted' && outcome.code !== 'partly-counted') return `${e.code}: not counted: ${outcome.reason.replace(/\.$/, '')}`;
  // Category and approval matter only where a requirement counts them (the CMA).
  const counts = (id: string | undefined) => e.requirements.some((r) => r.id === id);
  const detail = [counts(outcome.category) ? outcome.category : undefined, outcome.approved && counts('aama-approved') ? 'AAMA-approved' : undefined].filter(Boolean).join(', ');
  // A partly counted activity's reason holds its caveats already.
  const partly = outcome.code === 'partly-counted' ? ` (partly: ${outcome.reason.replace(/\.$/, '')})` : outcome.caveats ? ` (${outcome.caveats.join('; ')})` : '';
  return `${e.code}: +${quantity(outcome.counted, e.unit)}${detail ? ` ${detail}` : ''}${partly}`;
}

/** What the evaluation says of one activity: counted, partly, or the rule that kept it out. */
export function outcomeOf(e: Evaluation, activityId: number): ActivityOutcome | undefined {
  return outcomesById(e).get(activityId);
}

const byId = new WeakMap<Evaluation, Map<number, ActivityOutcome>>();

/** `history` asks for every activity (to size its pages): a lookup, not a scan per activity. */
function outcomesById(e: Evaluation): Map<number, ActivityOutcome> {
  let outcomes = byId.get(e);
  if (!outcomes) {
    outcomes = new Map(e.activities.map((a) => [a.activityId, a]));
    byId.set(e, outcomes);
  }
  return outcomes;
}
