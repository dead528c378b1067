/**
 * Dates written only in numbers other than ISO: "24.11.2026", "11/24/2026", "26/11", "26-11-01".
 * The credentials are American, so slashes read month first as in the US ("11/01/2026" is
 * 1 November) unless only the day-first reading is a date ("24/11/2026"). Dots and dashes have no
 * such convention here: a form that reads two ways is refused rather than guessed, and so is a
 * two-digit year, whatever the separator.
 */
const NUMERIC = /^(\d{1,4})([-/.])(\d{1,2})(?:\2(\d{1,4}))?$/;

export type NumericDate =
  | { kind: 'not-numeric' }
  | { kind: 'ambiguous'; readings: string[] }
  /** `likely`: the US reading in this century ("2/28/27" → 2027-02-28), when slashes give one, as the date to offer. */
  | { kind: 'two-digit-year'; likely?: string }
  /** A full date read one way only, as YYYY-MM-DD (not yet checked to exist). */
  | { kind: 'dated'; on: string };

export function readNumericDate(text: string, thisYear: number): NumericDate {
  const match = NUMERIC.exec(text);
  if (!match) return { kind: 'not-numeric' };
  const [, first, separator, second, third] = match as unknown as [string, string, string, string, string | undefined];
  if (first.length === 4) return { kind: 'not-numeric' }; // year first: ISO or 2026/11/01, one reading
  if (third === undefined) {
    // "03/2027" is a month (an expiry printed on a card), read elsewhere; "26/11" reads one way.
    if (second.length > 2) return { kind: 'not-numeric' };
    const readings = readingsOf(Number(first), Number(second), thisYear);
    if (separator === '/') return readings.length > 0 ? { kind: 'dated', on: usReading(readings, Number(first), Number(second), thisYear) } : { kind: 'not-numeric' };
    return readings.length > 1 ? { kind: 'ambiguous', readings } : { kind: 'not-numeric' };
  }
  if (third.length !== 4) {
    const readings = separator === '/' && third.length === 2 ? readingsOf(Number(first), Number(second), 2000 + Number(third)) : [];
    return readings.length > 0 ? { kind: 'two-digit-year', likely: usReading(readings, Number(first), Number(second), 2000 + Number(third)) } : { kind: 'two-digit-year' };
  }
  const readings = readingsOf(Number(first), Number(second), Number(third));
  if (separator === '/' && readings.length > 0) return { kind: 'dated', on: usReading(readings, Number(first), Number(second), Number(third)) };
  if (readings.length > 1) return { kind: 'ambiguous', readings };
  // Neither part can be a month (31.13.2026): let the caller call it not a real date.
  return { kind: 'dated', on: readings[0] ?? `${third}-${pad(Number(second))}-${pad(Number(first))}` };
}

/** Day-first reading first: most members outside the US write it so. */
function readingsOf(a: number, b: number, year: number): string[] {
  const readings = new Set<string>();
  if (b >= 1 && b <= 12) readings.add(`${year}-${pad(b)}-${pad(a)}`);
  if (a >= 1 && a <= 12) readings.add(`${year}-${pad(a)}-${pad(b)}`);
  return [...readings];
}

/** Month first when that is a date ("11/01" is 1 November), else the one reading there is. */
function usReading(readings: string[], a: number, b: number, year: number): string {
  const monthFirst = `${year}-${pad(a)}-${pad(b)}`;
  return readings.includes(monthFirst) ? monthFirst : readings[0]!;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
