/**
 * Cycle arithmetic: the earning window from an expiry date, and the expiry from a certification
 * (or card issue) date. Sources and lengths come from the rule packs (cycle.length).
 */
import { addDays, addMonths, addYears, endOfMonth, isLastDayOfMonth, startOfMonth, subMonths, subYears } from 'date-fns';
import { addCalendarDays, parseCalendarDate, shiftCalendarDate } from './calendar-date.js';
import type { RulePack } from './rule-pack-schema.js';
import { getRulePack } from './rule-packs.js';
import { TwoKeyMemo } from './two-key-memo.js';
import type { CredentialCode, CredentialInput } from './types.js';

export interface CycleWindow {
  /** First day of the current cycle. */
  start: string;
  /** Last day of the current cycle: the expiry date. */
  end: string;
  /**
   * First day an activity can count: earlier than `start` for NCCT's outside-CE rule, later when a
   * renewal in the grace period covered the cycle's first days.
   */
  earnFrom: string;
  /**
   * Set when a renewal cut what would count: `cycleEnd` is the last day the renewal covered (the
   * end of the cycle renewed from, or the renewal day), and `reachFrom` the day counting would
   * otherwise have started from.
   */
  renewal?: { cycleEnd: string; reachFrom: string };
}

/**
 * expiresOn for `credential add X certified <date>`:
 * CMA: last day of the month 60 months on (Feb 2022 → 2027-02-28, aama-policies);
 * AMT/NCCT/NHA: the day before the 3/1/2-year anniversary (2023-05-01 → 2026-04-30);
 * BLS: last day of the month 24 months after issue (2024-03-10 → 2026-03-31, aha-card).
 * A Feb 29 start has its anniversary on Mar 1 in a common year, so that cycle ends Feb 28.
 */
export function expiryFromCertified(code: CredentialCode, certifiedOn: string): string {
  const { cycle } = getRulePack(code);
  const length = cycle.length.value;
  switch (cycle.kind) {
    case 'months-to-month-end':
    case 'card-months':
      return shiftCalendarDate(certifiedOn, (d) => endOfMonth(addMonths(d, length)));
    case 'anniversary-years':
      return shiftCalendarDate(certifiedOn, (d) => {
        const clamped = addYears(d, length); // date-fns moves Feb 29 to Feb 28 in a common year
        const anniversary = clamped.getDate() === d.getDate() ? clamped : addDays(clamped, 1);
        return addDays(anniversary, -1);
      });
  }
}

function cycleStart(kind: RulePack['cycle']['kind'], length: number, expiresOn: string): string {
  switch (kind) {
    case 'months-to-month-end':
      // A month-end expiry follows a month-end expiry (aama-policies): 2029-02-28 → previous end
      // 2024-02-29 → start 2024-03-01. Plain "− 60 months + 1 day" would give 2024-02-29.
      return shiftCalendarDate(expiresOn, (d) =>
        isLastDayOfMonth(d) ? startOfMonth(subMonths(d, length - 1)) : addDays(subMonths(d, length), 1),
      );
    case 'card-months':
      // The card was issued some day in the month 24 months before it lapses; count from its first day.
      return shiftCalendarDate(expiresOn, (d) => startOfMonth(subMonths(d, length)));
    case 'anniversary-years':
      // The cycle began the day after the same date `length` years earlier (2026-04-30 → 2023-05-01;
      // 2027-02-28 → 2024-02-29, a leap-day certification).
      return shiftCalendarDate(expiresOn, (d) => addDays(subYears(d, length), 1));
  }
}

/**
 * Windows are remembered by credential and expiry: every evaluation needs one, date-fns' month
 * arithmetic made it a sixth of finishing an evaluation, and a team shares a few hundred expiries.
 */
const windows = new TwoKeyMemo<CredentialCode, string, Readonly<CycleWindow>>(10_000);

export function cycleWindow(credential: CredentialInput): Readonly<CycleWindow> {
  const window = windows.get(credential.code, credential.expiresOn) ?? windows.set(credential.code, credential.expiresOn, Object.freeze(computeWindow(credential)));
  return credential.renewedFrom === undefined ? window : afterRenewal(window, credential.renewedFrom, credential.graceThrough);
}

/**
 * Credit dated on or before the last day a renewal covered counted toward it, so it must not count
 * again. NCCT's rule reaches back to January 1 of the calendar year before (CE-0309), into the year
 * just renewed; and a renewal in the grace period was made with grace-period CE (`graceThrough`),
 * which an NCMA's next year (from the day after the old expiry) would count again. Credit after
 * that is never cut: a CMA renewed early starts its new cycle after the month of renewal
 * (aama-policies), and credit earned from then on belongs to the new cycle, though the old expiry is later.
 */
function afterRenewal(window: Readonly<CycleWindow>, renewedFrom: string, graceThrough: string | undefined): Readonly<CycleWindow> {
  // An end inside this cycle is an expiry corrected a few days on (a typo), not a cycle renewed from.
  if (renewedFrom >= window.start) return window;
  const coveredThrough = graceThrough !== undefined && graceThrough > renewedFrom ? graceThrough : renewedFrom;
  // Nothing to cut: the renewal covered nothing this cycle counts (no reach back, or one that ends before it).
  if (coveredThrough < window.earnFrom) return window;
  return { ...window, earnFrom: addCalendarDays(coveredThrough, 1), renewal: { cycleEnd: coveredThrough, reachFrom: window.earnFrom } };
}

function computeWindow(credential: CredentialInput): CycleWindow {
  const pack = getRulePack(credential.code);
  const end = credential.expiresOn;
  parseCalendarDate(end);
  const start = cycleStart(pack.cycle.kind, pack.cycle.length.value, end);
  const outside = pack.outsideCeWindow;
  if (!outside) return { start, end, earnFrom: start };
  // NCCT CE-0309: outside CE completed no earlier than the calendar year before the recertification year.
  const earliestYear = Number(end.slice(0, 4)) - outside.calendarYearsBefore.value;
  const januaryFirst = `${String(earliestYear).padStart(4, '0')}-01-01`;
  return { start, end, earnFrom: januaryFirst < start ? januaryFirst : start };
}

/**
 * The expiry of the cycle after the one ending `expiresOn`, renewed on `renewedOn` (default: an
 * on-time renewal in the expiry's month). Anniversary cycles (AMT, NCCT, NHA) follow on from the old
 * expiry. A CMA is current for 60 months from the end of the month of its last recertification
 * (aama-policies), so an early renewal ends sooner and one in the grace period starts after it: the
 * grace CE that renewed the old cycle does not count toward the new one.
 */
export function nextCycleExpiry(code: CredentialCode, expiresOn: string, renewedOn: string = expiresOn): string {
  const { cycle } = getRulePack(code);
  if (cycle.kind === 'anniversary-years') return expiryFromCertified(code, shiftCalendarDate(expiresOn, (d) => addDays(d, 1)));
  return expiryFromCertified(code, renewedOn);
}
