/**
 * AAMA counts at most 3 CPR cards issued within the period (aama-cpr). All cards are worth the
 * same, so which three does not change what is still needed: keep the earliest, deterministically.
 */
import type { Candidate } from './classify-activity.js';
import type { EvaluationContext } from './evaluation-context.js';
import type { ActivityOutcome } from './types.js';

export function limitCprCards(ctx: EvaluationContext, candidates: readonly Candidate[]): { kept: Candidate[]; excluded: Array<{ index: number; outcome: ActivityOutcome }> } {
  const rule = ctx.pack.cprCard;
  if (!rule?.accepted) return { kept: [...candidates], excluded: [] };
  const maxCards = rule.maxCards.value;
  const cards = candidates
    .filter((c) => c.isCard)
    .sort((a, b) => a.activity.completedOn.localeCompare(b.activity.completedOn) || a.index - b.index);
  const over = new Set(cards.slice(maxCards).map((c) => c.index));
  const excluded = cards.slice(maxCards).map(
    (c, i) => ({
      index: c.index,
      outcome: {
        activityId: c.activity.id,
        counted: 0,
        category: rule.category,
        code: 'cpr-card-limit',
        reason: `At most ${maxCards} CPR cards count (${ctx.pack.body}); this is card ${maxCards + i + 1} issued in the period.`,
      } satisfies ActivityOutcome,
    }),
  );
  return { kept: candidates.filter((c) => !over.has(c.index)), excluded };
}
