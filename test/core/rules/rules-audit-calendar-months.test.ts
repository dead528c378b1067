/** Month arithmetic for the CMA's "three months after expiry" must agree with date-fns' on every date. */
import { addMonths, endOfMonth, isLastDayOfMonth } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsKeepingMonthEnd, formatCalendarDate, parseCalendarDate } from '../../../src/core/rules/calendar-date.js';

const isoDate = fc.date({ min: new Date('1600-01-01T00:00:00Z'), max: new Date('2600-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('addMonthsKeepingMonthEnd', () => {
  it('moves a month end to the month end and any other day as date-fns addMonths does', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 120 }), (date, months) => {
        const d = parseCalendarDate(date);
        const expected = isLastDayOfMonth(d) ? endOfMonth(addMonths(d, months)) : addMonths(d, months);
        expect(addMonthsKeepingMonthEnd(date, months)).toBe(formatCalendarDate(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles February and year ends', () => {
    expect(addMonthsKeepingMonthEnd('2027-02-28', 3)).toBe('2027-05-31');
    expect(addMonthsKeepingMonthEnd('2027-01-31', 3)).toBe('2027-04-30');
    expect(addMonthsKeepingMonthEnd('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonthsKeepingMonthEnd('2027-02-15', 3)).toBe('2027-05-15');
    expect(addMonthsKeepingMonthEnd('2027-11-29', 3)).toBe('2028-02-29');
    expect(addMonthsKeepingMonthEnd('2026-11-29', 3)).toBe('2027-02-28');
  });
});
