import { addDays, addYears, differenceInCalendarDays, endOfMonth, format, parseISO } from 'date-fns';
import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions, type SchemaContext } from '../command.js';
import type { StoredCredential } from '../ports.js';
import { errorReply, problem, reply, type Block } from '../reply.js';
import { expiryFromCertified, nextCycleExpiry } from '../rules/index.js';
import { CREDENTIAL_CODES, type CredentialCode, type Evaluation } from '../rules/types.js';
import { CREDENTIAL_WORDS_HELP, toCredentialCode } from '../text/aliases.js';
import { credentialBlocks } from '../views/credential-blocks.js';
import { daysPhrase, gapSummary, STATE_LABELS } from '../views/describe.js';
import { ceDeadlineOn, daysSinceExpiry, isLapsed } from '../views/lapse.js';
import { RENEW_WINDOW_DAYS, renewTakes } from './lapsed-next-step.js';
import { loadStanding } from '../views/load-standing.js';
import { editDistance } from '../text/edit-distance.js';
import { resolveDate } from '../text/resolve-date.js';
import { dateField } from './activity-fields.js';

const USAGE = 'credential add <code> (expires <date> | certified <date>) | credential list | credential remove <code> | credential renew <code> [on <date>]';
const ACTIONS = ['add', 'list', 'remove', 'renew'] as const;
/** Other words for the actions: a second `add` replaces the dates, so it is also how to update them. */
const ACTION_ALIASES: Record<string, (typeof ACTIONS)[number]> = {
  delete: 'remove', rm: 'remove', update: 'add', change: 'add', set: 'add', edit: 'add', new: 'add', show: 'list',
};
// "exp 2027-02-28", "expiration 02/28/2027": how cards print it.
const EXPIRES = /^(expires?|expiring|exp\.?|expiry|expiration)$/i;
const DATE_KEYWORD = /^(expires?|expiring|exp\.?|expiry|expiration|certified|renewed|issued)$/i;
/** Storage reads renewals by the same window (create-credential-repo.ts). */
export { RENEW_WINDOW_DAYS };
/** No credential here runs longer than 5 years, so an expiry further out is a typo. */
const MAX_YEARS_AHEAD = 6;

const ACTION_HELP = 'Say add, list, remove or renew, e.g. `credential add CMA expires 2027-02-28`.';

/**
 * The reply to a line that starts with no action (parseText keeps the whole line): "credential CMA
 * expires 2027-02-28" gets it with `add`, a misspelt action ("lst", "remvoe") the one meant.
 */
function actionAdvice(typed: string): string {
  const [first = '', ...rest] = typed.split(' ');
  const code = toCredentialCode(first);
  if (code) return `Say what to do with ${code} first, e.g. \`credential add ${[code, ...rest].join(' ')}\`, \`credential renew ${code}\` or \`credential remove ${code}\`.`;
  const near = ACTIONS.find((action) => editDistance(first, action) <= (first.length <= 4 ? 1 : 2));
  return near ? `“${first}” is not something I do with credentials. Did you mean \`${['credential', near, ...rest].join(' ')}\`?` : ACTION_HELP;
}

const codeField = z.string().transform((word, ctx) => {
  const code = toCredentialCode(word);
  if (!code) ctx.addIssue({ code: 'custom', message: `“${word}” is not a credential I track. Use one of ${CREDENTIAL_WORDS_HELP}.`, params: { code: 'unknown-credential' } });
  return code ?? (z.NEVER as CredentialCode);
});

