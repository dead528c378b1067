import type { Evaluation } from '../rules/types.js';
import { quantity } from './describe.js';

/** What one activity counted toward one credential, or the rule that kept it out. */
export function describeOutcome(e: Evaluation, activityId: number): string | undefined {
  const outcome = e.activities.find((a) => a.activityId === activityId);
  if (!outcome) return undefined;
  if (outcome.counted === 0) return `${e.code}: not counted: ${outcome.reason}`;
  const detail = [outcome.category, outcome.approved ? 'AAMA-approved' : undefined].filter(Boolean).join(', ');
  const partly = outcome.code === 'partly-counted' ? ` (partly: ${outcome.reason})` : '';
  return `${e.code}: +${quantity(outcome.counted, e.unit)}${detail ? ` ${detail}` : ''}${partly}`;
}
