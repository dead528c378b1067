/**
 * The outbox drainer (`createScheduler(...).drain()`) sending through the real notifiers to the
 * fakes over loopback, with limits set so that the allowed rate, not the machine, bounds the drain.
 * The fakes stamp every request's arrival; from those stamps the benchmark checks that no sliding
 * window, overall or per DM, held more than the limit, and that every message arrived once, in
 * each member's order. Target (issue 5): at least 90% of the allowed rate, no limit exceeded.
 * The rate judged is the sustained one, over whole windows between the first window and the
 * 90th-percentile arrival; the whole-drain rate is printed beside it, and posts per second show
 * the tail (the last few members' messages, paced by their own per-DM limit) that it leaves out.
 *
 * Runs, each on a fresh outbox:
 * - Slack, 10,000 DMs to 2,000 members in random order (each member's five spread over the drain,
 *   sometimes close together, so the per-DM limit binds now and then);
 * - Slack, the same messages with each member's five back to back, as a sweep enqueues a member's
 *   reminders, stopped after a few seconds (the rate settles at once);
 * - Slack, 5,000 DMs one per member in turn, a control: the per-DM limit never binds there;
 * - Discord at its production limits (DISCORD_LIMITS), 160 DMs to 40 members: each first DM also
 *   opens the DM channel, a second request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notifier, PlannedMessage, Reply } from '../src/core/index.js';
import { createDiscordNotifier, DISCORD_LIMITS } from '../src/adapters/discord/notifier.js';
import { createSlackNotifier } from '../src/adapters/slack/notifier.js';
import { createClock } from '../src/clock.js';
import { createScheduler } from '../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore, openDatabase } from '../src/storage/index.js';
import { FAKE_DISCORD_IDS } from '../test/fakes/discord-ids.js';
import { startFakeDiscord } from '../test/fakes/fake-discord.js';
import { startFakeSlack } from '../test/fakes/fake-slack.js';
import { FAKE_TEAM_ID } from '../test/fakes/fake-slack-team.js';
import { countingLogger } from './counting-logger.js';
import { makeRandom } from './seed.js';
import { peakInWindow, peakPerKey, type Arrival } from './window-check.js';

/** 500 a second, not Slack's real pace (SLACK_LIMITS, under 2 a second): 10,000 messages then take 20 s, not hours. */
const SLACK_BENCH_LIMITS: Notifier['limits'] = { global: { count: 500, perMs: 1000 }, perTarget: { count: 1, perMs: 1000 } };
const RATE_TARGET = 0.9;
/** A Tuesday afternoon in UTC, the bench members' zone: their working hours, so no DM is held for them. */
const BENCH_START = new Date('2026-11-24T15:00:00Z');
const GROUPED_CAP_MS = 3_000;

interface Run {
  label: string;
  platform: 'slack' | 'discord';
  tenantId: string;
  messages: number;
  members: number;
  order: 'random' | 'grouped' | 'round-robin';
  limits: Notifier['limits'];
  /** Stop the drain after this long (the rest stays in the outbox). */
  capMs?: number;
}

/** A DM as the planner writes one (heading, three paragraphs, three buttons); `#m<member>s<seq>` identifies it at the fake. */
function nudgeReply(label: string): Reply {
  return {
    visibility: 'private',
    tone: 'warning',
    blocks: [
      { kind: 'heading', text: `CMA: submit by 7 Feb 2027 (in 75 days) #${label}`, status: 'attention' },
      { kind: 'paragraph', text: 'Still needed: 10 general and 4 more AAMA-approved points.' },
      { kind: 'paragraph', text: 'That is about 5.7 points a month.' },
      { kind: 'paragraph', text: 'If 28 Feb 2027 passes: AAMA still accepts CE for 90 days, then only the exam renews.' },
      { kind: 'actions', buttons: [
        { actionId: 'log-now', label: 'Log now', command: 'log', style: 'primary' },
        { actionId: 'snooze', label: 'Snooze a week', command: 'snooze CMA' },
        { actionId: 'renewed', label: 'Already renewed', command: 'credential renew CMA' },
      ] },
    ],
  };
}

