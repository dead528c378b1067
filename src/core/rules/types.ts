/**
 * The rules engine's contract: what goes into `evaluate` and what comes out.
 * Everything here is plain data so the core, the storage and the adapters can share it.
 */

/** Units as a certificate prints them. `card` is a CPR/BLS card logged by issue date. */
export const UNITS = ['hours', 'minutes', 'ceu', 'iacet', 'college-credits', 'nha-credits', 'points', 'card'] as const;
export type Unit = (typeof UNITS)[number];

export const CATEGORIES = ['administrative', 'clinical', 'general'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CREDENTIAL_CODES = ['CMA', 'RMA', 'CMAS', 'NCMA', 'CCMA', 'CMAA', 'CPT', 'CET', 'BLS'] as const;
export type CredentialCode = (typeof CREDENTIAL_CODES)[number];

/** V verified on the body's page, V3 only from a reputable third party, U unverified. */
export type SourceStatus = 'V' | 'V3' | 'U';

/** One logged activity, as stored (amount is the decimal string as printed, e.g. "0.5"). */
export interface ActivityInput {
  id: number;
  completedOn: string; // ISO date, YYYY-MM-DD
  amount: string; // exact decimal as printed; never a float
  unit: Unit;
  category?: Category;
  title?: string;
  provider?: string;
  aamaApproved: boolean;
}

/** A credential the member holds: the current cycle ends on `expiresOn`. */
export interface CredentialInput {
  code: CredentialCode;
  expiresOn: string; // ISO date: last day of the current cycle
  /**
   * The last day the member's latest renewal covered, when the store knows it: the end of the cycle
   * renewed from, or the day the renewal was recorded if earlier. Credit dated on or before it
   * counted toward that renewal, so NCCT's outside-CE rule does not reach back into it.
   */
  renewedFrom?: string;
  /**
   * The day the member renewed, when later than `renewedFrom`: a renewal after the cycle ended. The
   * grace-period CE the lapsed cycle needed up to it reinstated that cycle (evaluate.ts works out
   * which, into `graceThrough`).
   */
  renewedOn?: string;
  /**
   * Worked out by counting from `renewedOn` and the activities, never stored: the day of the last
   * grace-period CE the lapsed cycle needed (or counted, if its gap never closed here). Credit dated
   * up to it does not count again (cycle.ts).
   */
  graceThrough?: string;
}

/**
 * Values the rule packs mark unverified (U) and that a workspace may override.
 * Keys are stable; the engine reports which unverified values it used.
 */
export type RuleOverrides = Partial<Record<string, number | boolean>>;

export type CredentialState = 'complete' | 'in-progress' | 'grace' | 'exam-required' | 'expired';

export interface RequirementResult {
  id: string; // 'total' is implicit; ids like 'administrative', 'clinical', 'general', 'aama-approved'
  required: number;
  earned: number;
  remaining: number;
  unverified?: boolean;
}

/** Why an activity counted, partly counted, or did not count toward one credential. */
export interface ActivityOutcome {
  activityId: number;
  /**
   * In the credential's unit, as shown: what it adds to `earned` in the order logged, so a
   * credential's figures add up to `earned` (evaluate.ts, shownCredit); 0 when excluded. Credit under
   * a hundredth may show 0 though it counts: `code` says whether it counted.
   */
  counted: number;
  category?: Category;
  approved?: boolean;
  /** Stable identifier: 'counted', 'partly-counted', or the rule that kept it out. */
  code: string;
  /** One human sentence naming the rule, e.g. "Only 30 non-AAMA points count; this one did not fit." */
  reason: string;
  /** Clauses of the reason to say beside the amount wherever it is shown, e.g. "completed in the grace period …; that it counts is unverified". */
  caveats?: string[];
}

export interface Evaluation {
  code: CredentialCode;
  body: string;
  name: string;
  unit: string; // 'points' | 'hours' | 'credits' | 'card'
  cycle: { start: string; end: string };
  state: CredentialState;
  required: number;
  earned: number;
  remaining: number;
  requirements: RequirementResult[];
  submitBy: string;
  /** Calendar days from asOf to the deadline: the expiry, or the end of the grace period in it. */
  daysLeft: number;
  /** Calendar days from asOf to submitBy (earlier than the deadline when processing takes time). */
  submitByDaysLeft: number;
  /** Credit per month needed to finish by submitBy; 0 when nothing remains or the date passed. */
  pacePerMonth: number;
  /** One outcome per input activity, in input order; empty when evaluated with `explain: false`. */
  activities: ActivityOutcome[];
  /** Human notes: unverified figures in use, closing routes (grace end, exam-only), processing time. */
  notes: string[];
}
