/**
 * ISO calendar dates (YYYY-MM-DD) in and out of date-fns. Dates are parsed as local calendar
 * days and moved with date-fns' calendar functions (never milliseconds), so a DST change or a
 * month end cannot shift a day; every result is formatted back the same way. Parsing and
 * formatting are by hand: they run several times per evaluation, and date-fns' general
 * parseISO/format cost about a sixth of `evaluate` (bench/breakdown.ts).
 */
import { differenceInCalendarDays } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseCalendarDate(isoDate: string): Date {
  if (!ISO_DATE.test(isoDate)) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  const y = +isoDate.slice(0, 4), m = +isoDate.slice(5, 7), d = +isoDate.slice(8, 10);
  const date = new Date(y, m - 1, d);
  date.setFullYear(y); // the Date constructor maps years 0-99 to 1900-1999
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): "${isoDate}"`);
  }
  return date;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const formatCalendarDate = (date: Date): string => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;

/** Moves an ISO date with a date-fns calendar function and returns an ISO date. */
export const shiftCalendarDate = (isoDate: string, move: (date: Date) => Date): string =>
  formatCalendarDate(move(parseCalendarDate(isoDate)));

/** Calendar days from `fromOn` to `toOn` (negative when `toOn` is earlier). */
export const calendarDaysBetween = (fromOn: string, toOn: string): number =>
  differenceInCalendarDays(parseCalendarDate(toOn), parseCalendarDate(fromOn));