const userIdOf = (run: Run, member: number) => (run.platform === 'slack' ? `UB${String(member).padStart(5, '0')}` : `5${String(member).padStart(18, '0')}`);

/** A fresh database whose outbox holds the run's messages, all due, `messages / members` for each member. */
function fillOutbox(run: Run, file: string) {
  const database = openDatabase(file, { checkpoints: {} }); // as the program opens it
  const sqlite = database.sqlite;
  const workspaceId = sqlite.prepare('insert into workspaces (platform, external_id) values (?, ?) returning id').pluck().get(run.platform, run.tenantId) as number;
  const insertMember = sqlite.prepare('insert into members (workspace_id, user_id, display_name) values (?, ?, ?) returning id').pluck();
  const memberIds = sqlite.transaction(() => Array.from({ length: run.members }, (_, m) => insertMember.get(workspaceId, userIdOf(run, m), `Member ${m}`) as number))();
  // The member each message goes to, in enqueue order; a member's messages are labelled m<member>s<seq>
  // in that order, so the fake's log shows both duplicates and any reordering.
  const order = Array.from({ length: run.messages }, (_, n) => n % run.members);
  if (run.order === 'random') {
    const random = makeRandom(11);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  } else if (run.order === 'grouped') {
    order.sort((a, b) => a - b);
  }
  const seqs = new Array<number>(run.members).fill(0);
  const messages: PlannedMessage[] = order.map((member) => {
    const label = `m${member}s${seqs[member]!++}`;
    return { key: `bench:${label}`, workspaceId, memberId: memberIds[member]!, target: { kind: 'direct', userId: userIdOf(run, member) }, kind: 'nudge', reply: nudgeReply(label) };
  });
  const schedulerStore = createSchedulerStore(database);
  schedulerStore.enqueue(messages, new Date(BENCH_START.getTime() - 1000).toISOString());
  return { database, schedulerStore };
}

interface Sent {
  /** Message posts, keyed by DM channel. */
  posts: Array<Arrival & { label: string; seq: number }>;
  /** Every request the notifier made (Discord: DM opens too). */
  requests: number[];
}

function labelIn(text: string): { label: string; seq: number } {
  const match = /#(m\d+s(\d+))/.exec(text);
  return { label: match?.[1] ?? '?', seq: Number(match?.[2]) };
}

