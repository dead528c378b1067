/**
 * The weekly team post: who has a credential expiring within 90 days or is behind pace, with the
 * credential and days left, and how many are on track. Requirement details stay private (`team`).
 */
import type { ChannelPostFailure, DigestSchedule, Platform, PlannedMessage, TeamMember } from '../ports.js';
import { reply, type Block, type Reply } from '../reply.js';
import type { Evaluation } from '../rules/types.js';
import { channelMention } from '../text/read-channel-ref.js';
import { daysBetween, instantAt, localTime, parseClock, shiftDate } from './local-time.js';
import { evaluateMember, isBehindPace } from './member-standing.js';
import { ceDeadlineOn } from '../views/lapse.js';
import { formatDay } from './nudge-replies.js';

export const DIGEST_HORIZON_DAYS = 90;
/**
 * A channel post stays readable and within Slack's and Discord's limits (Discord refuses a message
 * over 6,000 characters, and a cut there would drop names without counting them): the soonest are
 * named, up to 40 lines and 4,000 characters, the rest counted.
 */
const MAX_NAMED = 40;
const MAX_NAMED_CHARS = 4000;
const DAY_MS = 86_400_000;
/** The longest grace period left that a line counts in days; a longer one is given as a date. */
const GRACE_DAYS_COUNTED = 31;

export interface DigestSlot {
  /** Outbox key for this week's post, e.g. "digest:2026-11-23". */
  key: string;
  /** ISO instant the post falls due. */
  dueAt: string;
}

/** This week's slot when `now` is within a day after it (a post more than a day late is skipped). */
export function currentDigestSlot(schedule: DigestSchedule, now: Date): DigestSlot | undefined {
  const local = localTime(now, schedule.tz);
  const back = (local.weekday - schedule.weekday + 7) % 7;
  const date = shiftDate(local.date, -back);
  const dueAt = instantAt(date, parseClock(schedule.time), schedule.tz);
  const late = now.getTime() - dueAt.getTime();
  if (late < 0 || late >= DAY_MS) return undefined;
  return { key: `digest:${date}`, dueAt: dueAt.toISOString() };
}

export interface DigestInput {
  workspaceId: number;
  platform: Platform;
  schedule: DigestSchedule;
  slot: DigestSlot;
  team: TeamMember[];
  overrides: Record<string, number | boolean>;
  now: Date;
}

export function buildDigest(input: DigestInput): PlannedMessage {
  const tally = createDigestTally(input.platform, localTime(input.now, input.schedule.tz).date, input.overrides);
  tally.add(input.team);
  return digestMessage(input, tally);
}

