/**
 * The member's wall clock: local dates, working hours and quiet hours. Every instant is computed
 * from the zone's own rules (Intl and TZDate), so a daylight-saving change moves nothing by an hour.
 */
import { TZDate } from '@date-fns/tz';
import type { Member } from '../ports.js';
import { addCalendarDays, calendarDaysBetween } from '../rules/calendar-date.js';
import { TwoKeyMemo } from '../rules/two-key-memo.js';

/** Nudges arrive between 09:00 and 17:00 local time, Monday to Friday unless urgent. */
export const WORK_START = 9 * 60;
export const WORK_END = 17 * 60;

export interface LocalTime {
  date: string; // YYYY-MM-DD
  minutes: number; // minutes since local midnight
  weekday: number; // ISO: 1 = Monday … 7 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * A sweep asks the same few questions for thousands of members (the same instant, today's 09:00 in
 * the same zone), and each answer costs microseconds of Intl work: remember recent answers. Keyed
 * by instant (a number) and then zone, not by one joined string: building that key for every
 * member cost more than the lookup it served.
 */
const MAX_REMEMBERED = 20_000;
const localTimes = new TwoKeyMemo<number, string, LocalTime>(MAX_REMEMBERED);

export function localTime(at: Date, tz: string): LocalTime {
  const atMs = at.getTime();
  return localTimes.get(atMs, tz) ?? localTimes.set(atMs, tz, computeLocalTime(at, tz));
}

/** The calendar date in `tz` at `at`, not remembered: a request's instant is asked about once. */
export function localDate(at: Date, tz: string): string {
  return computeLocalTime(at, tz).date;
}

function computeLocalTime(at: Date, tz: string): LocalTime {
  let formatter = formatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short',
    });
    formatters.set(tz, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

interface Instant {
  ms: number;
  iso: string;
}

/** By zone, then by date (and minutes, when not midnight). */
const instants = new TwoKeyMemo<string, string, Instant>(MAX_REMEMBERED);

function instant(date: string, minutes: number, tz: string): Instant {
  const key = minutes === 0 ? date : `${date} ${minutes}`;
  return instants.get(tz, key) ?? instants.set(tz, key, computeInstant(date, minutes, tz));
}

function computeInstant(date: string, minutes: number, tz: string): Instant {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ms = new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, tz).getTime();
  return { ms, iso: new Date(ms).toISOString() };
}

/** The instant the wall clock in `tz` shows `date` at `minutes` (a time skipped by DST moves forward). */
export function instantAt(date: string, minutes: number, tz: string): Date {
  return new Date(instant(date, minutes, tz).ms);
}

/** `instantAt(…).toISOString()`, remembered with the instant. */
export function instantIsoAt(date: string, minutes: number, tz: string): string {
  return instant(date, minutes, tz).iso;
}

/** Calendar arithmetic on day numbers: no zone, so no DST, can move a day. */
export const shiftDate = addCalendarDays;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = calendarDaysBetween;

