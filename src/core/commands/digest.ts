import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions } from '../command.js';
import { localTime } from '../nudges/local-time.js';
import { channelRefusal, digestConfirmation, digestReply } from '../nudges/plan-digest.js';
import type { DigestPost, DigestSchedule } from '../ports.js';
import { reply, type Block } from '../reply.js';
import { editDistance } from '../text/edit-distance.js';
import { channelMention, readChannelRef } from '../text/read-channel-ref.js';
import { meantClockTime } from '../text/read-clock-time.js';

const USAGE = 'digest channel <#channel> [weekly <day> <HH:MM>] | digest off | digest preview | digest';
const ACTIONS = ['show', 'channel', 'off', 'preview'] as const;
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
/** Words a person puts around the day and time: "every monday at 09:00", "weekly on friday". */
const FILLERS = new Set(['weekly', 'every', 'on', 'at']);
/** "9 am" arrives as two words: the second belongs to the time. */
const MERIDIEM = /^[ap]\.?m\.?$/i;
/** A person, not a channel: a platform mention (`<@U123>`) or a name with `@`. */
const PERSON = /^(<@|@)/;

function dayNumber(word: string): number | undefined {
  let lower = word.toLowerCase();
  // "mondays", as in "every Monday".
  if (lower.endsWith('s') && (DAYS as readonly string[]).includes(lower.slice(0, -1))) lower = lower.slice(0, -1);
  if (lower.length < 3) return undefined;
  const index = DAYS.findIndex((day) => day.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** The day a slip of the fingers or a short form most likely meant ("wendesday", "thurday", "tu"). */
function nearestDay(word: string): string | undefined {
  const lower = word.toLowerCase();
  const starting = DAYS.filter((day) => day.startsWith(lower));
  if (lower.length >= 2 && starting.length === 1) return starting[0];
  // A short word is one slip from many things ("now" is two from "mon"): allow one slip there.
  const allowed = lower.length <= 4 ? 1 : 2;
  const near = DAYS.filter((day) => Math.min(editDistance(lower, day), editDistance(lower, day.slice(0, 3))) <= allowed);
  const best = Math.min(...near.map((day) => editDistance(lower, day)));
  const closest = near.filter((day) => editDistance(lower, day) === best);
  return closest.length === 1 ? closest[0] : undefined;
}

function timeProblem(word: string): string {
  const meant = meantClockTime(word);
  if (meant) return `Times are on the 24-hour clock: for “${word}” say \`${meant}\`.`;
  if (/^\d{1,2}:\d{2}$/.test(word)) return `“${word}” is not a time of day: times run from 00:00 to 23:59, e.g. \`09:00\` or \`16:30\`.`;
  return `Times look like 09:00 or 16:30 (24-hour clock); “${word}” is not that.`;
}

export const digestCommand = defineCommand({
  name: 'digest',
  adminOnly: true,
  mutates: true,
  summary: 'Admins: a weekly post in a channel naming who expires within 90 days or is behind pace.',
  usage: USAGE,
  examples: ['digest channel #team weekly monday 09:00', 'digest channel #front-desk', 'digest preview', 'digest off'],
  options: [
    { name: 'action', type: 'string', description: 'channel, off, preview or show', required: true, choices: ACTIONS },
    { name: 'channel', type: 'channel', description: 'Where to post the weekly digest' },
    { name: 'day', type: 'string', description: 'Day of the week (default Monday)', choices: DAYS },
    { name: 'time', type: 'string', description: 'Time HH:MM, 24-hour, in your time zone (default 09:00)' },
  ],
  parseText(tokens) {
    const words = tokens.map((t) => t.text);
    const raw: RawOptions = { action: (words.shift() ?? 'show').toLowerCase() };
    if (raw.action !== 'channel') {
      if (words.length) raw.unexpected = words.join(' ');
      return raw;
    }
    if (words[0]) raw.channel = words.shift();
    // Day and time in either order, with the words a person puts around them.
    const rest: string[] = [];
    for (const word of words) {
      const slot = /^\d/.test(word) ? 'time' : 'day';
      if (FILLERS.has(word.toLowerCase())) continue;
      if (MERIDIEM.test(word) && typeof raw.time === 'string') raw.time = `${raw.time}${word}`;
      else if (raw[slot] === undefined) raw[slot] = word;
      else rest.push(word);
    }
    if (rest.length) raw.unexpected = rest.join(' ');
    return raw;
  },
  schema: (ctx) =>
    z
      .object({
        action: z.enum(ACTIONS, { error: 'Say channel, off or preview, e.g. `digest channel #team weekly monday 09:00`.' }),
        channel: z
          .string()
          .transform((word, zctx) => {
            const id = readChannelRef(word, ctx.platform);
            const message = PERSON.test(word.trim())
              ? `“${word}” is a person, not a channel: the digest is posted where the team reads it. Name a channel, e.g. \`digest channel #team\`; to see the post yourself, \`digest preview\`.`
              : /^#[\w-]+$/.test(word.trim()) && ctx.platform !== 'console'
                // Typed, not picked: the platform sends a picked channel as a link, a typed name as plain text.
                ? `“${word}” came as plain text, not as a link to a channel: type # and pick the channel from the list ${ctx.platform === 'slack' ? 'Slack' : 'Discord'} offers, then send \`digest channel\` with it.`
                : `“${word}” is not a channel; mention it, e.g. \`digest channel #team\`.`;
            if (!id) zctx.addIssue({ code: 'custom', message, params: { code: 'invalid-channel' } });
            return id ?? z.NEVER;
          })
          .optional(),
        day: z
          .string()
          .transform((word, zctx) => {
            const day = dayNumber(word);
            const meant = day ? undefined : nearestDay(word);
            const message = meant ? `“${word}” is not a day of the week; did you mean \`${meant}\`?` : `“${word}” is not a day of the week; say e.g. \`monday\` or \`mon\`.`;
            if (!day) zctx.addIssue({ code: 'custom', message, params: { code: 'invalid-day' } });
            return day ?? z.NEVER;
          })
          .optional(),
        time: z
          .string()
          .transform((word, zctx) => {
            const match = TIME.exec(word);
            if (!match) zctx.addIssue({ code: 'custom', message: timeProblem(word), params: { code: 'invalid-time' } });
            return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : z.NEVER;
          })
          .optional(),
        unexpected: z
          .string()
          .transform((words, zctx) => {
            const message = `“${words}” is more than \`digest\` takes: after the channel only \`weekly <day> <HH:MM>\` (e.g. \`digest channel #team weekly monday 09:00\`); \`digest off\`, \`digest preview\` and \`digest\` take nothing more.`;
            zctx.addIssue({ code: 'custom', message, params: { code: 'unexpected-words' } });
            return z.NEVER;
          })
          .optional(),
      })
      .superRefine((v, zctx) => {
        if (v.action === 'channel' && v.channel === undefined) zctx.addIssue({ code: 'custom', message: 'Say which channel, e.g. `digest channel #team`.', params: { code: 'missing-channel' } });
        if (v.action !== 'channel' && (v.channel !== undefined || v.day !== undefined || v.time !== undefined)) {
          zctx.addIssue({ code: 'custom', message: `\`digest ${v.action === 'show' ? '' : v.action}\` takes nothing more; to set the channel and time, \`digest channel #team weekly monday 09:00\`.`, params: { code: 'unexpected-words' } });
        }
      }),
  run(ctx, options) {
    const nowAt = ctx.now.toISOString();
    switch (options.action) {
      case 'off':
        ctx.store.setDigest(ctx.member, null, nowAt);
        return reply([{ kind: 'paragraph', text: 'The weekly digest is off. Members still get their own reminders.' }], 'success');
      case 'preview':
        return previewReply(ctx);
      case 'show':
        // The reply says how the last post went: a failure kept for this admin is told here.
        ctx.store.takeChannelFailures(ctx.member, nowAt);
        return scheduleReply(ctx, ctx.store.getWorkspaceSettings(ctx.member.workspaceId).digest);
      case 'channel': {
        // A new channel alone keeps the schedule already set; a new day or time is in the admin's zone.
        const current = ctx.store.getWorkspaceSettings(ctx.member.workspaceId).digest;
        const retimed = options.day !== undefined || options.time !== undefined || !current;
        const digest: DigestSchedule = {
          channelId: options.channel!,
          weekday: options.day ?? current?.weekday ?? 1,
          time: options.time ?? current?.time ?? '09:00',
          tz: retimed ? ctx.tz : current.tz,
        };
        const changed = !current || current.channelId !== digest.channelId || current.weekday !== digest.weekday || current.time !== digest.time || current.tz !== digest.tz;
        const lastFailed = ctx.store.lastDigestPost(ctx.member.workspaceId)?.status === 'failed';
        ctx.store.setDigest(ctx.member, digest, nowAt);
        // A confirmation goes there at once, so a channel the bot cannot post in shows up now, not
        // at the first digest; set again unchanged, only to check a channel fixed since it failed.
        const checkChannel = changed || lastFailed;
        ctx.store.announceDigest(digestConfirmation(ctx.actor.platform, ctx.member.workspaceId, digest), nowAt, checkChannel);
        // What was kept about failed posts is answered by this new try.
        ctx.store.takeChannelFailures(ctx.member, nowAt);
        return scheduleReply(ctx, digest, { checkChannel });
      }
    }
  },
});

function describeSchedule(ctx: CommandContext, digest: DigestSchedule): string {
  const day = DAYS[digest.weekday - 1]!;
  return `every ${day[0]!.toUpperCase()}${day.slice(1)} at ${digest.time} (${digest.tz}) in ${channelMention(ctx.actor.platform, digest.channelId)}`;
}

/** `saved`: the digest was just set; `checkChannel`, whether a note goes to the channel to check it. */
function scheduleReply(ctx: CommandContext, digest: DigestSchedule | null, saved?: { checkChannel: boolean }) {
  if (!digest) return reply([{ kind: 'paragraph', text: 'No weekly digest is set. Start one: `digest channel #team weekly monday 09:00`.' }]);
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${saved ? 'Weekly digest set' : 'Weekly digest'}: ${describeSchedule(ctx, digest)}. It names members whose credentials expire within 90 days or who are behind pace, and counts everyone on track; nothing more.` },
    { kind: 'paragraph', text: 'Members who would rather be counted than named: `settings named off`. See it now: `digest preview`.' },
  ];
  const last = saved ? undefined : ctx.store.lastDigestPost(ctx.member.workspaceId);
  if (last) blocks.push({ kind: 'paragraph', text: lastPostLine(ctx, last) });
  if (ctx.actor.platform === 'slack' && saved) blocks.push({ kind: 'paragraph', text: 'A private channel needs me invited first (`/invite @ceu-bot`).' });
  // The same digest set again posts nothing (the channel already has its note): saying a note is
  // coming would send the admin to look for one.
  if (saved?.checkChannel) blocks.push({ kind: 'paragraph', text: 'I will post a short note there within minutes; if I cannot, I will tell you on your next command.' });
  else if (saved) blocks.push({ kind: 'paragraph', text: 'It was already set this way, so no new note goes to the channel.' });
  return reply(blocks, saved ? 'success' : 'info');
}

/**
 * How the newest post (a weekly one, or the note confirming the digest) went: an admin learns here
 * that the bot could not post in the channel, and why, until a post goes through.
 */
function lastPostLine(ctx: CommandContext, last: DigestPost): string {
  const on = `${last.plannedAt.slice(0, 10)}${last.confirmation ? ' (the note confirming the digest)' : ''}`;
  switch (last.status) {
    case 'sent':
      return `Last post: ${on}, delivered.`;
    case 'failed': {
      const error = last.error ?? 'refused';
      if (!last.channelRefused) return `Last post: ${on}, not delivered: ${platformName(ctx)} failed on every try (${error}), which is not the channel's doing. The next one goes out as scheduled.`;
      return `Last post: ${on}, could not be delivered (${error}). To fix it, ${channelRefusal(ctx.actor.platform, error).fix}.`;
    }
    default:
      return last.confirmation ? 'A short note confirming the digest is on its way to the channel.' : `Last post: ${on}, still being delivered.`;
  }
}

const platformName = (ctx: CommandContext): string => ({ slack: 'Slack', discord: 'Discord', console: 'the console' })[ctx.actor.platform];

function previewReply(ctx: CommandContext) {
  const digest = ctx.store.getWorkspaceSettings(ctx.member.workspaceId).digest;
  const tz = digest?.tz ?? ctx.tz;
  const today = localTime(ctx.now, tz).date;
  const post = digestReply(ctx.actor.platform, ctx.store.loadTeam(ctx.member.workspaceId), today, ctx.overrides);
  const where = digest ? `It goes out ${describeSchedule(ctx, digest)}.` : 'No channel is set yet: `digest channel #team`.';
  return reply([{ kind: 'paragraph', text: `Preview (only you see this). ${where}` }, ...post.blocks]);
}
