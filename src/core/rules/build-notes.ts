/**
 * The human notes of an evaluation: unverified figures it relied on, how the CE route closes,
 * and why the submit-by date is before the deadline.
 */
import type { EvaluationContext } from './evaluation-context.js';
import type { Timeline } from './credential-timeline.js';
import { createSettingReader, type SettingReader } from './create-setting-reader.js';
import type { RulePack } from './rule-pack-schema.js';
import { getRulePack } from './rule-packs.js';
import { toNumber } from './rational.js';
import type { CredentialCode, RuleOverrides } from './types.js';

export function buildNotes(ctx: EvaluationContext, timeline: Timeline): string[] {
  const { pack, window, read } = ctx;
  const notes: string[] = [];

  for (const use of read.used()) {
    if (use.status !== 'U') continue;
    const source = pack.sources.find((s) => s.id === use.sourceId)?.title ?? use.sourceId;
    const value = typeof use.value === 'boolean' ? (use.value ? 'yes' : 'no') : String(use.value);
    notes.push(
      use.overridden
        ? `${use.label}: ${value}, as set by this workspace (the published figure is unverified).`
        : `Unverified figure in use, ${use.label}: ${value} (source: ${source}).`,
    );
  }

  if (window.earnFrom < window.start) {
    notes.push(window.renewal
      ? `${pack.body} accepts outside CE completed from ${window.earnFrom}: CE-0309 reaches back to the calendar year before this renewal, but not into the cycle you renewed from.`
      : `${pack.body} accepts outside CE completed from ${window.earnFrom}, the calendar year before this renewal (CE-0309).`);
  }
  if (timeline.processingDays > 0 && (timeline.state === 'in-progress' || timeline.state === 'complete' || timeline.state === 'grace')) {
    const why = `With non-${pack.body} credit an application takes up to ${timeline.processingDays} days to process (${pack.body}: 2–3 weeks online)`;
    const before = `${timeline.processingDays} days before ${timeline.deadline}`;
    // Between the submit-by date and the deadline the member can still act: "submit by" a day gone would not say how.
    notes.push(timeline.submitByDaysLeft < 0
      ? `${why}: the submit-by date, ${before}, was ${timeline.submitBy}, so submit as soon as you can.`
      : `${why}: submit by ${timeline.submitBy}, ${before}.`);
  }
  // What renewing costs, while CE still renews it; once lapsed, the route notes below say what is left.
  if (timeline.state === 'in-progress' || timeline.state === 'complete' || timeline.state === 'grace') notes.push(...renewalFeeNotes(pack, read));
  notes.push(...routeNotes(ctx, timeline));
  return notes;
}

/**
 * The fees paid with a renewal (NCCT's yearly, NHA's every two years), through the workspace's
 * settings: "NCCT annual renewal fee: $77 (unverified; check on NCCT’s site)". No such figure is
 * verified (RULES.md), so each says so, or that the workspace set it. Not AMT's yearly fee, which
 * has a reminder of its own in its own month, nor AAMA's once the CE route has closed (routeNotes).
 */
export function renewalFeeNotes(pack: RulePack, read: SettingReader): string[] {
  // Every evaluation asks (a sweep makes 100,000): most packs have none, and need no list made.
  if (!pack.fees.some((fee) => fee.id === 'renewal')) return [];
  return pack.fees.filter((fee) => fee.id === 'renewal').map((fee) => {
    const figure = `${pack.body} ${fee.label.charAt(0).toLowerCase()}${fee.label.slice(1)}: $${formatUsd(toNumber(read.number(fee.usd)))}`;
    if (read.used().find((u) => u.key === fee.usd.setting?.key)?.overridden) {
      return `${figure}, as set by this workspace${fee.usd.status === 'U' ? ' (the published figure is unverified)' : ''}.`;
    }
    // Short, as AMT's fee reminder says it: one holding four NHA credentials reads it under each.
    return fee.usd.status === 'U' ? `${figure} (unverified; check on ${pack.body}’s site).` : `${figure}.`;
  });
}

/**
 * The renewal fees a reminder to renew `code` names, under the workspace's settings. Kept per
 * settings object: a sweep asks for them in thousands of reminders of the same few workspaces.
 */
export function feesToRenew(code: CredentialCode, overrides: RuleOverrides): string[] {
  let byCode = feesBySettings.get(overrides);
  if (!byCode) feesBySettings.set(overrides, (byCode = new Map()));
  let fees = byCode.get(code);
  if (!fees) byCode.set(code, (fees = renewalFeeNotes(getRulePack(code), createSettingReader(overrides))));
  return [...fees];
}

const feesBySettings = new WeakMap<RuleOverrides, Map<CredentialCode, string[]>>();

/** Dollars as a price is written: $77, $77.50. */
function formatUsd(usd: number): string {
  return Number.isInteger(usd) ? String(usd) : usd.toFixed(2);
}

function routeNotes(ctx: EvaluationContext, timeline: Timeline): string[] {
  const { pack, window } = ctx;
  const route = pack.afterExpiry.route;
  if (pack.unit === 'card') {
    return timeline.state === 'expired' ? [`The card expired on ${window.end}: ${route}.`] : [`No CE is needed; the card is valid through ${window.end}.`];
  }
  switch (timeline.state) {
    case 'grace':
      return [`Expired on ${window.end}; ${pack.body} still accepts CE until ${timeline.graceEndsOn}. After that: ${route}.`];
    case 'exam-required':
      return [`The CE route closed after ${timeline.graceEndsOn}: ${route}.`];
    case 'expired':
      return [`Expired on ${window.end}: ${route}.`];
    default:
      return [];
  }
}
