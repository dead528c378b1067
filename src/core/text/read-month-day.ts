/**
 * A month name with a day that month never has ("Feb 30", "November 31", "31 April 2026"):
 * chrono finds no date in these at all, which would read as "could not read" instead of
 * "not a real date".
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+(\d{4}))?$/i;

export function isImpossibleMonthDay(text: string): boolean {
  const trimmed = text.trim();
  const monthFirst = MONTH_FIRST.exec(trimmed);
  const dayFirst = DAY_FIRST.exec(trimmed);
  const [monthWord, dayText, yearText] = monthFirst
    ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]]
    : dayFirst
      ? [dayFirst[2]!, dayFirst[1]!, dayFirst[3]]
      : [];
  if (!monthWord || !dayText) return false;
  const month = MONTHS.findIndex((name) => name.startsWith(monthWord.toLowerCase()));
  if (month < 0) return false;
  // Without a year, Feb 29 exists in some year; with one, the calendar decides.
  const daysInMonth = new Date(Date.UTC(yearText ? Number(yearText) : 2024, month + 1, 0)).getUTCDate();
  const day = Number(dayText);
  return day < 1 || day > daysInMonth;
}
