/**
 * `/ceu status` through the real discord.js client (our adapter, on a seeded SQLite file) logged in
 * to the fake Discord, against a bare discord.js client, logged in to a fake of its own, whose
 * interactionCreate listener only replies `ok` ephemerally: the same gateway, cache and REST
 * stack, none of our work.
 * Measured (issue): dispatch-to-callback latency, from the moment the fake sends INTERACTION_CREATE
 * to the moment it has received the interaction callback POST, p50/p99, and the ratio to the
 * reply-only client; sequentially (one at a time) and with a fixed number in flight.
 *
 * Everything runs on this one thread, as in the tests: the fake's own work (JSON over the socket,
 * reading and validating the callback) is inside every sample, for both clients alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Client, Events, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';
import { startDiscord } from '../src/adapters/discord/start-discord.js';
import { createBot } from '../src/core/index.js';
import { createSqliteStore, openDatabase } from '../src/storage/index.js';
import { FAKE_DISCORD_IDS } from '../test/fakes/discord-ids.js';
import { makeSlashInteraction } from '../test/fakes/discord-interactions.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordCall } from '../test/fakes/fake-discord.js';
import { summarize, type Summary } from './percentiles.js';
import { seedDatabase } from './seed.js';
import { countingLogger } from './counting-logger.js';

const MEMBERS = 3_000;
const ACTIVITIES_PER_MEMBER = 50;
const NOW_AT = '2026-11-24T12:00:00Z';
/** What discord.js reports as Dana's member displayName (no nick: her global name); ensureMember then never renames. */
const BENCH_DISPLAY_NAME = 'Dana Reyes';
const WARMUP = 100;
const SAMPLES = 1_000;
const IN_FLIGHT = 50;
/** Well past the adapter's 2 s defer and the fake's 3 s deadline: a sample this late is an error. */
const CALLBACK_TIMEOUT_MS = 5_000;

type App = 'ceu-bot' | 'reply-only';

interface Sample {
  ns: bigint;
  call?: FakeDiscordCall;
  error?: string;
}

interface Row {
  load: string;
  app: App;
  samples: Sample[];
  wallS: number;
}

const ms = (us: number) => (us / 1000).toFixed(2);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pause = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));


/**
 * Times interactions on one fake without `sendInteraction`, whose wait scans the whole call log
 * (every earlier call) before it starts listening and so grows with the run. Instead the fake's
 * call log is tapped where it records a call: that happens once the callback's body has been read
 * and answered, just before the response goes back. The clock starts right before `dispatch`.
 */
function timeInteractions(fake: FakeDiscord) {
  const pending = new Map<string, (at: bigint, call: FakeDiscordCall) => void>();
  const log = fake.calls;
  const record = Array.prototype.push;
  Object.defineProperty(log, 'push', {
    configurable: true,
    writable: true,
    value(...items: FakeDiscordCall[]): number {
      const at = process.hrtime.bigint();
      for (const call of items) {
        // discord.js retries 429s and 5xx: the attempt that settled answers, as in sendInteraction.
        if (call.method !== 'POST' || !call.path.startsWith('/interactions/') || call.status === 429 || call.status >= 500) continue;
        const id = call.path.split('/')[2] ?? '';
        pending.get(id)?.(at, call);
      }
      return record.apply(log, items);
    },
  });

  return function send(): Promise<Sample> {
    // Built (structuredClone of the fixture) before the clock starts: the fake has it ready to send.
    const payload = makeSlashInteraction({ subcommand: 'status' });
    return new Promise<Sample>((resolve) => {
      let t0 = 0n;
      const timer = setTimeout(() => {
        pending.delete(payload.id);
        resolve({ ns: process.hrtime.bigint() - t0, error: `no callback within ${CALLBACK_TIMEOUT_MS} ms` });
      }, CALLBACK_TIMEOUT_MS);
      pending.set(payload.id, (at, call) => {
        clearTimeout(timer);
        pending.delete(payload.id);
        resolve({ ns: at - t0, call, ...(call.status >= 300 ? { error: `callback answered ${call.status} ${JSON.stringify(call.response)}` } : {}) });
      });
      t0 = process.hrtime.bigint();
      if (fake.dispatch('INTERACTION_CREATE', payload) === 0) {
        clearTimeout(timer);
        pending.delete(payload.id);
        resolve({ ns: 0n, error: 'no gateway session connected' });
      }
    });
  };
}

/** A discord.js client as startDiscord builds it (same intents and partials), replying `ok` and nothing else. */
async function startReplyOnly(fake: FakeDiscord): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent],
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isRepliable()) void interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral }).catch(() => undefined);
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  return client;
}

