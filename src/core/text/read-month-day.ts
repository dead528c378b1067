/**
 * A month name with a day that month never has ("Feb 30", "November 31", "31 April 2026"), or
 * "Feb 29" with no year: chrono finds no date in these at all, which would read as "could not
 * read" instead of "not a real date" (or which year has one).
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+(\d{4}))?$/i;

export function isImpossibleMonthDay(text: string): boolean {
  const read = readMonthDay(text);
  if (!read) return false;
  // Without a year, Feb 29 exists in some year; with one, the calendar decides.
  const daysInMonth = new Date(Date.UTC(read.year ?? 2024, read.month + 1, 0)).getUTCDate();
  return read.day < 1 || read.day > daysInMonth;
}

/** "Feb 29", "29th February": a day only leap years have, with no year to say which. */
export function isLeapDayWithoutYear(text: string): boolean {
  const read = readMonthDay(text);
  return read !== undefined && read.month === 1 && read.day === 29 && read.year === undefined;
}

/** A month name and a day (month 0-11), with the year if one was typed. */
function readMonthDay(text: string): { month: number; day: number; year?: number } | undefined {
  const trimmed = text.trim();
  const monthFirst = MONTH_FIRST.exec(trimmed);
  const dayFirst = DAY_FIRST.exec(trimmed);
  const [monthWord, dayText, yearText] = monthFirst
    ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]]
    : dayFirst
      ? [dayFirst[2]!, dayFirst[1]!, dayFirst[3]]
      : [];
  if (!monthWord || !dayText) return undefined;
  const month = MONTHS.findIndex((name) => name.startsWith(monthWord.toLowerCase()));
  if (month < 0) return undefined;
  return { month, day: Number(dayText), ...(yearText ? { year: Number(yearText) } : {}) };
}
