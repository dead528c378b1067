import type { ActivityInput, Category, Unit } from '../../../src/core/rules/types.js';

let nextId = 1;

/** An activity with sensible defaults: 1 hour of non-AAMA general CE on 2024-01-15. */
export function makeActivity(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return { id: nextId++, completedOn: '2024-01-15', amount: '1', unit: 'hours', aamaApproved: false, ...overrides };
}

/** Shorthand for CMA tests: amount, unit, category, approved, date. */
export function makeCe(amount: string, unit: Unit, category: Category | undefined, aamaApproved: boolean, completedOn = '2024-01-15'): ActivityInput {
  return makeActivity({ amount, unit, aamaApproved, completedOn, ...(category ? { category } : {}) });
}

export const makeCard = (issuedOn: string): ActivityInput => makeActivity({ unit: 'card', amount: '1', completedOn: issuedOn });