function credentialSchema(ctx: SchemaContext) {
  return z
    .object({
      action: z.string({ error: ACTION_HELP }).transform((typed, zctx) => {
        const action = ACTIONS.find((a) => a === typed);
        if (action) return action;
        zctx.addIssue({ code: 'custom', message: actionAdvice(typed), params: { code: 'invalid-action' } });
        return z.NEVER;
      }),
      code: codeField.optional(),
      expires: expiryField(ctx).optional(),
      certified: dateField(ctx, 'past', 'certified').optional(),
      /** `credential renew CMA on <date>`: the day of the renewal (a slash command gives it as `certified`). */
      renewed: dateField(ctx, 'past', 'renewal date').optional(),
      unexpected: z.string().optional(),
    })
    .superRefine((v, zctx) => {
      const fail = (code: string, message: string) => zctx.addIssue({ code: 'custom', message, params: { code } });
      // "credential add NCMA 2026-01-10": a date, but which one decides the whole cycle.
      const bareDate = v.unexpected && (v.action === 'add' || v.action === 'renew') && v.expires === undefined && v.certified === undefined && v.renewed === undefined
        ? resolveDate(v.unexpected, { today: ctx.today, direction: 'any', field: 'date', monthOnly: 'end' })
        : undefined;
      if (bareDate?.ok) {
        const code = v.code ?? 'CMA';
        if (v.action === 'renew') fail('unexpected-words', `Give the day you renewed after \`on\`: \`credential renew ${code} on ${v.unexpected}\`.`);
        else {
          const certified = bareDate.on <= ctx.today ? ` or \`credential add ${code} certified ${v.unexpected}\` (when you certified or last renewed)` : '';
          fail('missing-date', `Say what ${v.unexpected} is: \`credential add ${code} expires ${v.unexpected}\` (the date on your card)${certified}.`);
        }
        return;
      }
      if (v.unexpected) fail('unexpected-words', `I did not understand “${v.unexpected}”.`);
      if (v.action === 'list' && (v.code !== undefined || v.expires !== undefined || v.certified !== undefined || v.renewed !== undefined)) fail('unexpected-words', '`credential list` takes nothing after it.');
      if (v.action !== 'renew' && v.renewed !== undefined) fail('unexpected-words', `\`on <date>\` is for \`credential renew\`; to add a credential give \`expires <date>\` or \`certified <date>\`.`);
      if (v.action !== 'list' && v.code === undefined) fail('missing-credential', `Say which credential: ${CREDENTIAL_WORDS_HELP}.`);
      if (v.action === 'renew' && v.expires !== undefined) {
        fail('unexpected-words', `\`credential renew\` takes the day you renewed (\`credential renew ${v.code ?? 'CMA'} on 2027-01-15\`), not an expiry. With your new card's date, use \`credential add ${v.code ?? 'CMA'} expires <date>\`.`);
      }
      if (v.action === 'add' && v.expires === undefined && v.certified === undefined) {
        const code = v.code ?? 'CMA';
        fail('missing-date', `Give the expiry or the certification date: \`credential add ${code} expires 2027-02-28\` or \`credential add ${code} certified 2025-05-01\`.`);
      }
      if (v.action === 'add' && v.expires !== undefined && v.certified !== undefined) {
        fail('missing-date', 'Give either `expires <date>` (the date on your card) or `certified <date>` (when you certified or last renewed), not both.');
      }
      if (v.expires && v.expires > format(addYears(parseISO(ctx.today), MAX_YEARS_AHEAD), 'yyyy-MM-dd')) {
        fail('expiry-too-far', `${v.expires} is more than ${MAX_YEARS_AHEAD} years away; check the year.`);
      }
      // RULES.md: a CMA runs to the end of a calendar month, so another day is a misread card.
      if (v.action === 'add' && v.code === 'CMA' && v.expires && v.expires !== format(endOfMonth(parseISO(v.expires)), 'yyyy-MM-dd')) {
        const monthEnd = format(endOfMonth(parseISO(v.expires)), 'yyyy-MM-dd');
        fail('cma-expiry-month-end', `A CMA expires on the last day of a month (certified Feb 2022 → 2027-02-28), not on ${v.expires}. Did you mean \`credential add CMA expires ${monthEnd}\`?`);
      }
      // RULES.md: an AHA card is valid through the end of the month two years after issue, and
      // prints that month alone; a day within it is a misreading, or the issue date (refused, as
      // a CMA's, rather than moved to the month's end unseen).
      if (v.action === 'add' && v.code === 'BLS' && v.expires && v.expires !== format(endOfMonth(parseISO(v.expires)), 'yyyy-MM-dd')) {
        const monthEnd = format(endOfMonth(parseISO(v.expires)), 'yyyy-MM-dd');
        const issued = v.expires <= ctx.today
          ? `If ${v.expires} is the day your card was issued, use \`credential add BLS certified ${v.expires}\`.`
          : 'Or give the day your card was issued: `credential add BLS certified <issue date>`.';
        fail('card-expiry-month-end', `A CPR/BLS card is valid through the end of a month (issued 2024-03-10 → valid through 2026-03-31), not to ${v.expires}. Did you mean \`credential add BLS expires ${monthEnd}\`? ${issued}`);
      }
    });
}