async function drainOnce(run: Run): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ceu-drain-bench-'));
  const { database, schedulerStore } = fillOutbox(run, join(dir, 'bench.sqlite'));
  const logged = { warn: 0, error: 0 } as { warn: number; error: number; lastError?: string };
  const logger = countingLogger(logged);
  const cleanups: Array<() => unknown> = [];
  try {
    let sent: () => Sent;
    let notifier: Notifier;
    if (run.platform === 'slack') {
      const fake = await startFakeSlack();
      cleanups.push(() => fake.close());
      notifier = createSlackNotifier({ botToken: 'xoxb-test', apiUrl: fake.apiUrl, logger, limits: run.limits });
      sent = () => {
        const posts = fake.callsTo('chat.postMessage');
        return {
          posts: posts.map((c) => ({ key: String(c.body.channel), atMs: c.receivedAt, ...labelIn(String(c.body.text)) })),
          requests: fake.calls.map((c) => c.receivedAt),
        };
      };
    } else {
      const fake = await startFakeDiscord();
      cleanups.push(() => fake.close());
      const discord = createDiscordNotifier({ token: fake.token, apiUrl: fake.apiUrl, logger, limits: run.limits });
      cleanups.push(() => discord.close());
      notifier = discord;
      sent = () => ({
        posts: fake.callsTo('POST /channels/:channelId/messages').filter((c) => c.status === 200)
          .map((c) => ({ key: c.path, atMs: c.receivedAt, ...labelIn(JSON.stringify(c.body)) })),
        requests: fake.calls.map((c) => c.receivedAt),
      });
    }
    const scheduler = createScheduler({
      schedulerStore, store: createSqliteStore(database), notifiers: [notifier], clock: createClock(BENCH_START), logger, sweepIntervalMs: 300_000,
    });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const cap = run.capMs === undefined ? undefined : setTimeout(() => void scheduler.stop(), run.capMs);
    const stats = await scheduler.drain();
    const wallMs = performance.now() - started;
    clearTimeout(cap);
    const cpu = process.cpuUsage(cpuBefore);
    report(run, sent(), stats, wallMs, (cpu.user + cpu.system) / 1000, schedulerStore.countOutbox(), logged);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
    database.close();
    await database.checkpoints?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const n = (x: number) => x.toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const ORDER_TEXT: Record<Run['order'], string> = {
  random: 'in random order',
  grouped: "each member's back to back (as a sweep enqueues a member's reminders)",
  'round-robin': 'one per member in turn (the per-DM limit never binds: a control)',
};

/** Each DM's posts in the fake's log order (one send per DM is in flight at a time, so that is send order). */
function outOfOrder(posts: Sent['posts']): { members: number; first?: string } {
  const last = new Map<string, { seq: number; atMs: number }>();
  const members = new Set<string>();
  let first: string | undefined;
  for (const post of posts) {
    const before = last.get(post.key);
    if (before && before.seq > post.seq) {
      members.add(post.key);
      first ??= `${post.key} got s${before.seq} ${post.atMs - before.atMs} ms before s${post.seq}`;
    }
    if (!before || post.seq > before.seq) last.set(post.key, { seq: post.seq, atMs: post.atMs });
  }
  return first ? { members: members.size, first } : { members: 0 };
}

function report(
  run: Run, sent: Sent, stats: { sent: number; retried: number; failed: number }, wallMs: number, cpuMs: number,
  outbox: { pending: number; sending: number; sent: number; failed: number }, logged: { warn: number; error: number; lastError?: string },
): void {
  const { global, perTarget } = run.limits;
  const posts = sent.posts.length;
  const allowedPerS = (1000 * global.count) / global.perMs;
  // A drain may send a whole window's worth at once, so posts / wall time flatters a short drain.
  // The rate compared with the limit is the one after that first window: the posts beyond it over
  // the time from the first arrival to the last. A drain that never filled a window: posts / wall.
  const times = sent.posts.map((p) => p.atMs);
  const spanMs = Math.max(...times) - Math.min(...times);
  const ratePerS = posts > global.count && spanMs > 0 ? (1000 * (posts - global.count)) / spanMs : (1000 * posts) / wallMs;
  const idealMs = (Math.ceil(posts / global.count) - 1) * global.perMs;
  const globalPeak = peakInWindow(times, global.perMs);
  const targetPeak = peakPerKey(sent.posts, perTarget.perMs);
  const distinct = new Set(sent.posts.map((p) => p.label)).size;
  const order = outOfOrder(sent.posts);
  console.log(`\n${run.label}: ${n(run.messages)} DMs to ${n(run.members)} members, ${ORDER_TEXT[run.order]}`);
  console.log(`  limits ${global.count} per ${global.perMs} ms overall (${allowedPerS}/s allowed), ${perTarget.count} per ${perTarget.perMs} ms per DM${run.capMs ? `; drain stopped after ${run.capMs / 1000} s` : ''}`);
  console.log(`  ${n(stats.sent)} sent, ${stats.retried} retried, ${stats.failed} failed in ${(wallMs / 1000).toFixed(2)} s (${((1000 * posts) / wallMs).toFixed(1)}/s over the drain; sending ${n(posts)} at exactly the limit takes ${(idealMs / 1000).toFixed(1)} s); CPU ${((100 * cpuMs) / wallMs).toFixed(0)}% of one core`);
  console.log(`  outbox after: ${n(outbox.sent)} sent, ${n(outbox.pending)} pending, ${outbox.sending} sending, ${outbox.failed} failed; fake: ${n(posts)} posts, ${n(distinct)} distinct (${posts - distinct} duplicates${run.capMs ? '' : `, ${run.messages - distinct} missing`}), ${n(sent.requests.length)} requests in all; logged ${logged.warn} warn, ${logged.error} error${logged.lastError ? ` (${logged.lastError})` : ''}`);
  console.log(`  members whose DMs arrived out of order: ${order.members}${order.first ? ` (first: ${order.first})` : ''}`);
  console.log(`  posts per second from the first: ${perSecond(times).join(' ')}`);
  console.log(`  fullest ${global.perMs} ms window: ${globalPeak.count} posts (limit ${global.count}); fullest ${perTarget.perMs} ms window of one DM: ${targetPeak.count} (limit ${perTarget.count})${run.platform === 'discord' ? `; fullest 1000 ms window of all requests, DM opens included: ${peakInWindow(sent.requests, 1000).count} (Discord's global limit 50)` : ''}`);
  // The whole-drain figure above charges the drain for its tail, when only a few members still have
  // messages and their own 1-per-second limit, not the overall one, is what allows a send. The
  // sustained rate leaves out the first window (a sender may burst it or spread it) and the last
  // 10% of arrivals, and is what the target is judged on; both are printed.
  const sorted = [...times].sort((a, b) => a - b);
  const from = sorted[0]! + global.perMs;
  const to = sorted[Math.max(0, Math.floor(sorted.length * 0.9) - 1)]!;
  // Whole windows only: a part of a window could catch a burst's edge and read above the limit.
  const windows = Math.floor((to - from) / global.perMs);
  const inside = sorted.filter((at) => at >= from && at < from + windows * global.perMs).length;
  const sustainedPerS = windows >= 1 ? (1000 * inside) / (windows * global.perMs) : ratePerS;
  console.log(`  rate: whole drain ${ratePerS.toFixed(1)}/s (${((100 * ratePerS) / allowedPerS).toFixed(1)}%); sustained, over the ${windows} whole window${windows === 1 ? '' : 's'} after the first and before the 90th-percentile arrival, ${sustainedPerS.toFixed(1)}/s`);
  console.log(`  target >= ${RATE_TARGET * 100}% of the allowed rate (sustained): ${verdict(sustainedPerS >= RATE_TARGET * allowedPerS)} (${sustainedPerS.toFixed(1)}/s of ${allowedPerS}/s, ${((100 * sustainedPerS) / allowedPerS).toFixed(1)}%)`);
  console.log(`  target no limit exceeded: ${verdict(globalPeak.count <= global.count && targetPeak.count <= perTarget.count)}`);
}

export async function runDrainBench(): Promise<void> {
  const slack = { platform: 'slack', tenantId: FAKE_TEAM_ID, messages: 10_000, members: 2_000, limits: SLACK_BENCH_LIMITS } as const;
  await drainOnce({ ...slack, label: 'drain, Slack fake', order: 'random' });
  await drainOnce({ ...slack, label: 'drain, Slack fake', order: 'grouped', capMs: GROUPED_CAP_MS });
  await drainOnce({ ...slack, messages: 5_000, label: 'drain, Slack fake', order: 'round-robin' });
  await drainOnce({ label: 'drain, Discord fake', platform: 'discord', tenantId: FAKE_DISCORD_IDS.guild, messages: 160, members: 40, order: 'random', limits: DISCORD_LIMITS });
}

/** Arrivals counted per whole second from the first one: where a drain slows shows at a glance. */
function perSecond(times: number[]): number[] {
  const first = Math.min(...times);
  const counts: number[] = [];
  for (const at of times) {
    const second = Math.floor((at - first) / 1000);
    counts[second] = (counts[second] ?? 0) + 1;
  }
  return Array.from(counts, (count) => count ?? 0);
}
