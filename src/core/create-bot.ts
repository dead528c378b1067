/**
 * The one entry to the core. `handle` never rejects for bad input: every problem comes back as
 * an error Reply with the usage line. Unexpected failures throw, for the adapter to catch once.
 */
import type { CommandContext, CommandDeclaration, OptionDeclaration, RawOptions } from './command.js';
import { completeOption, type Choice } from './complete-option.js';
import { COMMANDS } from './commands/index.js';
import { findCommand, suggestCommand } from './find-command.js';
import { localDate } from './nudges/local-time.js';
import { channelFailureText } from './nudges/plan-digest.js';
import type { Clock, Logger, Member, Store } from './ports.js';
import { errorReply, problem, reply, type Block, type Reply } from './reply.js';
import { toCredentialCode } from './text/aliases.js';
import { courtesyAlone } from './text/courtesy-alone.js';
import { credentialDatesQuestion, credentialsAskedAbout } from './text/credential-dates-question.js';
import { lineToType, rewordCommandLine } from './text/reword-command-line.js';
import { rulesQuestionAnswer } from './text/rules-question.js';
import { tokenize } from './text/tokenize.js';
import { duesSentence, understandPlainLanguage } from './text/understand-plain-language.js';
import type { Actor, CommandInput, CommandRequest } from './types.js';
import { zodProblems } from './zod-problems.js';

const MAX_UNDELIVERED_SHOWN = 3;

export interface BotDeps {
  store: Store;
  clock: Clock;
  logger?: Logger;
  /** Zone for members who have not set one (and whose platform gave none). */
  defaultTz?: string;
}

export interface Bot {
  handle(request: CommandRequest): Promise<Reply>;
  /** Suggestions for an option being typed (autocomplete); never writes. */
  complete(actor: Actor, kind: NonNullable<OptionDeclaration['autocomplete']>, typed: string): Promise<Choice[]>;
  /**
   * Today's date where the actor is, as a `log` without a date would read it: their own
   * `settings tz` first, then the platform's zone. For a form's default date; never writes.
   */
  today(actor: Actor): string;
  readonly commands: readonly CommandDeclaration[];
}

/** A command to run, or the answer to give without one (an unknown word, a "thanks"). */
type Resolved = { command: CommandDeclaration; raw: RawOptions } | { answer: Reply };

