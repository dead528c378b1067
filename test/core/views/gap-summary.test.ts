import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/rules/index.js';
import { gapSummary } from '../../../src/core/views/describe.js';
import { makeCe } from '../rules/make-activity.js';

const AS_OF = '2026-11-24';
const CMA = { code: 'CMA', expiresOn: '2027-02-28' } as const;
const cma = (...activities: Parameters<typeof evaluate>[1]) => evaluate(CMA, activities, AS_OF);
const points = (amount: number, category: 'administrative' | 'clinical' | 'general', approved: boolean) =>
  makeCe(String(amount), 'points', category, approved, '2025-06-01');

describe('gapSummary: the smallest set of credit still needed, in one phrase', () => {
  it('names the category points, then what more closes the total, approved where it must be', () => {
    expect(gapSummary(cma())).toBe('10 administrative, 10 clinical, 10 general and 30 more AAMA-approved points');
  });

  it('words the issue example: 10 general and 4 more AAMA-approved points', () => {
    // 26 approved (12 admin + 14 clinical) and 20 more admin, not approved: 46 earned, general empty.
    const e = cma(points(12, 'administrative', true), points(14, 'clinical', true), points(20, 'administrative', false));
    expect(e.remaining).toBe(14);
    expect(gapSummary(e)).toBe('10 general and 4 more AAMA-approved points');
  });

  it('says how many of the extra points must be approved when not all of them', () => {
    const e = cma(points(2, 'clinical', true));
    expect(gapSummary(e)).toBe('10 administrative, 8 clinical, 10 general and 30 more points (28 of them AAMA-approved)');
  });

  it('says once that every point still needed must be approved', () => {
    // 30 points that are not approved reach the cap on them: all the rest must be approved.
    const e = cma(points(30, 'general', false));
    expect(gapSummary(e)).toBe('30 AAMA-approved points: 10 administrative, 10 clinical and 10 of any category');
  });

  it('puts approval on category points only past the extra points', () => {
    const e = cma(points(25, 'general', false), points(5, 'administrative', true));
    expect(e.remaining).toBe(30);
    expect(gapSummary(e)).toBe('5 administrative and 10 clinical points, at least 10 of them AAMA-approved, and 15 more AAMA-approved points');
  });

  it('is a plain amount where a credential has no categories or approval', () => {
    const rma = evaluate({ code: 'RMA', expiresOn: '2028-04-30' }, [makeCe('12', 'points', undefined, false, '2026-01-10')], AS_OF);
    expect(gapSummary(rma)).toBe(`${rma.remaining} more points`);
    const ccma = evaluate({ code: 'CCMA', expiresOn: '2027-04-30' }, [], AS_OF);
    expect(gapSummary(ccma)).toBe('10 more credits (20 hours of CE)');
  });

  it('says in hours what NHA credits still needed take (RULES.md worked example 2: 1 credit, 2 hours)', () => {
    const course = (completedOn: string) => makeCe('3', 'hours', undefined, false, completedOn);
    const e = evaluate({ code: 'CCMA', expiresOn: '2026-08-31' }, [makeCe('6', 'nha-credits', undefined, false, '2025-01-05'), course('2025-03-01'), course('2025-04-01')], '2026-06-15');
    expect(e.remaining).toBe(1);
    expect(gapSummary(e)).toBe('1 more credit (2 hours of CE)');
  });
});
