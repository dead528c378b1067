/**
 * Reads a date the way a person types it: ISO (2026-11-01), or words (yesterday, Nov 1,
 * last friday, 3 days ago). Returns a calendar date in the member's time zone or a problem.
 */
import * as chrono from 'chrono-node';
import { addDays, addYears, endOfMonth, format, isValid, parseISO } from 'date-fns';
import { problem, type Problem } from '../reply.js';

export type DateResult = { ok: true; on: string } | { ok: false; problem: Problem };

export interface DateOptions {
  /** Today's date in the member's zone (YYYY-MM-DD): the reference for words like "yesterday". */
  today: string;
  /** 'past' refuses the future (an activity); 'future' reads "Jan 15" forward (a pause, an expiry). */
  direction: 'past' | 'future' | 'any';
  field: string;
  /**
   * A month without a day ("Feb 2027", "03/2027", as expiry dates are printed on cards): its last
   * day for an expiry, its first for a pause, refused where the day matters (an activity).
   */
  monthOnly?: 'end' | 'start' | 'refuse';
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const EARLIEST_ON = '1990-01-01';

export function resolveDate(text: string, options: DateOptions): DateResult {
  const trimmed = text.trim();
  const on = ISO_DATE.test(trimmed) ? readIso(trimmed) : readWords(trimmed, options);
  if (on === 'impossible') {
    return fail('impossible-date', `“${trimmed}” is not a real date. Type a date like 2026-11-01.`);
  }
  if (on === 'month-only') {
    return fail('imprecise-date', `“${trimmed}” names a month; say which day, e.g. 2026-11-01 or "Nov 1".`);
  }
  if (on === undefined) {
    return fail('unreadable-date', `I could not read “${trimmed}” as a date. Type 2026-11-01, "yesterday" or "Nov 1".`);
  }
  if (options.direction === 'past' && on > options.today) {
    const advice = options.field === 'date' ? 'log an activity on or after the day you complete it' : 'use a date on or before today';
    return fail('future-date', `${on} is in the future; ${advice}.`);
  }
  if (on < EARLIEST_ON) return fail('date-too-old', `${on} is too long ago; check the year.`);
  return { ok: true, on };

  function fail(code: string, message: string): DateResult {
    return { ok: false, problem: problem(code, `${options.field}: ${message}`) };
  }
}

function readIso(text: string): string | 'impossible' {
  const [, y, m, d] = ISO_DATE.exec(text)!;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = parseISO(iso);
  return isValid(date) && format(date, 'yyyy-MM-dd') === iso ? iso : 'impossible';
}

function readWords(text: string, options: DateOptions): string | 'month-only' | undefined {
  // chrono works in the process's local zone; a local noon of the member's "today" makes the
  // calendar arithmetic independent of both zones.
  const [y, m, d] = options.today.split('-').map(Number) as [number, number, number];
  const reference = new Date(y, m - 1, d, 12);
  const results = chrono.parse(text, reference, { forwardDate: options.direction === 'future' });
  const result = results[0];
  if (!result || result.text.length < text.replace(/^on\s+/i, '').length - 1) return undefined;
  const start = result.start;
  const hasDay = start.isCertain('day') || start.isCertain('weekday');
  if (!hasDay && !start.isCertain('month')) return undefined; // "noon", "10am": a time, not a date
  let date = new Date(start.get('year')!, start.get('month')! - 1, start.get('day')!, 12);
  if (!hasDay) {
    const monthOnly = options.monthOnly ?? 'refuse';
    if (monthOnly === 'refuse') return 'month-only';
    if (monthOnly === 'end') date = endOfMonth(date);
  }
  if (options.direction === 'past' && date > reference && !start.isCertain('year')) {
    // "friday" or "Dec 3" said about something already done means the last one, not the next.
    date = start.isCertain('month') ? addYears(date, -1) : addDays(date, -7);
  }
  return format(date, 'yyyy-MM-dd');
}

/**
 * Whether a phrase is, all of it, a date with a day ("Nov 1", "tomorrow", "last week"): how `log`
 * spots a date written at the end without `on`. A bare month stays part of the title.
 */
export function isDatePhrase(phrase: string): boolean {
  if (ISO_DATE.test(phrase)) return true;
  const result = chrono.parse(phrase)[0];
  return Boolean(result && result.index === 0 && result.text.length === phrase.length && (result.start.isCertain('day') || result.start.isCertain('weekday')));
}

/** The first date with a day inside a sentence, as written ("yesterday", "on Nov 1", "last friday"). */
export function findDatePhrase(sentence: string): string | undefined {
  return chrono.parse(sentence).find((r) => r.start.isCertain('day') || r.start.isCertain('weekday'))?.text;
}
