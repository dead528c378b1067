/**
 * Reads a date the way a person types it: ISO (2026-11-01), or words (yesterday, Nov 1,
 * last friday, 3 days ago). Returns a calendar date in the member's time zone or a problem.
 */
import * as chrono from 'chrono-node';
import { addDays, addMonths, addYears, endOfMonth, format, getDaysInMonth, isSameMonth, isValid, parseISO, startOfMonth } from 'date-fns';
import { problem, type Problem } from '../reply.js';
import { isImpossibleMonthDay, isLeapDayWithoutYear } from './read-month-day.js';
import { readNumericDate } from './read-numeric-date.js';

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
const BARE_WEEKDAY = /^(?:on\s+)?(mon|tues?|wed(nes)?|thu(rs?)?|fri|sat(ur)?|sun)(day)?\.?$/i;

type Read = { on: string } | { code: string; message: string };

export function resolveDate(text: string, options: DateOptions): DateResult {
  const trimmed = text.trim();
  const read = trimmed === '' ? missing(options.field) : ISO_DATE.test(trimmed) ? readIso(trimmed, trimmed) : readOther(trimmed, options);
  if ('code' in read) return fail(read.code, read.message);
  const { on } = read;
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

function missing(field: string): Read {
  const example = field === 'date' ? 'after `on`, e.g. `on 2026-11-01` or `on yesterday`' : `after \`${field}\`, e.g. \`${field} 2026-11-01\``;
  return { code: 'missing-date', message: `Give the date ${example}.` };
}

function impossible(text: string): Read {
  return { code: 'impossible-date', message: `“${text}” is not a real date. Type a date like 2026-11-01.` };
}

function readIso(iso: string, asTyped: string): Read {
  const [, y, m, d] = ISO_DATE.exec(iso)!;
  const padded = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = parseISO(padded);
  return isValid(date) && format(date, 'yyyy-MM-dd') === padded ? { on: padded } : impossible(asTyped);
}

function readOther(text: string, options: DateOptions): Read {
  const numeric = readNumericDate(text, Number(options.today.slice(0, 4)));
  if (numeric.kind === 'dated') return readIso(numeric.on, text);
  if (numeric.kind === 'ambiguous') {
    return { code: 'ambiguous-date', message: `“${text}” could be ${numeric.readings.join(' or ')}; type the date as year-month-day, e.g. ${numeric.readings[0]}.` };
  }
  if (numeric.kind === 'two-digit-year') {
    return { code: 'ambiguous-date', message: `“${text}” has a two-digit year, so the day, month and year could be read several ways; type the date as year-month-day, e.g. ${numeric.likely ?? '2026-11-01'}.` };
  }
  const isoMonth = ISO_MONTH.exec(text);
  if (isoMonth) return readIsoMonth(Number(isoMonth[1]), Number(isoMonth[2]), text, options);
  return readWords(text, options);
}

// "2027-02": a month, as some cards print an expiry (like "02/2027", which chrono reads).
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;

function readIsoMonth(year: number, month: number, text: string, options: DateOptions): Read {
  if (month < 1 || month > 12) return impossible(text);
  const monthOnly = options.monthOnly ?? 'refuse';
  if (monthOnly === 'refuse') return { code: 'imprecise-date', message: `“${text}” names a month; say which day, e.g. 2026-11-01 or "Nov 1".` };
  const first = new Date(year, month - 1, 1, 12);
  return { on: format(monthOnly === 'end' ? endOfMonth(first) : first, 'yyyy-MM-dd') };
}

// "this week", "last month", "2025": a span, not a day ("last week" is read as seven days ago).
const SPAN = /^(?:(?:this|past|previous) (week)|(?:this|last|past|previous) (month|year)|(?:in )?(?:19|20)\d{2})$/i;

// "the 20th": a day of some month.
const DAY_OF_MONTH = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$/i;

function readWords(text: string, options: DateOptions): Read {
  const span = SPAN.exec(text.replace(/^on\s+/i, ''));
  if (span) return { code: 'imprecise-date', message: `“${text}” names a ${span[1] ?? span[2] ?? 'year'}; say which day, e.g. 2026-11-01 or "Nov 1".` };
  const dayOfMonth = DAY_OF_MONTH.exec(text.replace(/^on\s+/i, ''));
  if (dayOfMonth) {
    const day = Number(dayOfMonth[1]);
    if (day < 1 || day > 31) return impossible(text);
    return { code: 'imprecise-date', message: `“${text}” names no month; say which, e.g. "${monthWithDay(day, options)}".` };
  }
  // chrono works in the process's local zone; a local noon of the member's "today" makes the
  // calendar arithmetic independent of both zones.
  const [y, m, d] = options.today.split('-').map(Number) as [number, number, number];
  const reference = new Date(y, m - 1, d, 12);
  const results = chrono.parse(text, reference, { forwardDate: options.direction === 'future' });
  const result = results[0];
  if (!result || result.text.length < text.replace(/^on\s+/i, '').length - 1) {
    if (isLeapDayWithoutYear(text.replace(/^on\s+/i, ''))) return leapDay(text, options);
    if (isImpossibleMonthDay(text.replace(/^on\s+/i, ''))) return impossible(text);
    return { code: 'unreadable-date', message: `I could not read “${text}” as a date. Type 2026-11-01, "yesterday" or "Nov 1".` };
  }
  const start = result.start;
  const hasDay = start.isCertain('day') || start.isCertain('weekday');
  if (!hasDay && !start.isCertain('month')) {
    // "noon", "10am": a time, not a date
    return { code: 'unreadable-date', message: `I could not read “${text}” as a date. Type 2026-11-01, "yesterday" or "Nov 1".` };
  }
  let date = new Date(start.get('year')!, start.get('month')! - 1, start.get('day')!, 12);
  if (!hasDay) {
    const monthOnly = options.monthOnly ?? 'refuse';
    if (monthOnly === 'refuse') return { code: 'imprecise-date', message: `“${text}” names a month; say which day, e.g. 2026-11-01 or "Nov 1".` };
    if (monthOnly === 'end') date = endOfMonth(date);
  }
  if (options.direction === 'past' && date > reference && !start.isCertain('year')) {
    const on = format(date, 'yyyy-MM-dd');
    if (start.isCertain('month')) {
      // chrono takes the nearest "March 14", so in November it is next March: this year's, already
      // past, is the one a member means.
      const thisYear = new Date(reference.getFullYear(), date.getMonth(), date.getDate(), 12);
      if (date.getFullYear() > reference.getFullYear() && thisYear.getMonth() === date.getMonth() && thisYear <= reference) {
        return { on: format(thisYear, 'yyyy-MM-dd') };
      }
      // "Nov 25" in November 2026 may be a slip or last year: ask rather than move it a year back.
      return { code: 'future-date', message: `${text} is in the future; type ${format(addYears(date, -1), 'yyyy-MM-dd')} if you meant last year.` };
    }
    // A bare "friday" said about something already done means the last one; "this friday" is ahead.
    if (!BARE_WEEKDAY.test(text)) {
      let before = addDays(date, -7);
      while (before > reference) before = addDays(before, -7);
      return { code: 'future-date', message: `${text} is ${on}, in the future; type "last ${format(date, 'EEEE').toLowerCase()}" or ${format(before, 'yyyy-MM-dd')} if you meant the one before.` };
    }
    date = addDays(date, -7);
  }
  return { on: format(date, 'yyyy-MM-dd') };
}

/**
 * "Nov 20" for "the 20th": this month if that day has come (read forward: is still to come), else
 * the nearest month before (after) that has the day. An example for the reply only.
 */
function monthWithDay(day: number, options: DateOptions): string {
  const today = parseISO(options.today);
  const step = options.direction === 'past' ? -1 : 1;
  const usable = (month: Date) =>
    day <= getDaysInMonth(month) && (!isSameMonth(month, today) || (step < 0 ? day <= today.getDate() : day >= today.getDate()));
  let month = startOfMonth(today);
  while (!usable(month)) month = addMonths(month, step);
  return `${format(month, 'MMM')} ${day}`;
}

/** "Feb 29" in a year without one: the nearest year that has it, in the direction the date is read. */
function leapDay(text: string, options: DateOptions): Read {
  const thisYear = Number(options.today.slice(0, 4));
  const step = options.direction === 'past' ? -1 : 1;
  let year = thisYear;
  while (!isLeapYear(year) || (step < 0 ? `${year}-02-29` > options.today : `${year}-02-29` < options.today)) year += step;
  return { code: 'impossible-date', message: `“${text}” is not a date in ${thisYear}; type the year, e.g. ${year}-02-29.` };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Whether a phrase is, all of it, a date with a day ("Nov 1", "tomorrow", "last week"): how `log`
 * spots a date written at the end without `on`. A bare month stays part of the title.
 */
export function isDatePhrase(phrase: string): boolean {
  if (ISO_DATE.test(phrase) || isImpossibleMonthDay(phrase)) return true;
  const result = chrono.parse(phrase)[0];
  return Boolean(result && result.index === 0 && result.text.length === phrase.length && (result.start.isCertain('day') || result.start.isCertain('weekday')));
}

// Dates chrono skips (2026-02-30) or reads one way of two (01.11.2026), found as written so that
// resolveDate, not the title, answers for them.
const NUMBERS_IN_SENTENCE = /\b(?:on\s+)?(?:\d{1,4}([-/.])\d{1,2}\1\d{1,4}|\d{1,2}\/\d{1,2})\b/i;
const MONTH_DAY_IN_SENTENCE = /\b(?:on\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]{3,9}\.?(?:,?\s+\d{4})?)\b/gi;

/** The first date with a day inside a sentence, as written ("yesterday", "on Nov 1", "last friday"). */
export function findDatePhrase(sentence: string): string | undefined {
  const numeric = NUMBERS_IN_SENTENCE.exec(sentence)?.[0];
  if (numeric) return numeric;
  const found = chrono.parse(sentence).find((r) => r.start.isCertain('day') || r.start.isCertain('weekday'))?.text;
  return found ?? [...sentence.matchAll(MONTH_DAY_IN_SENTENCE)].map((m) => m[0]).find((m) => isImpossibleMonthDay(m.replace(/^on\s+/i, '')));
}