export function createBot(deps: BotDeps): Bot {
  const commands = COMMANDS;
  const defaultTz = deps.defaultTz ?? 'UTC';
  const todayIn = createTodayMemo();
  const { logger } = deps;
  const zoneOf = (actor: Actor, known: Member | undefined): string => known?.tz ?? actor.timeZone ?? known?.platformTz ?? defaultTz;

  async function handle(request: CommandRequest): Promise<Reply> {
    if (request.attachment && request.input.kind === 'text' && request.input.text.trim() === '') return fileWithoutWords(request.attachment.name);
    const resolved = resolveInput(commands, request.input);
    if ('answer' in resolved) return resolved.answer;
    const { command } = resolved;
    const raw = request.attachment ? withAttachment(command, resolved.raw, request.attachment) : resolved.raw;
    const { actor } = request;
    // Nothing is written until the request is valid: a refused command leaves no trace, not even a member row.
    const known = deps.store.findMember(actor);
    const isAdmin = actor.isAdmin || Boolean(known?.namedAdmin);
    if (command.adminOnly && !isAdmin) {
      // A Discord DM is the member's own space (`dm:<id>`): a server's admins manage it from the server.
      const where = actor.platform === 'discord' && actor.tenantId.startsWith('dm:')
        ? ` A DM belongs to no server: in your server, use \`/ceu-admin ${command.name}\`.`
        : '';
      return errorReply([problem('admin-only', `\`${command.name}\` is for admins of this workspace.${where}`)]);
    }
    const now = deps.clock.now();
    const tz = zoneOf(actor, known);
    const today = todayIn(now, tz);
    const parsed = command.schema({ today, platform: actor.platform }).safeParse(raw);
    if (!parsed.success) return errorReply(zodProblems(parsed.error), command.usage, `\`help ${command.name}\` shows examples.`);
    const unchanged = known && (actor.displayName === undefined || actor.displayName === known.displayName) && (actor.timeZone === undefined || actor.timeZone === known.platformTz);
    const contextFor = (question = false): CommandContext => {
      const member = unchanged ? known : question && known ? refreshedOrKnown(known) : deps.store.ensureMember(actor, actor.displayName, actor.timeZone);
      const ctx: CommandContext = { actor, member, isAdmin, store: deps.store, now, tz, today, commands, overrides: deps.store.getRuleOverrides(member.workspaceId) };
      if (logger) ctx.logger = logger;
      return ctx;
    };
    if (!command.mutates) {
      // A repeated question simply gets its answer again: no claim, no transaction.
      const ctx = contextFor(true);
      return finish(ctx, command.run(ctx, parsed.data));
    }
    // A change runs in one transaction with its request claim and a newcomer's member row: a
    // refusal or a failure leaves nothing behind, so the platform's retry (or the corrected form
    // under the same id) runs, and a refused newcomer is not a member.
    const key = request.idempotencyKey;
    let done: { ctx: CommandContext; answer: Reply } | { repeatOf: number | undefined };
    try {
      done = deps.store.atomically(() => {
        const ctx = contextFor();
        const { workspaceId } = ctx.member;
        if (key && !deps.store.claimRequest(workspaceId, key, now.toISOString())) return { repeatOf: deps.store.requestLogged(workspaceId, key) };
        const answer = command.run(ctx, parsed.data);
        if (answer.tone === 'error') throw new Refusal(ctx, answer);
        if (key && answer.logged !== undefined) deps.store.noteRequestLogged(workspaceId, key, answer.logged);
        return { ctx, answer };
      });
    } catch (error) {
      if (error instanceof Refusal) return finish(error.ctx, error.answer);
      throw error;
    }
    if ('repeatOf' in done) {
      const repeat = reply([{ kind: 'paragraph', text: 'Already done: that request arrived twice, so it ran once.' }]);
      return { ...repeat, duplicate: true, ...(done.repeatOf !== undefined ? { logged: done.repeatOf } : {}) };
    }
    return finish(done.ctx, done.answer);

    /**
     * A question from a known member whose name or platform zone changed: the change is saved if
     * the file takes a write now; if not (another process holds the lock), the answer does not wait
     * on it, and the next request saves it.
     */
    function refreshedOrKnown(member: Member): Member {
      try {
        return deps.store.ensureMember(actor, actor.displayName, actor.timeZone);
      } catch (error) {
        logger?.warn({ err: error instanceof Error ? error.message : String(error), memberId: member.memberId }, 'could not save a changed display name or time zone; answering without it');
        return member;
      }
    }

    function finish(ctx: CommandContext, answer: Reply): Reply {
      // Only when written: this runs on every request.
      if (logger && logger.isLevelEnabled?.('debug') !== false) logger.debug({ command: command.name, platform: actor.platform, tone: answer.tone }, 'handled');
      // Notes are marked seen as they are attached, so only to a reply sure to reach the member.
      // Only an admin can have set the digest, so only an admin's requests look for its notes.
      return (ctx.member.unreachableSince || ctx.isAdmin) && !request.privateReplyMayFail ? withUndelivered(answer, ctx) : answer;
    }
  }

  return {
    handle,
    commands,
    complete: async (actor, kind, typed) => completeOption(deps.store, actor, kind, typed),
    today: (actor) => todayIn(deps.clock.now(), zoneOf(actor, deps.store.findMember(actor))),
  };
}

/** Zones a bot remembers today's date for; past it the memo starts afresh (zones are few). */
const MAX_ZONES = 1000;

/**
 * Today's date in a zone, remembered for the UTC minute it was worked out in: since 1972 every
 * zone's offset is a whole number of minutes, so the local date changes only on a minute. Intl
 * costs about 5 µs a call, and ten times that on a request arriving to a cold CPU cache.
 */
function createTodayMemo(): (now: Date, tz: string) => string {
  const byZone = new Map<string, { minute: number; date: string }>();
  return (now, tz) => {
    const minute = Math.floor(now.getTime() / 60_000);
    const known = byZone.get(tz);
    if (known?.minute === minute) return known.date;
    const date = localDate(now, tz);
    if (byZone.size >= MAX_ZONES) byZone.clear();
    byZone.set(tz, { minute, date });
    return date;
  };
}

/** A refused change, carried out of its transaction so that everything it wrote is undone. */
class Refusal extends Error {
  constructor(readonly ctx: CommandContext, readonly answer: Reply) {
    super('refused');
  }
}