export function parseClock(text: string): number {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** "21:00-07:00" → start/end minutes; a range that starts and ends at the same minute is empty. */
export function parseQuietHours(text: string | null): { start: number; end: number } | undefined {
  if (!text) return undefined;
  const [start, end] = text.split('-').map(parseClock) as [number, number];
  return start === end ? undefined : { start, end };
}

function isQuiet(minutes: number, quiet: { start: number; end: number }): boolean {
  return quiet.start < quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
}

export interface DeliveryWindow {
  tz: string;
  quietHours: string | null;
  /** Deadlines a week or less away may arrive at weekends too. */
  urgent: boolean;
}

/** The member's own zone, else the one their platform reports, else the default zone. */
export function memberZone(member: Pick<Member, 'tz' | 'platformTz'>, defaultTz: string): string {
  return member.tz ?? member.platformTz ?? defaultTz;
}

/** When nudges may reach this member, as the planner and the drainer both judge it. */
export function memberWindow(member: Pick<Member, 'tz' | 'platformTz' | 'quietHours'>, defaultTz: string, urgent: boolean): DeliveryWindow {
  return { tz: memberZone(member, defaultTz), quietHours: member.quietHours, urgent };
}

/**
 * The shortest daily window nudges are confined to. Sweeps run on a fixed interval
 * (CEU_SWEEP_INTERVAL: 5 minutes by default, an hour at most in practice), so a window shorter than
 * that can fall between two sweeps every day, and the member would never hear about a deadline.
 */
const MIN_WINDOW_MINUTES = 60;

interface QuietRule {
  start: number;
  end: number;
  /**
   * Set when quiet hours leave less than MIN_WINDOW_MINUTES of the working day in one stretch:
   * nudges arrive in this many minutes after the quiet hours end, instead of in working hours.
   */
  afterEndMinutes?: number;
}

/** A member's quiet hours, worked out once per distinct setting (a team shares a handful). */
const quietRules = new Map<string, QuietRule | undefined>();

function quietRule(quietHours: string | null): QuietRule | undefined {
  if (!quietHours) return undefined;
  if (quietRules.has(quietHours)) return quietRules.get(quietHours);
  const quiet = parseQuietHours(quietHours);
  const rule = quiet && longestFreeStretch(quiet) < MIN_WINDOW_MINUTES ? { ...quiet, afterEndMinutes: afterQuietMinutes(quiet) } : quiet;
  if (quietRules.size >= MAX_REMEMBERED) quietRules.clear();
  quietRules.set(quietHours, rule);
  return rule;
}

/** The longest run of working minutes outside the quiet hours. */
function longestFreeStretch(quiet: { start: number; end: number }): number {
  let longest = 0;
  let run = 0;
  for (let m = WORK_START; m < WORK_END; m++) {
    run = isQuiet(m, quiet) ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * When quiet hours swallow the working day, the eight hours after they end take its place: a
 * member who asks for quiet 08:00-18:00 still hears about a deadline, from 18:00. Quiet hours that
 * start again sooner cut that short, but never below MIN_WINDOW_MINUTES: a member quiet all day
 * but a minute still hears, in the hour after that minute starts.
 */
function afterQuietMinutes(quiet: { start: number; end: number }): number {
  const freeUntilQuietAgain = (quiet.start - quiet.end + 1440) % 1440;
  return Math.max(MIN_WINDOW_MINUTES, Math.min(WORK_END - WORK_START, freeUntilQuietAgain));
}

export function isDeliverable(at: Date, window: DeliveryWindow): boolean {
  const local = localTime(at, window.tz);
  if (!window.urgent && local.weekday > 5) return false;
  const quiet = quietRule(window.quietHours);
  if (quiet?.afterEndMinutes !== undefined) return (local.minutes - quiet.end + 1440) % 1440 < quiet.afterEndMinutes;
  return local.minutes >= WORK_START && local.minutes < WORK_END && !(quiet && isQuiet(local.minutes, quiet));
}

/**
 * Answers for the instant last asked about, by window: a sweep asks for thousands of members at
 * one instant, and they share a few dozen windows (zone, quiet hours, urgency).
 */
let deliverableFromMs = Number.NaN;
const deliverableAt = new Map<string, number>();

/** The first instant at or after `from` when a nudge may arrive (looks up to 9 days ahead). */
export function nextDeliverable(from: Date, window: DeliveryWindow): Date {
  const fromMs = from.getTime();
  if (fromMs !== deliverableFromMs || deliverableAt.size >= MAX_REMEMBERED) {
    deliverableAt.clear();
    deliverableFromMs = fromMs;
  }
  const key = `${window.urgent ? 'u' : 'n'}${window.quietHours ?? ''}|${window.tz}`;
  let atMs = deliverableAt.get(key);
  if (atMs === undefined) {
    atMs = findDeliverable(from, window).getTime();
    deliverableAt.set(key, atMs);
  }
  return atMs === fromMs ? from : new Date(atMs);
}

function findDeliverable(from: Date, window: DeliveryWindow): Date {
  if (isDeliverable(from, window)) return from;
  const quiet = quietRule(window.quietHours);
  const starts = [WORK_START, ...(quiet ? [quiet.end] : [])];
  const today = localTime(from, window.tz).date;
  const candidates: Date[] = [];
  for (let day = 0; day <= 9; day++) {
    const date = shiftDate(today, day);
    for (const minutes of starts) {
      const at = instantAt(date, minutes, window.tz);
      if (at.getTime() > from.getTime()) candidates.push(at);
    }
  }
  candidates.sort((a, b) => a.getTime() - b.getTime());
  return candidates.find((at) => isDeliverable(at, window)) ?? candidates[candidates.length - 1]!;
}
