/**
 * Which non-approved credit counts when there is more than the cap (AAMA: at most 30 points from
 * other sources). The member chooses, so we choose for them the allocation that leaves the least
 * still needed (RULES.md, CMA):
 *  1. fill each category's gap (minimum minus approved credit there) from that category;
 *  2. fill what is left of the cap from anything left over.
 * Step 1 leaves the smallest possible sum of category gaps (each gap gets all it can, and the gaps
 * together never exceed the cap: 3 × 10 ≤ 30), and step 2 then counts min(cap, all non-approved),
 * the most possible; the approved gap does not depend on the choice. So every part of
 * `remaining` is at its minimum at once. Partial counting is allowed: an activity may count in part.
 */
import { add, compare, gap, isZero, min, sub, ZERO, type Rational } from './rational.js';
import type { Category } from './types.js';

export interface AllocationItem {
  key: number;
  category: Category;
  value: Rational;
  completedOn: string;
}

/** Counted amount per item key (zero for items left out). Ties go to the earlier activity. */
export function allocateNonApproved(
  items: readonly AllocationItem[],
  categoryGaps: ReadonlyMap<Category, Rational>,
  cap: Rational,
): Map<number, Rational> {
  const ordered = [...items].sort((a, b) => a.completedOn.localeCompare(b.completedOn) || a.key - b.key);
  const counted = new Map<number, Rational>(ordered.map((item) => [item.key, ZERO]));
  let capLeft = cap;

  const take = (item: AllocationItem, wanted: Rational): Rational => {
    const already = counted.get(item.key) ?? ZERO;
    const amount = min(min(wanted, gap(item.value, already)), capLeft);
    if (compare(amount, ZERO) <= 0) return ZERO;
    counted.set(item.key, add(already, amount));
    capLeft = sub(capLeft, amount);
    return amount;
  };

  for (const [category, categoryGap] of categoryGaps) {
    let open = categoryGap;
    for (const item of ordered) {
      if (isZero(open) || isZero(capLeft)) break;
      if (item.category === category) open = sub(open, take(item, open));
    }
  }
  for (const item of ordered) {
    if (isZero(capLeft)) break;
    take(item, item.value);
  }
  return counted;
}
