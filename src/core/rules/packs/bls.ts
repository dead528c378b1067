/**
 * CPR/BLS card (AHA): RULES.md "CPR / BLS card". Not a CE credential: it only expires.
 * An AHA card is valid for two years through the end of the month of issue (aha-card, V).
 * effectiveFrom: 2020-01-01, a date before any card a member will log now.
 */
import type { RulePackInput } from '../rule-pack-schema.js';

export const BLS_PACK = {
  code: 'BLS',
  body: 'AHA',
  name: 'CPR / BLS card',
  credentials: [{ code: 'BLS', name: 'CPR / BLS provider card' }],
  unit: 'card',
  effectiveFrom: '2020-01-01',
  sources: [{ id: 'aha-card', title: 'American Heart Association: course card validity', url: 'https://cpr.heart.org/', status: 'V' }],
  // Valid 24 months through the end of the month of issue (aha-card, V).
  cycle: { kind: 'card-months', length: { value: 24, sourceId: 'aha-card', status: 'V' } },
  required: { value: 0, sourceId: 'aha-card', status: 'V' },
  categoryMinimums: [],
  approved: null,
  conversions: [],
  cprCard: null,
  minimumContactHour: null,
  afterExpiry: { grace: null, then: 'expired', route: 'take a renewal course for a new card', sourceId: 'aha-card', status: 'V' },
  processingDays: null,
  outsidePeriod: null,
  outsideCeWindow: null,
  fees: [],
  notes: [],
} satisfies RulePackInput;
