import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions } from '../command.js';
import type { StoredActivity, StoredCredential } from '../ports.js';
import { addCalendarDays } from '../rules/calendar-date.js';
import { evaluate, renewalCoveredThrough } from '../rules/index.js';
import { errorReply, problem, reply, type Block } from '../reply.js';
import type { CredentialCode, Evaluation } from '../rules/types.js';
import { CREDENTIAL_WORDS_HELP, toCredentialCode } from '../text/aliases.js';
import { describeActivity } from '../views/describe.js';
import { intoPages } from '../views/into-pages.js';
import { outcomeLine, outcomeOf } from '../views/outcome-line.js';
import { RENEW_WINDOW_DAYS } from './credential.js';
import { noSuchPage } from './no-such-page.js';
import { unexpectedWords } from './unexpected-words.js';
import { loadStanding } from '../views/load-standing.js';

const USAGE = 'history [credential] [page <n>]';

// Ten a page, and fewer when entries are long: a page must reach every platform whole. Discord
// cuts a message past 6,000 characters (4,096 an embed's description), and ten entries with long
// titles, each saying what it counted toward five credentials, run past that.
const PAGE_SIZE = 10;
const PAGE_CHARACTERS = 4000;

export const historyCommand = defineCommand({
  name: 'history',
  aliases: ['activities', 'list'],
  summary: 'Your activities with ids, what each counted for, and why anything did not count.',
  usage: USAGE,
  examples: ['history', 'history CMA', 'history page 2'],
  options: [
    { name: 'credential', type: 'string', description: 'Only what counted toward this credential', autocomplete: 'credentials' },
    { name: 'page', type: 'integer', description: 'Page number (up to 10 a page, newest first)', min: 1 },
  ],
  parseText(tokens) {
    const raw: RawOptions = {};
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i]!.text;
      // "history for my CMA": the credential, said.
      if (/^(for|of|my|toward|towards)$/i.test(word) && !tokens[i]!.quoted) continue;
      if (word.toLowerCase() === 'page') raw.page = tokens[++i]?.text ?? '';
      else if (raw.credential === undefined) raw.credential = word;
      else raw.unexpected = word;
    }
    return raw;
  },
  schema: () =>
    z.object({
      credential: z
        .string()
        .transform((word, ctx) => {
          const code = toCredentialCode(word);
          const page = /^\d{1,4}$/.test(word) ? ` For page ${Number(word)}, type \`history page ${Number(word)}\`.` : '';
          if (!code) ctx.addIssue({ code: 'custom', message: `“${word}” is not a credential. Use one of ${CREDENTIAL_WORDS_HELP}.${page}`, params: { code: 'unknown-credential' } });
          return code as CredentialCode;
        })
        .optional(),
      // A number from Discord's integer option, a word from text.
      page: z
        .union([z.number(), z.string()])
        .transform((value, ctx) => {
          const page = typeof value === 'number' ? value : /^\d{1,4}$/.test(value) ? Number(value) : NaN;
          if (Number.isInteger(page) && page >= 1) return page;
          ctx.addIssue({ code: 'custom', message: 'The page is a whole number from 1, e.g. `history page 2`.', params: { code: 'invalid-page' } });
          return z.NEVER;
        })
        .optional(),
      unexpected: unexpectedWords('Name one credential at most, e.g. `history CMA page 2`.'),
    }),
  run(ctx, options) {
    const { credentials, activities, evaluations } = loadStanding(ctx);
    const shown = options.credential ? evaluations.filter((e) => e.code === options.credential) : evaluations;
    if (options.credential && shown.length === 0) {
      const held = evaluations.map((e) => e.code);
      const instead = held.length ? `\`history ${held[0]}\` (you track ${held.join(', ')}) or \`history\`` : '`history`';
      return errorReply([problem('credential-not-held', `You don't track ${options.credential}, so nothing counts toward it. Try ${instead}.`)], USAGE);
    }
    if (activities.length === 0) return reply([{ kind: 'paragraph', text: 'Nothing logged yet. Try `log 2h clinical "Phlebotomy basics" from Relias`.' }]);
    const newestFirst = [...activities].sort((a, b) => b.completedOn.localeCompare(a.completedOn) || b.id - a.id);
    const previous = new Map(shown.map((e) => [e, previousCycle(ctx, e, credentials.find((c) => c.code === e.code)!, activities)]));
    const all = newestFirst.map((activity) => {
      const counted = shown.map((e) => {
        const before = previous.get(e);
        if (!before || !wentToPreviousCycle(activity, e, before.coveredThrough)) return outcomeLine(e, activity.id);
        const line = outcomeLine(before.evaluation, activity.id);
        return line?.replace(`${e.code}: `, `${e.code}, previous cycle (to ${before.evaluation.cycle.end}): `) ?? outcomeLine(e, activity.id);
      }).filter(Boolean);
      return `${describeActivity(activity)}${counted.length ? `\n    ${counted.join('\n    ')}` : ''}`;
    });
    const pages = intoPages(all, PAGE_SIZE, PAGE_CHARACTERS);
    const command = `history${options.credential ? ` ${options.credential}` : ''}`;
    if ((options.page ?? 1) > pages.length) return errorReply([noSuchPage(options.page!, pages.length, command)], USAGE);
    const page = options.page ?? 1;
    const items = pages[page - 1]!;
    const blocks: Block[] = [{ kind: 'heading', text: `Activities${options.credential ? ` for ${options.credential}` : ''} (page ${page} of ${pages.length})` }, { kind: 'list', items }];
    if (page < pages.length) blocks.push({ kind: 'paragraph', text: `More: \`${command} page ${page + 1}\`` });
    return reply(blocks);
  },
});