export const credentialCommand = defineCommand({
  name: 'credential',
  aliases: ['credentials', 'cred'],
  mutates: true,
  summary: `Add, list, remove or renew the credentials you hold (${CREDENTIAL_CODES.join(', ')}).`,
  usage: USAGE,
  examples: ['credential add CMA expires 2027-02-28', 'credential add RMA certified 2024-05-01', 'credential add BLS certified 2025-06-20', 'credential list', 'credential remove NCMA', 'credential renew CMA', 'credential renew NCMA on 2026-12-10'],
  options: [
    { name: 'action', type: 'string', description: 'add, list, remove or renew', required: true, choices: ACTIONS },
    { name: 'code', type: 'string', description: 'Credential', choices: CREDENTIAL_CODES },
    { name: 'expires', type: 'date', description: 'Last day of the current cycle, as on your card' },
    { name: 'certified', type: 'date', description: 'When you certified or last renewed (for renew: the day you renewed)' },
  ],
  parseText(tokens) {
    const raw: RawOptions = {};
    const words = tokens.map((t) => t.text);
    const action = words.length === 0 ? 'list' : words.shift()!.toLowerCase();
    raw.action = ACTION_ALIASES[action] ?? action;
    // No action first: the whole line, for the reply to show it with one.
    if (!(ACTIONS as readonly string[]).includes(String(raw.action))) return { action: [action, ...words].join(' ') };
    if (words[0] && !DATE_KEYWORD.test(words[0])) raw.code = words.shift();
    const extra: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const keyword = words[i]!.toLowerCase();
      const dateWords: string[] = [];
      while (words[i + 1] && !DATE_KEYWORD.test(words[i + 1]!)) dateWords.push(words[++i]!);
      if (EXPIRES.test(keyword)) raw.expires = dateWords.join(' ');
      else if (/^(certified|renewed|issued)$/.test(keyword)) raw.certified = dateWords.join(' ');
      // `credential renew CMA on 2027-01-15`: the day of the renewal.
      else if (keyword === 'on' && raw.action === 'renew') raw.renewed = dateWords.join(' ');
      else extra.push(keyword, ...dateWords);
    }
    if (extra.length) raw.unexpected = extra.join(' ');
    return raw;
  },
  schema: credentialSchema,
  run(ctx, options) {
    if (options.action === 'list') return listCredentials(ctx);
    const code = options.code!;
    const nowAt = ctx.now.toISOString();
    if (options.action === 'remove') {
      if (!ctx.store.removeCredential(ctx.member, code, nowAt)) {
        return errorReply([problem('credential-not-held', `You do not hold ${code}. \`credential list\` shows yours.`)], USAGE);
      }
      return reply([{ kind: 'paragraph', text: `Removed ${code}. Your activities are kept and still count toward your other credentials.` }], 'success');
    }
    if (options.action === 'renew') return renewCredential(ctx, code, options.renewed ?? options.certified ?? ctx.today);
    const expiresOn = options.expires ?? expiryFromCertified(code, options.certified!);
    const held = ctx.store.listCredentials(ctx.member).find((c) => c.code === code);
    // The same expiry again keeps a certification date given before: it is still true.
    const certifiedOn = options.certified ?? (held?.expiresOn === expiresOn ? held.certifiedOn : null);
    if (held && held.expiresOn === expiresOn && held.certifiedOn === certifiedOn) {
      return reply([{ kind: 'paragraph', text: `You already track ${code} expiring ${expiresOn}: nothing changed.` }], 'info');
    }
    // `certified` is the day the member renewed (or certified): where the new date moves the expiry
    // on, that is the renewal's day, as `credential renew … on` gives it, not the day it was typed,
    // so CE done since counts toward the new cycle, not toward closing the old one's gap. A date
    // that starts a cycle overlapping the held one is a correction (src/core/rules/cycle.ts).
    ctx.store.putCredential(ctx.member, { code, expiresOn, certifiedOn }, nowAt, options.certified ? { on: options.certified } : undefined);
    const evaluation = loadStanding(ctx, { explain: false }).evaluations.find((e) => e.code === code)!;
    const said = held ? changeText(code, held, { code, expiresOn, certifiedOn }) : `Tracking ${evaluation.name}.`;
    return reply([{ kind: 'paragraph', text: said }, ...credentialBlocks(evaluation), ...cardCreditHint(ctx, code, certifiedOn)], 'success');
  },
});