/**
 * Reminders a closed DM kept from the member are shown privately on their next (successful,
 * non-JSON) request, and so are the channel posts the bot was not allowed to make, to the admin
 * who set the digest there. The answer stands without them if marking them seen fails: the
 * request's change is saved by then, and a failure here would tell the member it was not.
 */
function withUndelivered(answer: Reply, ctx: CommandContext): Reply {
  if (answer.tone === 'error' || answer.visibility !== 'private' || answer.blocks.some((b) => b.kind === 'json')) return answer;
  let notes: ReturnType<CommandContext['store']['takeUndelivered']> = [];
  let refused: ReturnType<CommandContext['store']['takeChannelFailures']> = [];
  try {
    if (ctx.member.unreachableSince) notes = ctx.store.takeUndelivered(ctx.member, ctx.now.toISOString());
    if (ctx.isAdmin) refused = ctx.store.takeChannelFailures(ctx.member, ctx.now.toISOString());
  } catch (error) {
    ctx.logger?.warn({ err: error instanceof Error ? error.message : String(error), memberId: ctx.member.memberId }, 'could not show undelivered reminders; kept for the next request');
    if (notes.length === 0) return answer;
  }
  const blocks = [...answer.blocks, ...missedReminders(notes, ctx)];
  if (refused.length > 0) blocks.push({ kind: 'paragraph', text: channelFailureText(ctx.actor.platform, refused) });
  return blocks.length === answer.blocks.length ? answer : { ...answer, blocks };
}

function missedReminders(notes: ReturnType<CommandContext['store']['takeUndelivered']>, ctx: CommandContext): Block[] {
  if (notes.length === 0) return [];
  const advice = ctx.actor.platform === 'discord'
    ? 'To get them by DM, allow direct messages from this server (Server menu → Privacy Settings).'
    : 'Check that direct messages from ceu-bot are not blocked.';
  const shown = notes.slice(-MAX_UNDELIVERED_SHOWN);
  return [
    { kind: 'paragraph', text: `I could not reach you by DM, so here ${notes.length === 1 ? 'is the reminder' : `are the ${shown.length === notes.length ? '' : `latest ${shown.length} of ${notes.length} `}reminders`} I tried to send. ${advice}` },
    ...shown.flatMap((note) => note.reply.blocks),
  ];
}

function resolveInput(commands: readonly CommandDeclaration[], input: CommandInput): Resolved {
  if (input.kind === 'structured') {
    const command = findCommand(commands, input.command);
    if (!command) return { answer: unknownCommand(commands, input.command) };
    const options = input.options as unknown;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      return { answer: errorReply([problem('invalid-options', 'The options could not be read; try again or type the command.')], command.usage) };
    }
    return { command, raw: options as RawOptions };
  }
  const typed = input.text.trim().replace(/^\/?ceu\b\s*/i, '');
  const text = rewordCommandLine(typed);
  if (text === '') return { command: findCommand(commands, 'help')!, raw: {} };
  const tokens = tokenize(text);
  const command = findCommand(commands, tokens[0]!.text);
  if (command) return { command, raw: command.parseText(tokens.slice(1)) };
  // A statement that may be a log or a credential: offered, not run (it may be a remark about one),
  // before plain sentences, whose "I got …" clause would otherwise run it.
  const offered = lineToType(typed);
  if (offered) return { answer: offerLine(offered) };
  // "does my BLS count for CMA?", "does a college course count?": answered from the rule packs, before
  // a sentence could log the card or the course. Only a line that asks: "I did 2h clinical" logs below.
  const rules = rulesQuestionAnswer(text);
  if (rules) return { answer: rules };
  const meant = understandPlainLanguage(text);
  // "when does my CCMA expire?": that credential's dates, not the standing of every one held.
  const asked = meant === 'status' ? credentialsAskedAbout(text) : undefined;
  if (asked) return { command: credentialDatesQuestion, raw: { codes: asked } };
  if (meant) {
    const meantTokens = tokenize(meant);
    const meantCommand = findCommand(commands, meantTokens[0]!.text)!;
    return { command: meantCommand, raw: meantCommand.parseText(meantTokens.slice(1)) };
  }
  // After every log line and question: "my employer paid the course fee" is still a log.
  const dues = duesSentence(text);
  if (dues !== undefined) return { answer: duesAnswer(dues) };
  // Last, so that no command or plain question is read as courtesy.
  const courtesy = courtesyAlone(typed);
  if (courtesy) return { answer: courtesyAnswer(courtesy) };
  const code = tokens.length === 1 ? toCredentialCode(tokens[0]!.text) : undefined;
  if (code) return { answer: credentialAlone(code) };
  return { answer: unknownCommand(commands, tokens[0]!.text, tokens.length) };
}