/** The post for a slot from a finished tally (a large team is tallied a page at a time). */
export function digestMessage(input: Pick<DigestInput, 'workspaceId' | 'schedule' | 'slot'>, tally: DigestTally): PlannedMessage {
  return {
    key: input.slot.key,
    workspaceId: input.workspaceId,
    memberId: null,
    target: { kind: 'channel', channelId: input.schedule.channelId },
    kind: 'digest',
    reply: tally.reply(),
  };
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * The short post a channel gets when it is made the digest's channel, at once: the team learns what
 * to expect, and a channel the bot cannot post in shows up now rather than at the first digest.
 * Keyed by the whole configuration, so setting the same digest again posts nothing new.
 */
export function digestConfirmation(platform: Platform, workspaceId: number, schedule: DigestSchedule): PlannedMessage {
  const when = `on ${WEEKDAYS[schedule.weekday - 1]}s at ${schedule.time} (${schedule.tz})`;
  const text = `ceu-bot will post the team's weekly CE digest here ${when}: who has a credential expiring within ${DIGEST_HORIZON_DAYS} days or is behind pace. Admins: ${typed(platform, 'digest off', { adminOnly: true })} stops it.`;
  return {
    key: `digest-set:${schedule.channelId}|${schedule.weekday}|${schedule.time}|${schedule.tz}`,
    workspaceId,
    memberId: null,
    target: { kind: 'channel', channelId: schedule.channelId },
    kind: 'digest',
    reply: reply([{ kind: 'paragraph', text }], 'info', 'public'),
  };
}

/**
 * Why the bot may not post in a channel, in words, and what an admin does about it there. The
 * reason is the platform's: a Slack error (chat.postMessage) or "discord <code>: <message>".
 */
export function channelRefusal(platform: Platform, error: string): { why: string; fix: string } {
  const another = platform === 'discord' ? 'pick another channel with `/ceu-admin digest` (action `channel`)' : `pick another channel with ${typed(platform, 'digest channel #channel', { adminOnly: true })}`;
  const check = 'then set the digest again and I will post there to check';
  if (platform === 'slack') {
    if (error === 'is_archived') return { why: 'the channel is archived', fix: `unarchive it or ${another}; ${check}` };
    if (error.startsWith('restricted_action')) return { why: 'only some members may post there', fix: `let me post there (the channel's posting permissions) or ${another}; ${check}` };
    const why = error === 'channel_not_found' ? 'I cannot see the channel: it is private and I was never invited, or it was deleted' : 'I am not a member of the channel';
    return { why, fix: `invite me to the channel (type \`/invite @ceu-bot\` there) or ${another}; ${check}` };
  }
  if (platform === 'discord') {
    if (/^discord 1000[34]\b/.test(error)) return { why: 'Discord no longer knows the channel (deleted?)', fix: `${another}; ${check}` };
    return { why: 'I am not allowed to post there', fix: `give me View Channel, Send Messages and Embed Links there (Edit Channel → Permissions), or ${another}; ${check}` };
  }
  return { why: 'the channel refused the post', fix: `${another}; ${check}` };
}

/** What the admin who set the digest is told, once, about posts the bot was not allowed to make. */
export function channelFailureText(platform: Platform, failures: readonly ChannelPostFailure[]): string {
  const latest = failures[failures.length - 1]!;
  const where = channelMention(platform, latest.channelId);
  const { why, fix } = channelRefusal(platform, latest.error);
  const what = latest.confirmation
    ? `I could not post in ${where}, the channel you set for the weekly CE digest`
    : `I could not post the weekly CE digest in ${where} (${formatDay(latest.plannedAt.slice(0, 10))}), so the team did not get it`;
  const more = failures.length > 1 ? ` That is ${failures.length} posts there that failed.` : '';
  return `${what}: ${why} (${latest.error}).${more} To fix it, ${fix}.`;
}

/** A line about one credential worth the team's attention, or undefined when it is on track. */
export function attentionLine(evaluation: Evaluation, today: string): { days: number; text: string } | undefined {
  const days = daysBetween(today, evaluation.cycle.end);
  const { code } = evaluation;
  // CE complete past the expiry: most likely renewed, and the renewal not recorded here yet.
  const done = evaluation.unit !== 'card' && evaluation.remaining <= 0 ? '; CE complete, renewal not recorded here' : '';
  switch (evaluation.state) {
    case 'grace':
      // Ranked by days since expiry, like any lapse: it may not be used, so it goes before valid ones.
      // Named for 90 days like any lapse (NCCT's grace runs five years), then counted.
      return -days <= DIGEST_HORIZON_DAYS ? { days, text: `${code} expired on ${formatDay(evaluation.cycle.end)}${done || `; ${ceStillAccepted(evaluation)}`}` } : undefined;
    case 'exam-required':
    case 'expired':
      return -days <= DIGEST_HORIZON_DAYS ? { days, text: `${code} expired on ${formatDay(evaluation.cycle.end)}${done}` } : undefined;
    case 'complete':
      // A card needs renewing however "complete" it is; CE that is done only needs submitting.
      return evaluation.unit === 'card' && days <= DIGEST_HORIZON_DAYS ? { days, text: `${code} card expires ${inDays(days)}` } : undefined;
    case 'in-progress':
      if (days <= DIGEST_HORIZON_DAYS) return { days, text: `${code} expires ${inDays(days)}` };
      return isBehindPace(evaluation) ? { days, text: `${code} behind pace (expires in ${days} days)` } : undefined;
  }
}

function inDays(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

/**
 * Days while they are few; past a month a date reads better (NCCT's grace runs five years, and
 * "1771 more days" says nothing at a glance).
 */
function ceStillAccepted(evaluation: Evaluation): string {
  const { daysLeft } = evaluation;
  if (daysLeft > GRACE_DAYS_COUNTED) return `CE accepted until ${formatDay(ceDeadlineOn(evaluation))}`;
  return daysLeft === 0 ? 'CE accepted through today' : `CE accepted for ${daysLeft} more ${daysLeft === 1 ? 'day' : 'days'}`;
}

export function mention(platform: Platform, member: TeamMember): string {
  return platform === 'console' ? `@${member.userId}` : `<@${member.userId}>`;
}

export function digestReply(platform: Platform, team: TeamMember[], today: string, overrides: Record<string, number | boolean>): Reply {
  const tally = createDigestTally(platform, today, overrides);
  tally.add(team);
  return tally.reply();
}

/** Counts a team into the digest member by member; only names and one line each are kept. */
export interface DigestTally {
  add(members: readonly TeamMember[]): void;
  reply(): Reply;
}

export function createDigestTally(platform: Platform, today: string, overrides: Record<string, number | boolean>): DigestTally {
  const named: { days: number; text: string }[] = [];
  let unnamed = 0;
  let onTrack = 0;
  let lapsedLongAgo = 0;
  return {
    add(members) {
      for (const member of members) {
        if (member.credentials.length === 0) continue;
        const evaluations = evaluateMember(member, today, overrides).map(({ evaluation }) => evaluation);
        const lines = evaluations
          .map((evaluation) => attentionLine(evaluation, today))
          .filter((line): line is { days: number; text: string } => line !== undefined);
        // Past the 90 days a lapse is named for, a member is still not on track: counted, not named.
        if (lines.length === 0) {
          if (evaluations.some((evaluation) => isLapsed(evaluation))) lapsedLongAgo += 1;
          else onTrack += 1;
        } else if (!member.digestNamed) unnamed += 1;
        else named.push({ days: Math.min(...lines.map((l) => l.days)), text: `${mention(platform, member)}: ${lines.map((l) => l.text).join('; ')}` });
      }
    },
    reply: () => composeDigest(platform, today, [...named].sort((a, b) => a.days - b.days), unnamed, onTrack, lapsedLongAgo),
  };
}

// Grace too: past the 90 days it is named for, an NCMA in NCCT's five-year grace is not on track.
const isLapsed = (evaluation: Evaluation): boolean => evaluation.state === 'expired' || evaluation.state === 'exam-required' || evaluation.state === 'grace';

/** A command as members type it where the digest is posted (Discord keeps admin commands under `/ceu-admin`). */
function typed(platform: Platform, command: string, { adminOnly = false } = {}): string {
  if (platform === 'console') return `\`${command}\``;
  return `\`/${platform === 'discord' && adminOnly ? 'ceu-admin' : 'ceu'} ${command}\``;
}

function composeDigest(platform: Platform, today: string, named: { days: number; text: string }[], unnamed: number, onTrack: number, lapsedLongAgo: number): Reply {
  const team = typed(platform, 'team', { adminOnly: true });
  const blocks: Block[] = [{ kind: 'heading', text: `CE reminders for the week of ${formatDay(today)}`, status: named.length || unnamed ? 'attention' : 'ok' }];
  if (named.length === 0 && unnamed === 0) {
    // A credential whose CE is done may still expire within the horizon: it is on track, not news.
    blocks.push({ kind: 'paragraph', text: `Nobody has CE left to do on a credential expiring within ${DIGEST_HORIZON_DAYS} days, and nobody is behind pace.` });
  } else {
    // A line's days are negative once its credential has expired (grace included): say the list holds those too.
    const expired = named.some((line) => line.days < 0) ? 'Expired, expiring' : 'Expiring';
    blocks.push({ kind: 'paragraph', text: `${expired} within ${DIGEST_HORIZON_DAYS} days or behind pace:` });
    const shown = namedWithinLimits(named);
    if (shown.length) blocks.push({ kind: 'list', items: shown });
    const more = named.length - shown.length;
    if (more) blocks.push({ kind: 'paragraph', text: `…and ${more} more with later dates (admins: ${team}).` });
    const who = `${unnamed === 1 ? 'member' : 'members'} who asked not to be named.`;
    if (unnamed) blocks.push({ kind: 'paragraph', text: named.length ? `…and ${unnamed} more ${who}` : `${unnamed} ${who}` });
  }
  if (lapsedLongAgo) {
    blocks.push({ kind: 'paragraph', text: `${lapsedLongAgo} ${lapsedLongAgo === 1 ? 'member has a credential' : 'members have credentials'} that lapsed more than ${DIGEST_HORIZON_DAYS} days ago (admins: ${team}).` });
  }
  blocks.push({ kind: 'paragraph', text: `${onTrack} ${onTrack === 1 ? 'member is' : 'members are'} on track. Each member sees the details with ${typed(platform, 'status')}; admins with ${team}.` });
  return reply(blocks, 'info', 'public');
}

/** The soonest lines, as many as MAX_NAMED and MAX_NAMED_CHARS allow (at least one). */
function namedWithinLimits(named: { text: string }[]): string[] {
  const shown: string[] = [];
  let chars = 0;
  for (const { text } of named) {
    chars += text.length + 1;
    if (shown.length === MAX_NAMED || (shown.length > 0 && chars > MAX_NAMED_CHARS)) break;
    shown.push(text);
  }
  return shown;
}