/**
 * Tracking a BLS card reminds before it lapses; its 4 CMA clinical points come from logging it
 * (`log cpr`), as `log cpr` in turn suggests tracking it. Said only to a CMA holder who has not.
 */
function cardCreditHint(ctx: CommandContext, code: CredentialCode, certifiedOn: string | null): Block[] {
  if (code !== 'BLS' || !ctx.store.listCredentials(ctx.member).some((c) => c.code === 'CMA')) return [];
  const cards = ctx.store.listActivities(ctx.member).filter((a) => a.unit === 'card');
  if (certifiedOn ? cards.some((a) => a.completedOn === certifiedOn) : cards.length > 0) return [];
  return [{ kind: 'paragraph', text: `To count this card toward your CMA (4 clinical points), log it too: \`log cpr on ${certifiedOn ?? '<issue date>'}\`.` }];
}

/** "Changed CMA expiry from 2027-02-28 to 2031-02-28.": a second `add` replaces a cycle, so say so. */
function changeText(code: CredentialCode, before: StoredCredential, after: StoredCredential): string {
  const changes: string[] = [];
  if (before.expiresOn !== after.expiresOn) changes.push(`expiry from ${before.expiresOn} to ${after.expiresOn}`);
  if (after.certifiedOn !== null && before.certifiedOn !== after.certifiedOn) {
    changes.push(before.certifiedOn === null ? `certification date to ${after.certifiedOn}` : `certification date from ${before.certifiedOn} to ${after.certifiedOn}`);
  }
  return `Changed ${code} ${changes.join(' and ')}.`;
}

/**
 * "Already renewed", on `renewedOn` (today unless said): the next cycle starts the day after this
 * one ends, a CMA's from the end of the month it was renewed in (the new card may say otherwise).
 * The store keeps the day: credit done by then went to this renewal, credit after it to the next
 * cycle (after the expiry, the grace-period CE the lapsed cycle needed: evaluate.ts).
 */
