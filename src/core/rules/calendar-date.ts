/**
 * ISO calendar dates (YYYY-MM-DD) in and out of date-fns. Dates are parsed as local calendar
 * days and moved with date-fns' calendar functions (never milliseconds), so a DST change or a
 * month end cannot shift a day; every result is formatted back the same way.
 */
import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseCalendarDate(isoDate: string): Date {
  const date = parseISO(isoDate);
  if (!ISO_DATE.test(isoDate) || !isValid(date) || formatCalendarDate(date) !== isoDate) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  }
  return date;
}

export const formatCalendarDate = (date: Date): string => format(date, 'yyyy-MM-dd');

/** Moves an ISO date with a date-fns calendar function and returns an ISO date. */
export const shiftCalendarDate = (isoDate: string, move: (date: Date) => Date): string =>
  formatCalendarDate(move(parseCalendarDate(isoDate)));

/** Calendar days from `fromOn` to `toOn` (negative when `toOn` is earlier). */
export const calendarDaysBetween = (fromOn: string, toOn: string): number =>
  differenceInCalendarDays(parseCalendarDate(toOn), parseCalendarDate(fromOn));
