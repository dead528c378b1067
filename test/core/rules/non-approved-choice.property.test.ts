/**
 * The engine's choice of which non-AAMA points count must leave no more to do than any other
 * choice. The brute force below knows only the CMA rules (60 total, 10 per category, 30 approved,
 * at most 30 non-approved), not the engine's algorithm: it tries every set of whole activities
 * and every integer split of non-approved points per category, and keeps the best `remaining`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, evaluate, type ActivityInput, type Category } from '../../../src/core/rules/index.js';

interface Item {
  amount: number; // whole or half points
  category: Category;
}

const TOTAL = 60;
const PER_CATEGORY = 10;
const APPROVED = 30;
const CAP = 30;

function remainingFor(approved: readonly Item[], nonApprovedPerCategory: Record<Category, number>): number {
  const approvedTotal = approved.reduce((s, i) => s + i.amount, 0);
  const counted = CATEGORIES.reduce((s, c) => s + nonApprovedPerCategory[c], 0);
  const categoryGaps = CATEGORIES.reduce((s, c) => {
    const earned = approved.filter((i) => i.category === c).reduce((t, i) => t + i.amount, 0) + nonApprovedPerCategory[c];
    return s + Math.max(0, PER_CATEGORY - earned);
  }, 0);
  return Math.max(TOTAL - approvedTotal - counted, categoryGaps, APPROVED - approvedTotal, 0);
}

function bruteForceRemaining(approved: readonly Item[], others: readonly Item[]): number {
  let best = Number.POSITIVE_INFINITY;
  // Whole activities: every subset whose points fit under the cap.
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const chosen = others.filter((_, i) => mask & (1 << i));
    if (chosen.reduce((s, i) => s + i.amount, 0) > CAP) continue;
    const per = { administrative: 0, clinical: 0, general: 0 };
    for (const i of chosen) per[i.category] += i.amount;
    best = Math.min(best, remainingFor(approved, per));
  }
  // Partial counting: every integer number of points per category, up to what exists and the cap.
  const available = (c: Category) => Math.floor(others.filter((i) => i.category === c).reduce((s, i) => s + i.amount, 0));
  for (let a = 0; a <= Math.min(available('administrative'), CAP); a++) {
    for (let c = 0; c <= Math.min(available('clinical'), CAP - a); c++) {
      for (let g = 0; g <= Math.min(available('general'), CAP - a - c); g++) {
        best = Math.min(best, remainingFor(approved, { administrative: a, clinical: c, general: g }));
      }
    }
  }
  return best;
}

const category = fc.constantFrom<Category>(...CATEGORIES);
const halfPoints = fc.integer({ min: 2, max: 24 }).map((halves) => halves / 2); // 1 to 12, at least the 1-hour minimum
const approvedItem = fc.record({ amount: fc.integer({ min: 0, max: 15 }), category });
const otherItem = fc.record({ amount: halfPoints, category });

const toActivities = (items: readonly Item[], aamaApproved: boolean, firstId: number): ActivityInput[] =>
  items.map((item, i) => ({
    id: firstId + i,
    completedOn: `2024-01-${String(10 + (i % 18)).padStart(2, '0')}`,
    amount: String(item.amount),
    unit: 'points',
    category: item.category,
    aamaApproved,
  }));

function run(approved: Item[], others: Item[]) {
  return evaluate({ code: 'CMA', expiresOn: '2027-02-28' }, [...toActivities(approved, true, 1), ...toActivities(others, false, 100)], '2026-11-24');
}

describe('CMA non-approved cap: optimal choice', () => {
  it('leaves no more remaining than any choice of which non-approved points count', () => {
    fc.assert(
      fc.property(fc.array(approvedItem, { maxLength: 4 }), fc.array(otherItem, { minLength: 1, maxLength: 6 }), (approved, others) => {
        const result = run(approved, others);
        expect(result.remaining).toBeLessThanOrEqual(bruteForceRemaining(approved, others));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the brute force exactly when every amount is a whole number', () => {
    const wholeOther = fc.record({ amount: fc.integer({ min: 1, max: 12 }), category });
    fc.assert(
      fc.property(fc.array(approvedItem, { maxLength: 4 }), fc.array(wholeOther, { minLength: 1, maxLength: 6 }), (approved, others) => {
        expect(run(approved, others).remaining).toBe(bruteForceRemaining(approved, others));
      }),
      { numRuns: 300 },
    );
  });

  it('never counts more than 30 non-approved points, nor more of an activity than it is worth', () => {
    fc.assert(
      fc.property(fc.array(approvedItem, { maxLength: 4 }), fc.array(otherItem, { minLength: 1, maxLength: 6 }), (approved, others) => {
        const outcomes = run(approved, others).activities.slice(approved.length);
        expect(outcomes.reduce((s, o) => s + o.counted, 0)).toBeLessThanOrEqual(CAP);
        outcomes.forEach((o, i) => expect(o.counted).toBeLessThanOrEqual(others[i]?.amount ?? 0));
      }),
      { numRuns: 300 },
    );
  });
});
