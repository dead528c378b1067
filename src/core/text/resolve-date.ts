/**
 * Reads a date the way a person types it: ISO (2026-11-01), or words (yesterday, Nov 1,
 * last friday, 3 days ago). Returns a calendar date in the member's time zone or a problem.
 */
import * as chrono from 'chrono-node';
import { addDays, addYears, format, isValid, parseISO } from 'date-fns';
import { problem, type Problem } from '../reply.js';

export type DateResult = { ok: true; on: string } | { ok: false; problem: Problem };

export interface DateOptions {
  /** Today's date in the member's zone (YYYY-MM-DD): the reference for words like "yesterday". */
  today: string;
  /** 'past' refuses the future (an activity); 'future' reads "Jan 15" forward (a pause, an expiry). */
  direction: 'past' | 'future' | 'any';
  field: string;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const EARLIEST_ON = '1990-01-01';

export function resolveDate(text: string, options: DateOptions): DateResult {
  const trimmed = text.trim();
  const on = ISO_DATE.test(trimmed) ? readIso(trimmed) : readWords(trimmed, options);
  if (on === 'impossible') {
    return fail('impossible-date', `“${trimmed}” is not a real date. Type a date like 2026-11-01.`);
  }
  if (on === undefined) {
    return fail('unreadable-date', `I could not read “${trimmed}” as a date. Type 2026-11-01, "yesterday" or "Nov 1".`);
  }
  if (options.direction === 'past' && on > options.today) {
    return fail('future-date', `${on} is in the future; log an activity on or after the day you complete it.`);
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

function readWords(text: string, options: DateOptions): string | undefined {
  // chrono works in the process's local zone; a local noon of the member's "today" makes the
  // calendar arithmetic independent of both zones.
  const [y, m, d] = options.today.split('-').map(Number) as [number, number, number];
  const reference = new Date(y, m - 1, d, 12);
  const results = chrono.parse(text, reference, { forwardDate: options.direction === 'future' });
  const result = results[0];
  if (!result || result.text.length < text.replace(/^on\s+/i, '').length - 1) return undefined;
  const start = result.start;
  let date = new Date(start.get('year')!, start.get('month')! - 1, start.get('day')!, 12);
  if (options.direction === 'past' && date > reference && !start.isCertain('year')) {
    // "friday" or "Dec 3" said about something already done means the last one, not the next.
    date = start.isCertain('month') ? addYears(date, -1) : addDays(date, -7);
  }
  return format(date, 'yyyy-MM-dd');
}