export async function runDiscordBench(): Promise<void> {
  const rssAtStart = process.memoryUsage().rss; // after the benches before this one, in the same process
  const dir = mkdtempSync(join(tmpdir(), 'ceu-discord-bench-'));
  const database = openDatabase(join(dir, 'bench.sqlite'), { checkpoints: {} }); // as the program opens it
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  try {
    // seed.ts writes one console workspace; turning it into the fake's guild and member 1 into
    // Dana (named as discord.js names her) keeps its rows as they are.
    const seeded = seedDatabase(database.sqlite, { members: MEMBERS, activitiesPerMember: ACTIVITIES_PER_MEMBER, seed: 1 });
    database.sqlite.prepare("update workspaces set platform = 'discord', external_id = ? where id = ?").run(FAKE_DISCORD_IDS.guild, seeded.workspaceId);
    database.sqlite.prepare('update members set user_id = ?, display_name = ? where id = 1').run(FAKE_DISCORD_IDS.user, BENCH_DISPLAY_NAME);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const countRows = database.sqlite.prepare(
      `select (select count(*) from members) as members,
              (select count(*) from credentials where member_id = 1) as credentials,
              (select count(*) from activities where member_id = 1 and deleted_at is null) as activities,
              (select display_name from members where id = 1) as displayName`,
    );
    const held = countRows.get() as { members: number; credentials: number; activities: number; displayName: string };

    const logged = { warn: 0, error: 0 } as { warn: number; error: number; lastError?: string };
    const logger = countingLogger(logged);
    const bot = createBot({ store: createSqliteStore(database), clock: { now: () => new Date(NOW_AT) }, logger });

    // Each client has a fake of its own: dispatch() goes to every identified session.
    const fakes = { 'ceu-bot': await startFakeDiscord(), 'reply-only': await startFakeDiscord() } as const;
    cleanups.push(() => fakes['ceu-bot'].close(), () => fakes['reply-only'].close());
    const ours = await startDiscord({ bot, logger, token: fakes['ceu-bot'].token, apiUrl: fakes['ceu-bot'].apiUrl });
    cleanups.push(() => ours.stop()); // clients go first (cleanups run reversed), then the fakes
    const bare = await startReplyOnly(fakes['reply-only']);
    cleanups.push(() => bare.destroy());
    const send = { 'ceu-bot': timeInteractions(fakes['ceu-bot']), 'reply-only': timeInteractions(fakes['reply-only']) } as const;

    // A status reply: three credential embeds, no failure, answered at once (type 4, not deferred).
    const titlesOf = (s: Sample) => ((s.call?.body as { data?: { embeds?: Array<{ title?: string }> } } | undefined)?.data?.embeds ?? []).map((e) => e.title ?? '');
    const isGood: Record<App, (s: Sample) => boolean> = {
      'ceu-bot': (s) => !s.error && (s.call?.body as { type?: number }).type === 4 && titlesOf(s).length === 3,
      'reply-only': (s) => {
        const body = s.call?.body as { type?: number; data?: { content?: string; flags?: number } } | undefined;
        return !s.error && body?.type === 4 && body.data?.content === 'ok' && body.data.flags === MessageFlags.Ephemeral;
      },
    };

    const sanity = await send['ceu-bot']();
    if (!isGood['ceu-bot'](sanity)) throw new Error(`status over Discord looks wrong: ${sanity.error ?? ''} ${JSON.stringify(sanity.call?.body).slice(0, 500)}`);
    const flags = (sanity.call?.body as { data?: { flags?: number } }).data?.flags ?? 0;
    console.log(`\ndiscord: seeded ${held.members} members on discord/${FAKE_DISCORD_IDS.guild}; ${FAKE_DISCORD_IDS.user} holds ${held.credentials} credentials, ${held.activities} activities`);
    console.log(`sanity: first /ceu status (cold) called back in ${ms(Number(sanity.ns) / 1000)} ms, ${JSON.stringify(sanity.call?.body).length} bytes, ${(flags & MessageFlags.Ephemeral) !== 0 ? 'ephemeral' : 'public'}: ${titlesOf(sanity).join('; ')}`);

    /** One at a time, each awaited; or `inFlight` loops pulling from one counter (closed loop). */
    async function phase(app: App, count: number, inFlight: number): Promise<{ samples: Sample[]; wallS: number }> {
      const samples: Sample[] = [];
      let next = 0;
      const started = process.hrtime.bigint();
      await Promise.all(Array.from({ length: inFlight }, async () => {
        while (next < count) {
          next++;
          samples.push(await send[app]());
        }
      }));
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      await pause(200); // stragglers (the callbacks' responses, their GC) stay out of the next phase
      return { samples, wallS };
    }

    async function warmUp(app: App, count: number, inFlight: number): Promise<void> {
      const failed = (await phase(app, count, inFlight)).samples.filter((s) => !isGood[app](s));
      if (failed.length > 0) throw new Error(`${failed.length} of ${count} warm-up interactions to ${app} failed: ${failed[0]?.error ?? JSON.stringify(failed[0]?.call?.body).slice(0, 300)}`);
    }
    for (const app of ['ceu-bot', 'reply-only'] as const) await warmUp(app, WARMUP, 1);
    const callsAfterWarmup = fakes['ceu-bot'].calls.length;
    const warnBefore = logged.warn;
    const errorBefore = logged.error;
    const rowsBefore = countRows.get() as typeof held;

    const gcPauses: number[] = [];
    const gcObserver = new PerformanceObserver((list) => gcPauses.push(...list.getEntries().map((e) => e.duration)));
    gcObserver.observe({ entryTypes: ['gc'] });
    const started = process.hrtime.bigint();
    const rows: Row[] = [];
    for (const [load, inFlight] of [['sequential', 1], [`${IN_FLIGHT} in flight`, IN_FLIGHT]] as const) {
      for (const app of ['ceu-bot', 'reply-only'] as const) {
        // discord.js's REST agent opens a connection per concurrent request, without limit, and
        // undici drops idle ones after about 4 s; the sequential rows keep one alive. A request
        // that has to wait for a new socket takes 100-250 ms here, in both clients, and at 50 in
        // flight more than 50 are briefly open (a callback is recorded before its response is
        // read). So the pool is filled first, at twice the concurrency, and the row times the
        // steady state, not socket setup.
        if (inFlight > 1) await warmUp(app, 4 * inFlight, 2 * inFlight);
        rows.push({ load, app, ...(await phase(app, SAMPLES, inFlight)) });
      }
    }
    const runS = Number(process.hrtime.bigint() - started) / 1e9;
    gcObserver.disconnect();

    const timed = (row: Row) => row.samples.filter((s) => !s.error);
    const summaries = new Map<Row, Summary>(rows.map((r) => [r, summarize(timed(r).map((s) => s.ns))]));
    const floorOf = (row: Row) => summaries.get(rows.find((r) => r.load === row.load && r.app === 'reply-only')!)!;
    console.log(`\nnode ${process.version}; ${SAMPLES} /ceu status interactions per row after ${WARMUP} warm-up per client (and ${4 * IN_FLIGHT} at ${2 * IN_FLIGHT} in flight before the ${IN_FLIGHT}-in-flight rows, to open the REST connections); dispatch-to-callback latency in ms`);
    const header = ['load', 'app', 'interactions', 'errors', 'bad', 'per s', 'p50', 'p99', 'max', 'p50/reply', 'p99/reply'];
    const table = rows.map((row) => {
      const s = summaries.get(row)!;
      const floor = floorOf(row);
      const isFloor = row.app === 'reply-only';
      const errors = row.samples.filter((x) => x.error).length;
      const bad = row.samples.filter((x) => !x.error && !isGood[row.app](x)).length;
      return [
        row.load, row.app, String(row.samples.length), String(errors), String(bad), (row.samples.length / row.wallS).toFixed(0),
        ms(s.p50), ms(s.p99), ms(s.max),
        isFloor ? '1.0' : (s.p50 / floor.p50).toFixed(1), isFloor ? '1.0' : (s.p99 / floor.p99).toFixed(1),
      ];
    });
    const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
    for (const row of [header, ...table]) {
      console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    }
    const firstError = rows.flatMap((r) => r.samples).find((s) => s.error)?.error;
    if (firstError) console.log(`first error: ${firstError.slice(0, 300)}`);

    // What the adapter did besides answering: steady state should call nothing but the callbacks.
    const byRoute = fakes['ceu-bot'].calls.slice(callsAfterWarmup).reduce((m, c) => {
      const key = `${c.method} ${c.route ?? c.path} ${c.status}`;
      return m.set(key, (m.get(key) ?? 0) + 1);
    }, new Map<string, number>());
    const callText = [...byRoute].map(([route, n]) => `${route} x${n}`).join(', ') || 'none';
    const rowsAfter = countRows.get() as typeof held;
    const gcMs = gcPauses.reduce((a, b) => a + b, 0);
    console.log(`\nadapter during the run: REST calls ${callText}; logged ${logged.warn - warnBefore} warn, ${logged.error - errorBefore} error${logged.lastError ? ` (last: ${logged.lastError})` : ''}`);
    console.log(`members ${rowsBefore.members} -> ${rowsAfter.members}; Dana's display name ${JSON.stringify(rowsAfter.displayName)}`);
    console.log(`gc during the run: ${gcPauses.length} pauses, ${gcMs.toFixed(0)} ms total, max ${gcPauses.length ? Math.max(...gcPauses).toFixed(2) : '0'} ms`);
    console.log(`run ${runS.toFixed(1)} s; rss ${mb(process.memoryUsage().rss)} (${mb(rssAtStart)} when this bench started)`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
    database.close();
    await database.checkpoints?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runDiscordBench();
}