function renewCredential(ctx: CommandContext, code: CredentialCode, renewedOn: string) {
  const { credentials, evaluations } = loadStanding(ctx, { explain: false });
  const held = credentials.find((c) => c.code === code);
  const evaluation = evaluations.find((e) => e.code === code);
  if (!held || !evaluation) return errorReply([problem('credential-not-held', `You do not hold ${code}. \`credential list\` shows yours.`)], USAGE);
  if (code === 'BLS') {
    return errorReply([problem('renew-card', 'A BLS card renews when you log the new card: `log cpr on <issue date>`.')], 'log cpr on <date>');
  }
  const end = evaluation.cycle.end;
  // The route as it stood on the day of the renewal: one made in the grace period is one, typed later or not.
  if (evaluation.state === 'exam-required' && renewedOn > ceDeadlineOn(evaluation)) {
    const closedOn = ceDeadlineOn(evaluation);
    const closed = renewedOn === ctx.today ? ` after ${closedOn}` : ` after ${closedOn}, before ${renewedOn}`;
    // A renewal made in time is recorded by its day, while the cycle it starts still runs (not so
    // past NCCT's five years: its next year is long over, and the day of the last renewal says it).
    const inTime = renewedOn !== ctx.today ? ''
      : renewTakes(evaluation, closedOn, ctx.today) ? ` If you renewed by ${closedOn}, give that day: \`credential renew ${code} on <date>\`.`
      : ` If you renewed by ${closedOn}, give the day you last renewed: \`credential add ${code} certified <date>\`.`;
    return errorReply([problem('renew-after-exam', `The CE route for ${code} closed${closed}, so the new cycle starts from your exam: \`credential add ${code} certified <exam date>\`.${inTime}`)], USAGE);
  }
  if (differenceInCalendarDays(parseISO(end), parseISO(renewedOn)) > RENEW_WINDOW_DAYS) {
    const opens = format(addDays(parseISO(end), -RENEW_WINDOW_DAYS), 'yyyy-MM-dd');
    const when = renewedOn === ctx.today ? '' : ` ${renewedOn} is earlier than that; give the day you renewed, from ${opens} on: \`credential renew ${code} on <date>\`.`;
    return errorReply([problem('renew-too-early', `Your ${code} cycle runs until ${end}; renewing moves it on only in its last ${RENEW_WINDOW_DAYS} days.${when} If your card shows a new date, use \`credential add ${code} expires <date>\`.`)], USAGE);
  }
  const expiresOn = nextCycleExpiry(code, end, renewedOn);
  // Long lapsed: the cycle after the old one is over too, so "renewed" would track a dead cycle.
  if (expiresOn < ctx.today) {
    return errorReply([problem('renew-too-late', `Your ${code} cycle ended on ${end}; a renewal starts the next cycle from there, and it ended on ${expiresOn} too. If you recertified or were reinstated, give that day: \`credential add ${code} certified <date>\`.`)], USAGE);
  }
  ctx.store.putCredential(ctx.member, { code, expiresOn, certifiedOn: null }, ctx.now.toISOString(), { on: renewedOn });
  const renewed = loadStanding(ctx, { explain: false }).evaluations.find((e) => e.code === code)!;
  // Believed (a renewal by exam, or credit not logged here), but said: a slip would end the reminders.
  const short = evaluation.remaining > 0
    ? ` The old cycle still showed ${gapSummary(evaluation)} to go here; if you have not renewed after all, \`credential add ${code} expires ${end}\` puts it back.`
    : '';
  return reply([
    { kind: 'paragraph', text: `Renewed ${code}${renewedOn === ctx.today ? '' : ` on ${renewedOn}`}: the new cycle runs ${renewed.cycle.start} to ${renewed.cycle.end}, and reminders about the old one stop.${short} If your new card prints another date, \`credential add ${code} expires <date>\` corrects it.` },
    ...credentialBlocks(renewed),
  ], 'success');
}

function listCredentials(ctx: CommandContext) {
  const { evaluations } = loadStanding(ctx, { explain: false });
  if (evaluations.length === 0) return reply([{ kind: 'paragraph', text: 'You hold no credentials yet. Add one: `credential add CMA expires 2027-02-28`.' }]);
  const blocks: Block[] = [{ kind: 'heading', text: 'Your credentials' }, { kind: 'list', items: evaluations.map(listLine) }];
  return reply(blocks);
}

/**
 * "CMA (AAMA): cycle 2022-03-01 to 2027-02-28, in progress, 95 days left": the state in the words
 * `status` uses (the JSON codes are for integrations), and the days as `status` and `team` count them.
 */
function listLine(e: Evaluation): string {
  const head = `${e.code} (${e.body}): cycle ${e.cycle.start} to ${e.cycle.end}, ${STATE_LABELS[e.state]}`;
  if (!isLapsed(e)) return `${head}, ${e.daysLeft === 0 ? 'ends today' : daysPhrase(e.daysLeft)}`;
  // `daysLeft` counts to the CE deadline, so how long ago it lapsed comes from the expiry.
  if (e.state === 'grace') return `${head}: CE accepted until ${ceDeadlineOn(e)} (${daysPhrase(e.daysLeft)})`;
  return `${head} (ended ${daysPhrase(-daysSinceExpiry(e))})`;
}

/**
 * "next month", "in 3 months": a guess at the date on a card, which then dates every reminder.
 * An expiry is printed on the card, so it is asked for as printed (a month and year will do).
 */
const RELATIVE_EXPIRY = /\b(next|this|coming|in|within)\b|\b(days?|weeks?|months?|years?)\b/i;

function expiryField(ctx: SchemaContext) {
  return z.string().superRefine((text, zctx) => {
    if (RELATIVE_EXPIRY.test(text) && !/\d{4}/.test(text)) {
      zctx.addIssue({ code: 'custom', message: `“${text}” is not the date on your card; type it as printed, e.g. \`credential add CMA expires 2027-02-28\` (or \`Feb 2027\`).`, params: { code: 'relative-expiry' }, continue: false });
    }
  }).pipe(dateField(ctx, 'any', 'expires', 'end'));
}
