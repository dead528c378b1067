/**
 * RMA and CMAS (AMT): RULES.md "RMA and CMAS (AMT)". CCP points; how outside CE converts to
 * CCP points is not published in our sources, so every conversion but AMT's own points is a setting.
 * effectiveFrom: 2021-01-01, when employment stopped earning CCP points (amt-stay-certified).
 */
import type { RulePackInput } from '../rule-pack-schema.js';

const perContactHour = {
  value: 1, sourceId: 'amt-stay-certified', status: 'U',
  setting: { key: 'amt.pointsPerContactHour', label: 'AMT CCP points per contact hour', description: 'CCP points for one hour, one CEU or 60 minutes of CE; 1 is the common assumption, not an AMT statement.' },
} as const;

export const AMT_PACK = {
  code: 'AMT',
  body: 'AMT',
  name: 'RMA / CMAS (AMT)',
  credentials: [
    { code: 'RMA', name: 'Registered Medical Assistant (AMT)' },
    { code: 'CMAS', name: 'Certified Medical Administrative Specialist (AMT)' },
  ],
  unit: 'points',
  effectiveFrom: '2021-01-01',
  sources: [
    { id: 'amt-stay-certified', title: 'AMT "Stay Certified": CCP cycle, points, annual fee', url: 'https://americanmedtech.org/Certification/Stay-Certified/tabs/3', status: 'V' },
    { id: 'amt-ccp', title: 'AMT Certification Continuation Program (CCP) requirements', url: 'https://americanmedtech.org/Certification/Stay-Certified', status: 'V' },
    { id: 'iacet-ceu', title: 'IACET "About the CEU": one CEU equals ten contact hours', url: 'https://www.iacet.org/ceus/about-the-ceu', status: 'V' },
    { id: 'nha-ce', title: 'NHA continuing education: 2 hours = 1 NHA credit', url: 'https://www.nhanow.com/certification/Before-After-Certification/continuing-education', status: 'V' },
  ],
  // 3-year CCP cycle from certification (amt-stay-certified, V).
  cycle: { kind: 'anniversary-years', length: { value: 3, sourceId: 'amt-stay-certified', status: 'V' } },
  // 30 CCP points for RMA and CMAS (amt-ccp, V).
  required: { value: 30, sourceId: 'amt-ccp', status: 'V' },
  categoryMinimums: [],
  approved: null,
  conversions: [
    { unit: 'hours', factor: perContactHour, divisor: 1 },
    { unit: 'minutes', factor: perContactHour, divisor: 60 },
    { unit: 'ceu', factor: perContactHour, divisor: 1 },
    // AMT's own CCP points (amt-stay-certified, V).
    { unit: 'points', factor: { value: 1, sourceId: 'amt-stay-certified', status: 'V' }, divisor: 1 },
    {
      unit: 'iacet',
      factor: {
        value: 10, sourceId: 'iacet-ceu', status: 'U',
        setting: { key: 'amt.pointsPerIacetCeu', label: 'AMT CCP points per IACET CEU', description: 'CCP points for one IACET CEU; 10 via IACET\'s 10 contact hours, not an AMT statement.' },
      },
      divisor: 1,
    },
    {
      unit: 'nha-credits',
      factor: {
        value: 2, sourceId: 'nha-ce', status: 'U',
        setting: { key: 'amt.pointsPerNhaCredit', label: 'AMT CCP points per NHA credit', description: 'CCP points for one NHA credit; 2 via NHA\'s 2 hours per credit, not an AMT statement.' },
      },
      divisor: 1,
    },
    {
      unit: 'college-credits',
      factor: {
        value: 15, sourceId: 'amt-ccp', status: 'U',
        setting: { key: 'amt.collegeCreditPoints', label: 'AMT CCP points per college credit', description: 'CCP points for one college credit; 15 mirrors AAMA, AMT\'s figure was not found.' },
      },
      divisor: 1,
    },
  ],
  cprCard: { accepted: false, reason: 'AMT does not award CCP points for a CPR card in our sources.', sourceId: 'amt-ccp', status: 'U' },
  minimumContactHour: null,
  afterExpiry: {
    grace: null,
    then: 'expired',
    route: 'our sources describe no CE route after the cycle ends; contact AMT about reinstatement',
    sourceId: 'amt-stay-certified',
    status: 'U',
  },
  processingDays: null,
  // Points must be earned inside the cycle, and nothing rolls over into the next (amt-stay-certified, V).
  outsidePeriod: { says: 'AMT counts only credit earned in it and nothing rolls over', sourceId: 'amt-stay-certified', status: 'V' },
  outsideCeWindow: null,
  fees: [
    {
      id: 'annual', label: 'Annual renewal fee, due in the certification anniversary month',
      usd: {
        value: 50, sourceId: 'amt-ccp', status: 'U',
        setting: { key: 'amt.annualFeeUsd', label: 'AMT annual fee (USD)', description: 'Last official figure $50; stale.' },
      },
    },
  ],
  notes: [
    'Points count only inside the CCP cycle and nothing rolls over (amt-stay-certified).',
    'AMT audits members each January; keep certificates until the audit after the cycle (amt-ccp).',
  ],
} satisfies RulePackInput;
