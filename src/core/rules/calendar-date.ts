/**
 * ISO calendar dates (YYYY-MM-DD) in and out of date-fns. Dates are parsed as local calendar
 * days and moved with date-fns' calendar functions (never milliseconds), so a DST change or a
 * month end cannot shift a day; every result is formatted back the same way. Parsing and
 * formatting are by hand: they run several times per evaluation, and date-fns' general
 * parseISO/format cost about a sixth of `evaluate` (bench/breakdown.ts).
 *
 * Whole days (`calendarDaysBetween`, `addCalendarDays`) are counted on day numbers instead, with
 * no Date at all: a day number is the same in every time zone, and building local Dates was half
 * of what finishing an evaluation cost.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
const digit = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

/** Year, month and day of a valid ISO date; throws a RangeError naming the text otherwise. */
export function calendarParts(isoDate: string): [year: number, month: number, day: number] {
  if (isoDate.length === 10 && isoDate[4] === '-' && isoDate[7] === '-') {
    const y = digit(isoDate, 0) * 1000 + digit(isoDate, 1) * 100 + digit(isoDate, 2) * 10 + digit(isoDate, 3);
    const m = digit(isoDate, 5) * 10 + digit(isoDate, 6);
    const d = digit(isoDate, 8) * 10 + digit(isoDate, 9);
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return [y, m, d];
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): "${isoDate}"`);
}

export function parseCalendarDate(isoDate: string): Date {
  const [y, m, d] = calendarParts(isoDate);
  const date = new Date(y, m - 1, d);
  date.setFullYear(y); // the Date constructor maps years 0-99 to 1900-1999
  return date;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const formatCalendarDate = (date: Date): string => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;

/** Moves an ISO date with a date-fns calendar function and returns an ISO date. */
export const shiftCalendarDate = (isoDate: string, move: (date: Date) => Date): string =>
  formatCalendarDate(move(parseCalendarDate(isoDate)));

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(isoDate: string): number {
  const [y0, m, d] = calendarParts(isoDate);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (civil_from_days). */
function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${pad(yoe + era * 400 + (m <= 2 ? 1 : 0), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Calendar days from `fromOn` to `toOn` (negative when `toOn` is earlier). */
export const calendarDaysBetween = (fromOn: string, toOn: string): number => dayNumber(toOn) - dayNumber(fromOn);

/** The ISO date `days` calendar days after (or, negative, before) `isoDate`. */
export const addCalendarDays = (isoDate: string, days: number): string => (days === 0 ? (calendarParts(isoDate), isoDate) : fromDayNumber(dayNumber(isoDate) + days));

/**
 * The ISO date `months` calendar months after `isoDate`, on day numbers like the two above: the day
 * is kept (clamped to a shorter month), and a month's last day goes to the last day (Feb 28 → May 31).
 */
export function addMonthsKeepingMonthEnd(isoDate: string, months: number): string {
  const [y, m, d] = calendarParts(isoDate);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = daysInMonth(year, month);
  const day = d === daysInMonth(y, m) ? last : Math.min(d, last);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
