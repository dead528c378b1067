/**
 * NCMA (NCCT): RULES.md "NCMA (NCCT)". Clock hours, renewed each year. The 14 hours and the fee
 * come from a secondary article, not NCCT pages: settings, shown as unverified.
 * effectiveFrom: 2023-01-01, the revision of NCCT CE-0309 our outside-CE rule cites.
 */
import type { RulePackInput } from '../rule-pack-schema.js';

const perContactHour = {
  value: 1, sourceId: 'ncct-ce-0309', status: 'U',
  setting: { key: 'ncma.hoursPerContactHour', label: 'NCMA clock hours per contact hour', description: 'Clock hours for one hour, one CEU or 60 minutes of CE; NCCT reviews outside CE case by case.' },
} as const;

export const NCMA_PACK = {
  code: 'NCMA',
  body: 'NCCT',
  name: 'NCMA (NCCT)',
  credentials: [{ code: 'NCMA', name: 'National Certified Medical Assistant (NCCT)' }],
  unit: 'hours',
  effectiveFrom: '2023-01-01',
  sources: [
    { id: 'ncct-ce-0309', title: 'NCCT CE-0309 Outside CE Courses Submission & Acceptance (rev. January 2023)', url: 'https://www.ncctinc.com/', status: 'V' },
    { id: 'ncct-recert', title: 'NCCT recertification requirements', url: 'https://www.ncctinc.com/', status: 'V' },
    { id: 'ncma-secondary', title: 'secondary article on NCMA renewal (not an NCCT page)', url: null, status: 'U' },
    { id: 'iacet-ceu', title: 'IACET "About the CEU": one CEU equals ten contact hours', url: 'https://www.iacet.org/ceus/about-the-ceu', status: 'V' },
    { id: 'nha-ce', title: 'NHA continuing education: 2 hours = 1 NHA credit', url: 'https://www.nhanow.com/certification/Before-After-Certification/continuing-education', status: 'V' },
  ],
  // Annual recertification year (ncct-recert, V3: confirmed by third parties only).
  cycle: { kind: 'anniversary-years', length: { value: 1, sourceId: 'ncct-recert', status: 'V3' } },
  required: {
    value: 14, sourceId: 'ncma-secondary', status: 'U',
    setting: { key: 'ncma.hoursPerYear', label: "NCMA's hours of CE a year", description: 'Clock hours of CE per recertification year; 14 from a secondary article, not found on NCCT pages.' },
  },
  categoryMinimums: [],
  approved: null,
  conversions: [
    { unit: 'hours', factor: perContactHour, divisor: 1 },
    { unit: 'minutes', factor: perContactHour, divisor: 60 },
    { unit: 'ceu', factor: perContactHour, divisor: 1 },
    {
      unit: 'points',
      factor: {
        value: 1, sourceId: 'ncct-ce-0309', status: 'U',
        setting: { key: 'ncma.hoursPerPoint', label: 'NCMA clock hours per point', description: 'Points printed on a certificate, treated as clock hours.' },
      },
      divisor: 1,
    },
    {
      unit: 'iacet',
      factor: {
        value: 10, sourceId: 'iacet-ceu', status: 'U',
        setting: { key: 'ncma.hoursPerIacetCeu', label: 'NCMA clock hours per IACET CEU', description: 'Clock hours for one IACET CEU; 10 via IACET\'s 10 contact hours, not an NCCT statement.' },
      },
      divisor: 1,
    },
    {
      unit: 'nha-credits',
      factor: {
        value: 2, sourceId: 'nha-ce', status: 'U',
        setting: { key: 'ncma.hoursPerNhaCredit', label: 'NCMA clock hours per NHA credit', description: 'Clock hours for one NHA credit; 2 via NHA\'s 2 hours per credit.' },
      },
      divisor: 1,
    },
    {
      unit: 'college-credits',
      // Accepted with grade C or better (ncct-ce-0309, V); the hours per credit are not published (U).
      factor: {
        value: 15, sourceId: 'ncct-ce-0309', status: 'U',
        setting: { key: 'ncma.collegeCreditHours', label: 'NCMA clock hours per college credit', description: 'Clock hours for one college credit; NCCT accepts college courses with grade C or better but publishes no hours.' },
      },
      divisor: 1,
      condition: 'NCCT accepts a college course only with a grade of C or better (CE-0309)',
    },
  ],
  // Activities that require periodic renewal, such as CPR or BLS, are not acceptable (ncct-ce-0309, V).
  cprCard: { accepted: false, reason: 'NCCT does not accept activities that need periodic renewal, such as CPR or BLS (CE-0309).', sourceId: 'ncct-ce-0309', status: 'V' },
  minimumContactHour: null,
  afterExpiry: {
    // Not meeting the requirements for 5 years loses the credential (ncct-recert, V).
    grace: { length: { value: 5, sourceId: 'ncct-recert', status: 'V' }, unit: 'years' },
    then: 'exam-required',
    route: 'pass the NCMA exam again (NCCT requires it after 5 years without meeting the requirements)',
    sourceId: 'ncct-recert',
    status: 'V',
  },
  processingDays: null,
  // Our sources say nothing of carrying credit over (RULES.md); CE-0309's reach is outsideCeWindow.
  outsidePeriod: null,
  // Outside CE completed no earlier than the calendar year before the recertification year (ncct-ce-0309, V).
  outsideCeWindow: { calendarYearsBefore: { value: 1, sourceId: 'ncct-ce-0309', status: 'V' } },
  fees: [
    {
      id: 'renewal', label: 'Annual renewal fee',
      usd: {
        value: 77, sourceId: 'ncma-secondary', status: 'U',
        setting: { key: 'ncma.renewalFeeUsd', label: 'NCMA renewal fee (USD)', description: '$77 from a secondary article, not found on NCCT pages.' },
      },
    },
  ],
  notes: [],
} satisfies RulePackInput;
