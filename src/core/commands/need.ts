import { defineCommand } from '../command.js';
import type { Block } from '../reply.js';
import type { Evaluation } from '../rules/types.js';
import { daysPhrase, gapPhrases, gapSummary, monthlyPace } from '../views/describe.js';
import { headingStatus } from '../views/credential-blocks.js';
import { lapseSentence } from '../views/lapse.js';
import { standingReply } from '../views/standing-reply.js';
import { jsonFlagSchema, parseJsonFlag } from './json-flag.js';
import { lapsedNextStep } from './lapsed-next-step.js';


/** Built once: a zod schema costs more to build than to run, and `need` is the busiest command. */
const SCHEMA = jsonFlagSchema('need');
export const needCommand = defineCommand({
  name: 'need',
  aliases: ['needs', 'what-do-i-need', 'remaining'],
  summary: 'The smallest set of additional credit that closes every requirement, with deadline and pace.',
  usage: 'need [--json]',
  examples: ['need', 'need --json'],
  options: [{ name: 'json', type: 'boolean', description: 'Answer with the stable JSON document' }],
  parseText: parseJsonFlag,
  schema: () => SCHEMA,
  run: (ctx, options) => standingReply(ctx, options.json, (evaluations) => evaluations.flatMap((e) => needBlocks(e, ctx.today))),
});

function needBlocks(e: Evaluation, today: string): Block[] {
  const heading: Block = { kind: 'heading', text: `${e.code} (${e.body})`, status: headingStatus(e) };
  if (e.code === 'BLS') {
    const when = e.daysLeft < 0 ? `Your card expired on ${e.cycle.end}. Take a renewal course` : `Card valid through ${e.cycle.end} (${daysPhrase(e.daysLeft)}). Renew before then`;
    return [heading, { kind: 'paragraph', text: `${when} and log the new card: \`log cpr on <date>\`.` }];
  }
  if (e.state === 'exam-required' || e.state === 'expired') {
    // The notes date the route's close; the expiry is only when the credential stopped being usable.
    return [heading, { kind: 'paragraph', text: `${lapseSentence(e)} CE alone no longer renews it.` }, ...notes(e), ...lapsedNextStep(e, today)];
  }
  const lapse: Block[] = e.state === 'grace' ? [{ kind: 'paragraph', text: lapseSentence(e) }] : [];
  if (e.remaining === 0) {
    return [heading, ...lapse, { kind: 'paragraph', text: `Nothing more needed: submit your renewal ${deadline(e, '')}.` }, ...notes(e)];
  }
  // As its reminders: no pace in a grace period nor in the last 45 days (monthlyPace says why).
  const paced = monthlyPace(e);
  const pace = paced ? `; ${paced}` : '';
  return [
    heading,
    ...lapse,
    { kind: 'paragraph', text: `${capitalize(gapSummary(e))} ${deadline(e, pace)}. Requirement by requirement:` },
    { kind: 'list', items: gapPhrases(e) },
    ...notes(e),
  ];
}

/**
 * "by 2027-02-07 (75 days left)". Past the submit-by date but not the expiry (the processing time
 * non-AAMA credit needs, notes say), asking for credit "by" a date gone would leave nothing to do.
 */
function deadline(e: Evaluation, pace: string): string {
  if (e.submitByDaysLeft < 0) return `as soon as you can: the submit-by date, ${e.submitBy}, was ${daysPhrase(e.submitByDaysLeft)}`;
  return `by ${e.submitBy} (${daysPhrase(e.submitByDaysLeft)}${pace})`;
}

function notes(e: Evaluation): Block[] {
  return e.notes.length > 0 ? [{ kind: 'list', items: e.notes }] : [];
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
