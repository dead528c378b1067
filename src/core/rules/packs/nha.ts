/**
 * CCMA, CMAA, CPT, CET (NHA): RULES.md "NHA". The credential's unit is NHA credits:
 * 2 hours of CE = 1 credit, so a contact hour is half a credit (nha-ce, V).
 * effectiveFrom: 2025-01-01, the year of the newest NHA page our figures come from.
 */
import type { RulePackInput } from '../rule-pack-schema.js';

// 1 credit per 2 hours (nha-ce, V): the divisors below carry the "2 hours".
const perHour = { value: 1, sourceId: 'nha-ce', status: 'V' } as const;

export const NHA_PACK = {
  code: 'NHA',
  body: 'NHA',
  name: 'NHA certifications',
  credentials: [
    { code: 'CCMA', name: 'Certified Clinical Medical Assistant (NHA)' },
    { code: 'CMAA', name: 'Certified Medical Administrative Assistant (NHA)' },
    { code: 'CPT', name: 'Certified Phlebotomy Technician (NHA)' },
    { code: 'CET', name: 'Certified EKG Technician (NHA)' },
  ],
  unit: 'credits',
  effectiveFrom: '2025-01-01',
  sources: [
    { id: 'nha-ce', title: 'NHA continuing education: 10 credits every two years, 2 hours = 1 credit', url: 'https://www.nhanow.com/certification/Before-After-Certification/continuing-education', status: 'V' },
    { id: 'iacet-ceu', title: 'IACET "About the CEU": one CEU equals ten contact hours', url: 'https://www.iacet.org/ceus/about-the-ceu', status: 'V' },
    { id: 'nha-fee-pages', title: 'NHA renewal fee: $159 (older page), $185 (2025 training page), $179 (secondary article)', url: null, status: 'U' },
  ],
  // Renewal every 2 years (nha-ce, V).
  cycle: { kind: 'anniversary-years', length: { value: 2, sourceId: 'nha-ce', status: 'V' } },
  // 10 CE credits every 2 years (nha-ce, V).
  required: { value: 10, sourceId: 'nha-ce', status: 'V' },
  categoryMinimums: [],
  approved: null,
  conversions: [
    { unit: 'hours', factor: perHour, divisor: 2 },
    { unit: 'minutes', factor: perHour, divisor: 120 },
    { unit: 'ceu', factor: perHour, divisor: 2 },
    // 1 IACET CEU = 10 contact hours (iacet-ceu, V) = 5 credits (arithmetic on nha-ce, V).
    { unit: 'iacet', factor: { value: 10, sourceId: 'iacet-ceu', status: 'V' }, divisor: 2 },
    { unit: 'nha-credits', factor: { value: 1, sourceId: 'nha-ce', status: 'V' }, divisor: 1 },
    {
      unit: 'college-credits',
      // Hours per college credit are not published by NHA (U); credits = hours ÷ 2.
      factor: {
        value: 15, sourceId: 'nha-ce', status: 'U',
        setting: { key: 'nha.collegeCreditHours', label: 'NHA hours of CE per college credit', description: 'Hours of CE one college credit stands for (then 2 hours = 1 NHA credit); NHA publishes no figure.' },
      },
      divisor: 2,
    },
  ],
  cprCard: { accepted: false, reason: 'NHA does not award CE credits for a CPR card in our sources; log the course hours if it printed any.', sourceId: 'nha-ce', status: 'U' },
  minimumContactHour: null,
  afterExpiry: {
    grace: null,
    then: 'expired',
    route: 'our sources describe no CE route after expiry; contact NHA about reinstatement',
    sourceId: 'nha-ce',
    status: 'U',
  },
  processingDays: null,
  // No carry-over: stated for NHA's pharmacy technicians only, so unverified for these credentials (RULES.md).
  outsidePeriod: { says: 'that NHA carries no extra credit over to the next cycle is unverified (it says so for pharmacy technicians)', sourceId: 'nha-ce', status: 'U' },
  outsideCeWindow: null,
  fees: [
    {
      id: 'renewal', label: 'Renewal fee every 2 years',
      usd: {
        value: 185, sourceId: 'nha-fee-pages', status: 'U',
        setting: { key: 'nha.renewalFeeUsd', label: 'NHA renewal fee (USD)', description: 'NHA pages seen say $159 (old) and $185 (2025); a secondary article says $179.' },
      },
    },
  ],
  notes: [
    'NHA generally accepts CE from other providers (nha-ce).',
    'Extra credits do not carry over to the next cycle (stated for pharmacy technicians; unverified for this credential).',
  ],
} satisfies RulePackInput;