/** A file sent with a typed command goes to the command's attachment option (log's certificate), if it has one and none was given. */
function withAttachment(command: CommandDeclaration, raw: RawOptions, attachment: { url: string; name: string }): RawOptions {
  const option = command.options.find((o) => o.type === 'attachment');
  return option && raw[option.name] === undefined ? { ...raw, [option.name]: attachment } : raw;
}

/** A file alone: the words that say what it is are missing, and the file is not kept without them. */
function fileWithoutWords(name: string): Reply {
  return reply(
    [{ kind: 'paragraph', text: `I got ${name}, but no words with it, so I kept nothing. To keep it with an activity, send it again with the log in the same message, e.g. \`log 2h clinical "Phlebotomy basics" from Relias\`.` }],
    'warning',
  );
}

const MAX_OFFERED_LINE = 70;

/** The line a statement stands for, with a button that runs it: nothing is saved until the member says so. */
function offerLine(line: string): Reply {
  const log = line.startsWith('log ');
  // A button carries its line whole or not at all: Discord ids hold 100 characters, server id included.
  const complete = !line.includes('<') && line.length <= MAX_OFFERED_LINE;
  const blocks: Block[] = [{ kind: 'paragraph', text: `I saved nothing yet. ${log ? 'To log it' : 'To track it'}, type \`${line}\`${complete ? ' (or press the button)' : ''}.` }];
  if (complete) blocks.push({ kind: 'actions', buttons: [{ actionId: 'offered', label: log ? 'Log it' : 'Track it', command: line, style: 'primary' }] });
  return reply(blocks);
}

/** Dues or a membership fee paid: nothing to record, and how a renewal is recorded instead. */
function duesAnswer(code: string): Reply {
  const line = `credential renew ${code || '<code>'}`;
  return reply([{
    kind: 'paragraph',
    text: `I don't track dues or membership fees, so I changed nothing. Paying them does not renew ${code ? `your ${code}` : 'a credential'}: when it is recertified, type \`${line}\` (add \`on <date>\` for another day).`,
  }], 'warning');
}

/** "thanks", "ok", 👍 alone: a short kind word, and where to look next; nothing runs. */
function courtesyAnswer(courtesy: 'thanks' | 'acknowledgement'): Reply {
  const opening = courtesy === 'thanks' ? "You're welcome." : 'Glad to help.';
  return reply([{ kind: 'paragraph', text: `${opening} \`help\` lists what I can do.` }]);
}

/** "CMA" alone: a credential, not a command; where to see it and how to track it. */
function credentialAlone(code: string): Reply {
  return errorReply(
    [problem('unknown-command', `${code} is a credential, not a command. \`status\` shows the ones you track; to track ${code}, type \`credential add ${code} expires <date>\` (the date on your card).`)],
    undefined,
  );
}

/** Words that open a sentence, not a command line: "my boss says I need more", "what if I'm late?". */
const OPENS_A_SENTENCE = /^(?:i|i'm|i've|im|my|me|we|our|you|it|is|are|am|was|can|could|would|should|will|do|does|did|what|what's|whats|how|when|why|where|who|which|if|the|a|an|please|so|and|but|hi|hello|hey)$/i;

function unknownCommand(commands: readonly CommandDeclaration[], word: string, words = 1): Reply {
  const suggestion = suggestCommand(commands, word);
  // A sentence read word by word gave "I don't know the command “my”": say what can be asked instead.
  if (!suggestion && (words >= 3 || OPENS_A_SENTENCE.test(word.replace(/[’‘]/g, "'")))) {
    return errorReply(
      [problem('unknown-command', "I didn't understand that.")],
      undefined,
      'Ask, for example, "how am I doing?", "what do I still need?" or "when does my CMA expire?", or tell me what you did: "I did 2 hours of clinical training yesterday". `help` lists every command.',
    );
  }
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  return errorReply(
    [problem('unknown-command', `I don't know the command “${word}”.${hint}`)],
    'help',
    'Type `help` for every command, or ask in plain words, e.g. "what do I still need?".',
  );
}
