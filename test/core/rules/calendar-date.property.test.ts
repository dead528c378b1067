/** Day-number arithmetic must agree with date-fns' calendar functions on every date. */
import { addDays, differenceInCalendarDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDaysBetween, calendarParts, formatCalendarDate, parseCalendarDate } from '../../../src/core/rules/calendar-date.js';

const isoDate = fc.date({ min: new Date('1600-01-01T00:00:00Z'), max: new Date('2600-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('counts and moves whole days as date-fns does', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -4000, max: 4000 }), (a, b, days) => {
        expect(calendarDaysBetween(a, b)).toBe(differenceInCalendarDays(parseCalendarDate(b), parseCalendarDate(a)));
        expect(addCalendarDays(a, days)).toBe(formatCalendarDate(addDays(parseCalendarDate(a), days)));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses impossible dates with the text in the message', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-30', '26-04-30', '2026-04-3x', '']) {
      expect(() => calendarParts(bad), bad).toThrow(`"${bad}"`);
      expect(() => addCalendarDays(bad, 0), bad).toThrow(RangeError);
    }
    expect(calendarParts('2024-02-29')).toEqual([2024, 2, 29]);
    expect(calendarDaysBetween('2026-11-24', '2027-02-28')).toBe(96);
  });
});