/**
 * The cycle before the current one, evaluated, when the member logged anything in it: after a
 * renewal, what those activities counted toward that cycle is the record an audit of it asks for.
 * It ended on the expiry the renewal replaced: a CMA renewed early or in its grace period starts
 * its new cycle after the month of the renewal, not the day after the old expiry. A known renewal
 * covered credit up to `coveredThrough` only: what was done after it, though dated before the old
 * expiry, is left out here, so it takes no share of the old cycle's caps.
 */
function previousCycle(ctx: CommandContext, e: Evaluation, credential: StoredCredential, activities: readonly StoredActivity[]): { evaluation: Evaluation; coveredThrough: string | undefined } | undefined {
  if (e.unit === 'card') return undefined;
  const coveredThrough = renewalCoveredThrough(credential, activities, ctx.overrides);
  if (!activities.some((a) => wentToPreviousCycle(a, e, coveredThrough))) return undefined;
  // A renewal comes at most RENEW_WINDOW_DAYS before the old expiry: a later date replaced since
  // is a correction of the new cycle's (`credential add … expires`), not the old cycle's end.
  const replaced = ctx.store.expiryBefore(ctx.member, e.code, addCalendarDays(e.cycle.start, RENEW_WINDOW_DAYS + 1));
  const end = replaced ?? addCalendarDays(e.cycle.start, -1);
  const covered = coveredThrough === undefined ? activities : activities.filter((a) => a.completedOn <= coveredThrough);
  return { evaluation: evaluate({ code: e.code, expiresOn: end }, covered, ctx.today, ctx.overrides, { explain: true }), coveredThrough };
}

/**
 * What the activity counted toward is the previous cycle's record: not when it counts toward this
 * one, but when a renewal covered it (CE done in a grace period to reinstate the lapsed cycle), or
 * when it is dated before this cycle and on or before the last day the known renewal covered (CE
 * done after renewing early counts toward neither cycle when the new one starts later: its own
 * outcome says so). With no renewal known, only what was logged while the previous cycle ran: an
 * old course logged today (a cycle they may never have held) stays "outside the period".
 */
function wentToPreviousCycle(activity: StoredActivity, e: Evaluation, coveredThrough: string | undefined): boolean {
  const code = outcomeOf(e, activity.id)?.code;
  if (code === 'counted' || code === 'partly-counted') return false;
  if (code === 'counted-in-renewal') return true;
  if (activity.completedOn >= e.cycle.start) return false;
  // With a renewal known, its days say it; without, an activity logged while the old cycle ran.
  return coveredThrough !== undefined ? activity.completedOn <= coveredThrough : activity.createdAt.slice(0, 10) < e.cycle.start;
}
