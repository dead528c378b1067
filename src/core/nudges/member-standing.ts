/** A member's credentials evaluated on their own calendar day, from saved tallies where they hold: what nudges, digests, `team`, `status` and `need` read. */
import type { StoredCredential, TeamMember } from '../ports.js';
import { evaluate } from '../rules/index.js';
import { evaluateTally, tallyCredit, tallyHolds, type SavedTally } from '../rules/tally.js';
import type { CredentialInput, Evaluation } from '../rules/types.js';
import { currentCycle } from '../views/load-standing.js';
import { daysBetween } from './local-time.js';

export interface CredentialStanding {
  credential: StoredCredential;
  evaluation: Evaluation;
  /** The same credential evaluated on another day (what a reminder says happens after expiry); call it on the standing. */
  evaluateOn(date: string): Evaluation;
}

export interface MemberStanding {
  standings: CredentialStanding[];
  /** Set when any credential was counted afresh: every credential's tally, for the store to keep. */
  counted?: SavedTally[];
}

/**
 * Each credential is evaluated from the member's saved tally when it holds for `today`, and
 * counted from the activities otherwise (reading them only then).
 */
export function standMember(member: TeamMember, today: string, overrides: Record<string, number | boolean>): MemberStanding {
  let fresh = false;
  const tallies = member.credentials.map((credential): SavedTally => {
    const saved = member.tallies?.find((t) => t.code === credential.code && t.expiresOn === credential.expiresOn);
    if (saved && holdsFor(saved, credential, today, overrides)) return saved;
    fresh = true;
    const { activities } = member;
    return { ...tallyCredit(currentCycle(credential, activities), activities, today, overrides), expiresOn: credential.expiresOn };
  });
  const standings = member.credentials.map((credential, i) => new TalliedStanding(member, credential, tallies[i]!, today, overrides));
  return fresh ? { standings, counted: tallies } : { standings };
}

/** A class, not a literal with a closure: a sweep makes 100,000 of these, and tsx names every closure. */
class TalliedStanding implements CredentialStanding {
  readonly evaluation: Evaluation;

  constructor(
    private readonly member: TeamMember,
    readonly credential: StoredCredential,
    private readonly tally: SavedTally,
    today: string,
    private readonly overrides: Record<string, number | boolean>,
  ) {
    this.evaluation = evaluateTally(tally, today, overrides);
  }

  evaluateOn(date: string): Evaluation {
    const { member, credential, tally, overrides } = this;
    return holdsFor(tally, credential, date, overrides)
      ? evaluateTally(tally, date, overrides)
      : evaluate(currentCycle(credential, member.activities), member.activities, date, overrides, { explain: false });
  }
}

/**
 * Whether a saved tally of `credential` holds on `date`. Against the tally's own cycle end: a BLS
 * card's comes from the newest card logged, and reading the activities to find it is what a tally saves.
 */
function holdsFor(tally: SavedTally, credential: CredentialInput, date: string, overrides: Record<string, number | boolean>): boolean {
  return tallyHolds(tally, credential.code, tally.cycleEnd, date, overrides, credential);
}

export function evaluateMember(member: TeamMember, today: string, overrides: Record<string, number | boolean>): CredentialStanding[] {
  return standMember(member, today, overrides).standings;
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
