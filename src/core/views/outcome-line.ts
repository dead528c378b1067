import type { Evaluation } from '../rules/types.js';
import { quantity } from './describe.js';

/** What one activity counted toward one credential, or the rule that kept it out. */
export function outcomeLine(e: Evaluation, activityId: number): string | undefined {
  const outcome = e.activities.find((a) => a.activityId === activityId);
  // A BLS card takes no CE; saying so under every activity is noise.
  if (!outcome || e.code === 'BLS') return undefined;
  if (outcome.counted === 0) return `${e.code}: not counted: ${outcome.reason.replace(/\.$/, '')}`;
  // Category and approval matter only where a requirement counts them (the CMA).
  const counts = (id: string | undefined) => e.requirements.some((r) => r.id === id);
  const detail = [counts(outcome.category) ? outcome.category : undefined, outcome.approved && counts('aama-approved') ? 'AAMA-approved' : undefined].filter(Boolean).join(', ');
  const partly = outcome.code === 'partly-counted' ? ` (partly: ${outcome.reason.replace(/\.$/, '')})` : '';
  return `${e.code}: +${quantity(outcome.counted, e.unit)}${detail ? ` ${detail}` : ''}${partly}`;
}
