import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions } from '../command.js';
import { localTime } from '../nudges/local-time.js';
import { digestReply } from '../nudges/plan-digest.js';
import type { DigestPost, DigestSchedule } from '../ports.js';
import { reply, type Block } from '../reply.js';
import { channelMention, readChannelRef } from '../text/read-channel-ref.js';

const USAGE = 'digest channel <#channel> [weekly <day> <HH:MM>] | digest off | digest preview | digest';
const ACTIONS = ['show', 'channel', 'off', 'preview'] as const;
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function dayNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = DAYS.findIndex((day) => day.startsWith(lower));
  return index < 0 ? undefined : index + 1;
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
    if (raw.action === 'channel' && words[0]) raw.channel = words.shift();
    if (words[0]?.toLowerCase() === 'weekly') words.shift();
    if (words[0] && !TIME.test(words[0])) raw.day = words.shift();
    if (words[0]) raw.time = words.shift();
    if (words.length) raw.unexpected = words.join(' ');
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
            if (!id) zctx.addIssue({ code: 'custom', message: `“${word}” is not a channel; mention it, e.g. \`digest channel #team\`.`, params: { code: 'invalid-channel' } });
            return id ?? z.NEVER;
          })
          .optional(),
        day: z
          .string()
          .transform((word, zctx) => {
            const day = dayNumber(word);
            if (!day) zctx.addIssue({ code: 'custom', message: `“${word}” is not a day of the week; say e.g. \`monday\`.`, params: { code: 'invalid-day' } });
            return day ?? z.NEVER;
          })
          .optional(),
        time: z
          .string()
          .transform((word, zctx) => {
            const match = TIME.exec(word);
            if (!match) zctx.addIssue({ code: 'custom', message: `Times look like 09:00 or 16:30 (24-hour clock); “${word}” is not that.`, params: { code: 'invalid-time' } });
            return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : z.NEVER;
          })
          .optional(),
        unexpected: z.string().optional().refine((v) => v === undefined, { message: 'After the channel, say `weekly <day> <HH:MM>`, e.g. `weekly monday 09:00`.', params: { code: 'unexpected-words' } }),
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
        return scheduleReply(ctx, ctx.store.getWorkspaceSettings(ctx.member.workspaceId).digest, false);
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
        ctx.store.setDigest(ctx.member, digest, nowAt);
        return scheduleReply(ctx, digest, true);
      }
    }
  },
});

function describeSchedule(ctx: CommandContext, digest: DigestSchedule): string {
  const day = DAYS[digest.weekday - 1]!;
  return `every ${day[0]!.toUpperCase()}${day.slice(1)} at ${digest.time} (${digest.tz}) in ${channelMention(ctx.actor.platform, digest.channelId)}`;
}

function scheduleReply(ctx: CommandContext, digest: DigestSchedule | null, saved: boolean) {
  if (!digest) return reply([{ kind: 'paragraph', text: 'No weekly digest is set. Start one: `digest channel #team weekly monday 09:00`.' }]);
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${saved ? 'Weekly digest set' : 'Weekly digest'}: ${describeSchedule(ctx, digest)}. It names members whose credentials expire within 90 days or who are behind pace, and counts everyone on track; nothing more.` },
    { kind: 'paragraph', text: 'Members who would rather be counted than named: `settings named off`. See it now: `digest preview`.' },
  ];
  const last = saved ? undefined : ctx.store.lastDigestPost(ctx.member.workspaceId);
  if (last) blocks.push({ kind: 'paragraph', text: lastPostLine(ctx, last) });
  if (ctx.actor.platform === 'slack' && saved) blocks.push({ kind: 'paragraph', text: 'A private channel needs me invited first (`/invite @ceu-bot`).' });
  return reply(blocks, saved ? 'success' : 'info');
}

/** How the newest post went: an admin learns here that the bot could not post in the channel. */
function lastPostLine(ctx: CommandContext, last: DigestPost): string {
  const on = last.plannedAt.slice(0, 10);
  switch (last.status) {
    case 'sent':
      return `Last post: ${on}, delivered.`;
    case 'failed': {
      const fix = ctx.actor.platform === 'slack' ? 'invite me to the channel (`/invite @ceu-bot`) or pick another' : ctx.actor.platform === 'discord' ? 'give me View Channel and Send Messages there, or pick another' : 'pick another channel';
      return `Last post: ${on}, could not be delivered (${last.error ?? 'refused'}). To fix it, ${fix}; the next one goes out as scheduled.`;
    }
    default:
      return `Last post: ${on}, still being delivered.`;
  }
}

function previewReply(ctx: CommandContext) {
  const digest = ctx.store.getWorkspaceSettings(ctx.member.workspaceId).digest;
  const tz = digest?.tz ?? ctx.tz;
  const today = localTime(ctx.now, tz).date;
  const post = digestReply(ctx.actor.platform, ctx.store.loadTeam(ctx.member.workspaceId), today, ctx.overrides);
  const where = digest ? `It goes out ${describeSchedule(ctx, digest)}.` : 'No channel is set yet: `digest channel #team`.';
  return reply([{ kind: 'paragraph', text: `Preview (only you see this). ${where}` }, ...post.blocks]);
}
