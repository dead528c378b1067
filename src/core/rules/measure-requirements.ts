/**
 * Totals against the pack's requirements, exactly. `remaining` is the least additional credit
 * that meets every requirement at once: max(total gap, sum of category gaps, approved gap)
 * (DESIGN.md "status --json"), since new AAMA-approved credit in a short category closes all three.
 */
import type { Candidate } from './classify-activity.js';
import type { EvaluationContext } from './evaluation-context.js';
import { add, gap, max, sum, ZERO, type Rational } from './rational.js';

export interface CountedCandidate {
  candidate: Candidate;
  counted: Rational;
}

export interface ExactRequirement {
  id: string;
  required: Rational;
  earned: Rational;
  remaining: Rational;
  unverified?: boolean;
}

export interface Measurement {
  required: Rational;
  earned: Rational;
  remaining: Rational;
  requirements: ExactRequirement[];
}

const requirement = (id: string, required: Rational, earned: Rational, unverified = false): ExactRequirement => ({
  id,
  required,
  earned,
  remaining: gap(required, earned),
  ...(unverified ? { unverified } : {}),
});

export function measureRequirements(ctx: EvaluationContext, counted: readonly CountedCandidate[]): Measurement {
  const { pack, read } = ctx;
  const required = read.number(pack.required);
  const earned = sum(counted.map((c) => c.counted));
  const requirements = pack.categoryMinimums.map(({ category, minimum }) =>
    requirement(category, read.number(minimum), sum(counted.filter((c) => c.candidate.category === category).map((c) => c.counted)), minimum.status === 'U'),
  );
  const categoryGaps = sum(requirements.map((r) => r.remaining));
  let remaining = max(gap(required, earned), categoryGaps);

  if (pack.approved) {
    const approved = counted.filter((c) => c.candidate.approved);
    // Cards count as approved only through an unverified setting (cma.cprCountsAsApproved).
    const viaUnverified = approved.some((c) => c.candidate.isCard && pack.cprCard?.accepted && pack.cprCard.countsAsApproved.status === 'U');
    const approvedReq = requirement(`${pack.body.toLowerCase()}-approved`, read.number(pack.approved.minimum), approved.map((c) => c.counted).reduce(add, ZERO), viaUnverified);
    requirements.push(approvedReq);
    remaining = max(remaining, approvedReq.remaining);
  }
  return { required, earned, remaining, requirements };
}
