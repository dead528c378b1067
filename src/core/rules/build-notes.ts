/**
 * The human notes of an evaluation: unverified figures it relied on, how the CE route closes,
 * and why the submit-by date is before the deadline.
 */
import type { EvaluationContext } from './evaluation-context.js';
import type { Timeline } from './credential-timeline.js';

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
  notes.push(...routeNotes(ctx, timeline));
  return notes;
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
