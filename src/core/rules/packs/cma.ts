/**
 * CMA (AAMA): RULES.md "CMA (AAMA)". Every number names its source id (see `sources`) and status.
 * effectiveFrom: 2020-01-01, the latest dated change our sources describe (the CE route closes
 * after an expiry of more than three months / 90 days, aama-press-2018).
 */
import type { RulePackInput } from '../rule-pack-schema.js';

export const CMA_PACK = {
  code: 'CMA',
  body: 'AAMA',
  name: 'CMA (AAMA)',
  credentials: [{ code: 'CMA', name: 'Certified Medical Assistant (AAMA)' }],
  unit: 'points',
  effectiveFrom: '2020-01-01',
  sources: [
    { id: 'aama-policies', title: 'AAMA Recertification Policies', url: 'https://www.aama-ntl.org/cma-aama-exam/recertification-policies', status: 'V' },
    { id: 'aama-faqs', title: 'AAMA FAQs on CMA (AAMA) Recertification', url: 'https://www.aama-ntl.org/continuing-education/faqs-recertification', status: 'V' },
    { id: 'aama-does-it-count', title: 'AAMA blog "Does it count?" (2022, updated 2025)', url: null, status: 'V' },
    { id: 'aama-twice-as-nice', title: 'AAMA blog "Twice as nice": college courses (2022, updated 2025)', url: 'https://aama-ntl.org/publications/aama-blog/blog-post-template/AAMA-blog/2026/06/24/twice-as-nice--how-to-use-college-courses-for-recertification-points', status: 'V' },
    { id: 'aama-cpr', title: 'CMA (AAMA) In Sight "Air Support": CPR cards for recertification', url: 'https://cmaaamainsight.wordpress.com/', status: 'V' },
    { id: 'aama-expired-2025', title: 'AAMA blog "As good as new" (2025-03-24): expired credentials', url: null, status: 'V' },
    { id: 'aama-press-2018', title: 'AAMA press release 2018-04-12: CE time limit from 2020-01-01', url: 'https://www.prnewswire.com/news-releases/cma-aama-recertification-policy-change-to-take-effect-january-1-2020-300628414.html', status: 'V' },
    { id: 'iacet-ceu', title: 'IACET "About the CEU": one CEU equals ten contact hours', url: 'https://www.iacet.org/ceus/about-the-ceu', status: 'V' },
    { id: 'nha-ce', title: 'NHA continuing education: 2 hours = 1 NHA credit', url: 'https://www.nhanow.com/certification/Before-After-Certification/continuing-education', status: 'V' },
  ],
  // 60 months, ending on the last day of the month (aama-policies, V).
  cycle: { kind: 'months-to-month-end', length: { value: 60, sourceId: 'aama-policies', status: 'V' } },
  required: { value: 60, sourceId: 'aama-policies', status: 'V' },
  categoryMinimums: [
    { category: 'administrative', minimum: { value: 10, sourceId: 'aama-policies', status: 'V' } },
    { category: 'clinical', minimum: { value: 10, sourceId: 'aama-policies', status: 'V' } },
    { category: 'general', minimum: { value: 10, sourceId: 'aama-policies', status: 'V' } },
  ],
  // 30 of 60 must be AAMA CEUs; at most 30 from other sources (aama-policies, aama-does-it-count, V).
  approved: {
    minimum: { value: 30, sourceId: 'aama-policies', status: 'V' },
    otherCap: { value: 30, sourceId: 'aama-does-it-count', status: 'V' },
  },
  conversions: [
    // 1 contact hour = 1 CEU = 1 recertification point (aama-policies, V).
    { unit: 'hours', factor: { value: 1, sourceId: 'aama-policies', status: 'V' }, divisor: 1 },
    { unit: 'minutes', factor: { value: 1, sourceId: 'aama-policies', status: 'V' }, divisor: 60 },
    { unit: 'ceu', factor: { value: 1, sourceId: 'aama-policies', status: 'V' }, divisor: 1 },
    { unit: 'points', factor: { value: 1, sourceId: 'aama-policies', status: 'V' }, divisor: 1 },
    {
      unit: 'iacet',
      // 1 IACET CEU = 10 contact hours (iacet-ceu); that AAMA converts it so is not stated (U).
      factor: {
        value: 10, sourceId: 'iacet-ceu', status: 'U',
        setting: { key: 'cma.pointsPerIacetCeu', label: 'CMA points per IACET CEU', description: 'AAMA points for one IACET CEU; 10 via IACET\'s 10 contact hours, not confirmed by AAMA.' },
      },
      divisor: 1,
    },
    {
      unit: 'nha-credits',
      // 1 NHA credit = 2 hours (nha-ce, V); AAMA does not say how it counts them (U).
      factor: {
        value: 2, sourceId: 'nha-ce', status: 'U',
        setting: { key: 'cma.pointsPerNhaCredit', label: 'CMA points per NHA credit', description: 'AAMA points for one NHA credit; 2 via NHA\'s 2 hours per credit, not confirmed by AAMA.' },
      },
      divisor: 1,
    },
    // 1 college credit (quarter or semester) = 15 points, non-AAMA (aama-twice-as-nice, V).
    { unit: 'college-credits', factor: { value: 15, sourceId: 'aama-twice-as-nice', status: 'V' }, divisor: 1, alwaysNonApproved: true },
  ],
  cprCard: {
    accepted: true,
    // A two-year card issued within the period = 4 clinical points, at most 3 cards (aama-cpr, V).
    points: { value: 4, sourceId: 'aama-cpr', status: 'V' },
    category: 'clinical',
    maxCards: { value: 3, sourceId: 'aama-cpr', status: 'V' },
    // AAMA posts CPR points to the transcript; whether they are "AAMA-approved" is not stated (U).
    countsAsApproved: {
      value: true, sourceId: 'aama-cpr', status: 'U',
      setting: { key: 'cma.cprCountsAsApproved', label: 'CPR card points count as AAMA-approved', description: 'Whether CPR card points count toward the 30 AAMA-approved points; AAMA does not say.' },
    },
  },
  // At least one contact hour (50 minutes) for a non-AAMA activity (aama-does-it-count, V).
  minimumContactHour: {
    minimum: { value: 1, sourceId: 'aama-does-it-count', status: 'V' },
    minutes: { value: 50, sourceId: 'aama-does-it-count', status: 'V' },
  },
  afterExpiry: {
    // "90 days" (aama-press-2018) or "three months" (aama-expired-2025, aama-faqs): the earlier end is shown.
    // That is the 90th day for most month-end expiries, but April 30 for January 31 in a common year.
    grace: {
      length: { value: 90, sourceId: 'aama-press-2018', status: 'V' },
      unit: 'days',
      orCalendarMonths: { value: 3, sourceId: 'aama-expired-2025', status: 'V' },
    },
    then: 'exam-required',
    route: 'recertify by exam: $50 reactivation fee plus the exam fee ($125 AAMA member / $250 non-member), at most 3 attempts',
    sourceId: 'aama-expired-2025',
    status: 'V',
  },
  // All-AAMA applications process instantly; with non-AAMA points 2–3 weeks online: use 21 days (aama-policies, V).
  processingDays: {
    approvedOnly: { value: 0, sourceId: 'aama-policies', status: 'V' },
    nonApproved: { value: 21, sourceId: 'aama-policies', status: 'V' },
  },
  // The earning window is the current period (aama-policies, V): credit before it does not carry over.
  outsidePeriod: { says: 'AAMA counts only credit earned in it and nothing rolls over', sourceId: 'aama-policies', status: 'V' },
  outsideCeWindow: null,
  fees: [
    { id: 'reactivation', label: 'Reactivation fee after the CE route closes', usd: { value: 50, sourceId: 'aama-expired-2025', status: 'V' } },
    { id: 'exam-member', label: 'Recertification exam fee, AAMA member', usd: { value: 125, sourceId: 'aama-expired-2025', status: 'V' } },
    { id: 'exam-non-member', label: 'Recertification exam fee, non-member', usd: { value: 250, sourceId: 'aama-expired-2025', status: 'V' } },
  ],
  notes: ['CPR is not required for recertification since 2013-06-01 (aama-faqs).'],
} satisfies RulePackInput;
