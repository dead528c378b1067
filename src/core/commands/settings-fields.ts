/**
 * zod fields of `settings`: each refuses what the planner would read differently from the member
 * (quiet hours that are empty or leave no day, days Number() reads as hex, a zone whose sign is
 * backwards), with a stable code and the line to type instead.
 */
import { z } from 'zod';
import { DEFAULT_LADDER } from '../nudges/plan-member.js';
import { parseQuietHours } from '../nudges/local-time.js';
import { meantClockTime } from '../text/read-clock-time.js';

export const MAX_LADDER_STEPS = 12;
export const MAX_LADDER_DAYS = 365;
/**
 * The longest quiet hours a member may set. A night-shift worker sleeping by day needs ten or so;
 * beyond 20 the planner is left a sliver of the day and delivers in the hour after it ends, often
 * around midnight, which no one asking for quiet wants: `settings nudges off` says that better.
 */
const MAX_QUIET_MINUTES = 20 * 60;
const MINUTES_PER_DAY = 24 * 60;
const QUIET = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
/** Plain digits only: Number() would also take 1e2, 0x10, 0o7, 1.0 and +5. */
const WHOLE_DAYS = /^\d+$/;
const DAYS_EXAMPLE = '`settings ladder 90 30 7`';

/** US abbreviations members type, and the zone they mean: EST and MST alone never change for daylight saving. */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  est: 'America/New_York', edt: 'America/New_York', cst: 'America/Chicago', cdt: 'America/Chicago',
  mst: 'America/Denver', mdt: 'America/Denver', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles',
  akst: 'America/Anchorage', akdt: 'America/Anchorage', hst: 'Pacific/Honolulu',
};

/**
 * The IANA zone named after a city as a member types it ("chicago", "new york", "New_York"): zones
 * are named Region/City with underscores, so the city part is what people know. Only a suggestion,
 * never saved unasked: a city name may not be where the member is.
 */
function zoneOfCity(typed: string): string | undefined {
  const name = typed.trim().replace(/\s+/g, '_').toLowerCase();
  if (name === '') return undefined;
  // "America/New York" is the zone itself, typed with a space.
  return Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase() === name || zone.slice(zone.lastIndexOf('/') + 1).toLowerCase() === name);
}

/** POSIX signs: Etc/GMT+5 is five hours behind UTC, the reverse of what a member means by it. */
const OFFSET_ZONE = /^Etc\/GMT[+-]\d+$/i;

function issue(ctx: z.RefinementCtx, code: string, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

/** "settings quiet" with nothing after it: the parser hands the schema an empty value. */
function missingValue(ctx: z.RefinementCtx, key: string, examples: string): typeof z.NEVER {
  return issue(ctx, 'missing-setting-value', `Say what to set ${key} to, e.g. ${examples}.`);
}

/**
 * A zone by its IANA name, with IANA's capitals ("europe/london" is Europe/London) but not ICU's
 * older names (it would turn Asia/Kathmandu into Asia/Katmandu).
 */
export const tzField = z.string().transform((zone, ctx) => {
  if (zone.trim() === '') return missingValue(ctx, 'your time zone', '`settings tz America/Chicago`');
  const meant = ZONE_ABBREVIATIONS[zone.toLowerCase()];
  if (meant) return issue(ctx, 'abbreviated-time-zone', `“${zone}” is an abbreviation, and some never change for daylight saving; type the zone's name, e.g. \`settings tz ${meant}\`.`);
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  if (canonical === 'UTC') return canonical; // also GMT, Etc/GMT+0, UTC in any case
  if (canonical !== undefined && OFFSET_ZONE.test(canonical)) {
    return issue(ctx, 'offset-time-zone', `“${zone}” counts hours the opposite way round (Etc/GMT+5 is five hours behind UTC) and never changes for daylight saving; type the zone of a city near you, e.g. \`settings tz America/Chicago\` or \`settings tz Asia/Karachi\`.`);
  }
  // A name without a region ("EST5EDT", "CET") is a legacy alias that may not say where the member is.
  if (canonical === undefined || !zone.includes('/')) {
    const meant = zoneOfCity(zone);
    if (meant) return issue(ctx, 'unknown-time-zone', `“${zone}” is not a time zone's full name: did you mean \`settings tz ${meant}\`?`);
    return issue(ctx, 'unknown-time-zone', `“${zone}” is not a time zone I can use. Use an IANA name, e.g. \`settings tz America/Chicago\` or \`settings tz Europe/London\`.`);
  }
  return canonical.toLowerCase() === zone.toLowerCase() ? canonical : zone;
});

/** on/off for `key`; not the shared yes/no field, which also reads `aama` as yes (for `log`). */
export function onOffField(key: string) {
  const examples = `\`settings ${key} on\` or \`settings ${key} off\``;
  return z.union([z.boolean(), z.string()], { error: `Type ${examples}.` }).transform((value, ctx) => {
    if (typeof value === 'boolean') return value;
    const word = value.trim().toLowerCase();
    if (word === '') return missingValue(ctx, key, examples);
    if (['on', 'yes', 'y', 'true'].includes(word)) return true;
    if (['off', 'no', 'n', 'false'].includes(word)) return false;
    return issue(ctx, 'invalid-boolean', `“${value}” is not on or off; type ${examples}.`);
  });
}

/** Minutes from start to end, across midnight when the end comes first; 0 when they are equal. */
function quietLengthMinutes(quiet: { start: number; end: number }): number {
  return (quiet.end - quiet.start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

function formatLength(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} hours` : `${hours} h ${minutes % 60} min`;
}

export const quietField = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === '') return missingValue(ctx, 'quiet hours', '`settings quiet 21:00-07:00` or `settings quiet off`');
  if (text.toLowerCase() === 'off') return null;
  if (!QUIET.test(text)) {
    const meant = meantQuietHours(text);
    if (meant) return issue(ctx, 'invalid-quiet-hours', `Quiet hours are on the 24-hour clock, hours in two digits: for “${value}” type \`settings quiet ${meant}\`.`);
    return issue(ctx, 'invalid-quiet-hours', `Quiet hours look like \`settings quiet 21:00-07:00\` (24-hour clock, start-end), or \`settings quiet off\`; “${value}” is not that.`);
  }
  // The planner reads a range that starts and ends at the same minute as no quiet hours at all.
  const quiet = parseQuietHours(text);
  if (quiet === undefined) {
    return issue(ctx, 'empty-quiet-hours', `${text} starts and ends at the same time, so it keeps no time quiet. Type when to keep quiet, e.g. \`settings quiet 21:00-07:00\`, or \`settings quiet off\` for none.`);
  }
  const length = quietLengthMinutes(quiet);
  if (length > MAX_QUIET_MINUTES) {
    return issue(ctx, 'quiet-hours-too-long', `${text} is ${formatLength(length)} of quiet, leaving almost no time for a reminder; the most is ${MAX_QUIET_MINUTES / 60} hours, e.g. \`settings quiet 21:00-07:00\`. To stop reminders, type \`settings nudges off\` (or \`pause until <date>\` for a while).`);
  }
  return text;
});

