/** A team member's credentials evaluated on their own calendar day: what nudges, digests and `team` read. */
import type { StoredCredential, TeamMember } from '../ports.js';
import { evaluate } from '../rules/index.js';
import type { Evaluation } from '../rules/types.js';
import { currentCycle } from '../views/load-standing.js';
import { daysBetween } from './local-time.js';

export interface CredentialStanding {
  credential: StoredCredential;
  evaluation: Evaluation;
}

export function evaluateMember(member: TeamMember, today: string, overrides: Record<string, number | boolean>): CredentialStanding[] {
  return member.credentials.map((credential) => ({
    credential,
    evaluation: evaluate(currentCycle(credential, member.activities), member.activities, today, overrides, { explain: false }),
  }));
}

/**
 * "Well behind": the credit a month still needed is at least 1.5 times the even pace the whole
 * cycle asks for (CMA: 60 points over 60 months is 1 a month; needing 1.5 or more is behind).
 */
export const BEHIND_PACE_FACTOR = 1.5;
const DAYS_PER_MONTH = 365.25 / 12;

export function isBehindPace(evaluation: Evaluation): boolean {
  if (evaluation.unit === 'card' || evaluation.state !== 'in-progress' || evaluation.remaining <= 0) return false;
  const cycleMonths = Math.max(1, daysBetween(evaluation.cycle.start, evaluation.submitBy) / DAYS_PER_MONTH);
  return evaluation.pacePerMonth >= BEHIND_PACE_FACTOR * (evaluation.required / cycleMonths);
}