/**
 * "9pm-7am" or "9:00-17:00" as the range it means. Only sides that say they are times (a colon or
 * am/pm): "9-5" could be either end of a day.
 */
function meantQuietHours(text: string): string | undefined {
  const sides = text.split('-');
  if (sides.length !== 2 || !sides.every((side) => /[:.]|[ap]\.?m\.?$/i.test(side.trim()))) return undefined;
  const [start, end] = sides.map((side) => meantClockTime(side.trim()));
  return start && end ? `${start}-${end}` : undefined;
}

/** Distinct days, furthest first: the order the planner walks them and the reply shows them. */
function normalizeLadder(days: number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

/** What is wrong with one word of a ladder, or undefined for a whole number of days in range. */
function ladderWordProblem(word: string, validDays: number[]): string | undefined {
  if (/^-\d+$/.test(word)) return `“${word}” is negative; reminders count days before the submit-by date, e.g. ${DAYS_EXAMPLE}.`;
  if (!WHOLE_DAYS.test(word)) return `“${word}” is not a whole number of days; type days as plain digits, e.g. ${DAYS_EXAMPLE}.`;
  const days = Number(word);
  // Refused, though the planner could send it: on the submit-by day CE still missing can no longer
  // be done in time, and the 1-day stage already reminds on the day before.
  if (days === 0) return `0 would remind on the submit-by day itself, too late to finish what is missing; the nearest is 1 day before, e.g. \`settings ladder ${normalizeLadder([...validDays, 1]).join(' ')}\`.`;
  if (days > MAX_LADDER_DAYS) return `“${word}” days is more than a year ahead; the furthest reminder is ${MAX_LADDER_DAYS} days before, e.g. \`settings ladder ${MAX_LADDER_DAYS} 90 30 7\`.`;
  return undefined;
}

/** "120 90 60" or "120,90,60" → distinct whole days, largest first (repeats merged); `default` → null. */
export const ladderField = z.string().transform((text, ctx) => {
  if (text.trim().toLowerCase() === 'default') return null;
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return issue(ctx, 'invalid-ladder', `Give the days before the submit-by date, e.g. \`settings ladder ${DEFAULT_LADDER.join(' ')}\`, or \`settings ladder default\`.`);
  const valid = words.filter((word) => ladderWordProblem(word, []) === undefined).map(Number);
  const problems = new Set(words.map((word) => ladderWordProblem(word, valid)).filter((p): p is string => p !== undefined));
  for (const message of problems) issue(ctx, 'invalid-ladder', message);
  if (problems.size > 0) return z.NEVER;
  const distinct = normalizeLadder(valid);
  if (distinct.length > MAX_LADDER_STEPS) return issue(ctx, 'invalid-ladder', `At most ${MAX_LADDER_STEPS} reminders per deadline; you gave ${distinct.length}, e.g. \`settings ladder ${DEFAULT_LADDER.join(' ')}\`.`);
  return distinct;
});
