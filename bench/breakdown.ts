/**
 * `npx tsx bench/breakdown.ts`: where a `status` call spends its time, stage by stage, on the same
 * seeded database and random members as bench/run.ts. Each stage calls the same functions
 * `bot.handle` calls, in the same order, so the parts add up to (about) the whole; garbage
 * collection is counted apart because it lands on whichever stage happens to allocate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { createBot, type Actor } from '../src/core/index.js';
import { COMMANDS } from '../src/core/commands/index.js';
import { evaluate } from '../src/core/rules/index.js';
import { credentialBlocks } from '../src/core/views/credential-blocks.js';
import { currentCycle } from '../src/core/views/load-standing.js';
import { createSqliteStore, openDatabase } from '../src/storage/index.js';
import { summarize } from './percentiles.js';
import { makeRandom, seedDatabase, WORKSPACE } from './seed.js';

const MEMBERS = 10_000;
const SAMPLES = 5_000;
const TODAY = '2026-11-24';

const dir = mkdtempSync(join(tmpdir(), 'ceu-bench-'));
try {
  const database = openDatabase(join(dir, 'bench.sqlite'), { checkpoints: {} }); // as the program opens it
  const { userIds } = seedDatabase(database.sqlite, { members: MEMBERS, activitiesPerMember: 50, seed: 1 });
  const store = createSqliteStore(database);
  const bot = createBot({ store, clock: { now: () => new Date(`${TODAY}T12:00:00Z`) } });
  const status = COMMANDS.find((c) => c.name === 'status')!;

  const stages = ['ensureMember', 'getRuleOverrides', 'listCredentials', 'listActivities', 'evaluate x3', 'schema.safeParse', 'credentialBlocks', 'total'] as const;
  const samples = new Map<string, bigint[]>(stages.map((s) => [s, []]));
  const random = makeRandom(42);

  let gcMs = 0;
  let gcCount = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { gcMs += entry.duration; gcCount++; }
  });

  const once = (record: boolean) => {
    const userId = userIds[Math.floor(random() * MEMBERS)]!;
    const actor: Actor = { platform: WORKSPACE.platform, tenantId: WORKSPACE.externalId, userId, displayName: userId, isAdmin: false };
    const marks: bigint[] = [process.hrtime.bigint()];
    const mark = () => marks.push(process.hrtime.bigint());
    const member = store.ensureMember(actor, actor.displayName); mark();
    const overrides = store.getRuleOverrides(member.workspaceId); mark();
    const credentials = store.listCredentials(member); mark();
    const activities = store.listActivities(member); mark();
    const evaluations = credentials.map((c) => evaluate(currentCycle(c, activities), activities, TODAY, overrides)); mark();
    // The schema only needs the context for commands whose options depend on the clock.
    status.schema({} as never).safeParse({}); mark();
    evaluations.flatMap((e) => credentialBlocks(e)); mark();
    if (!record) return;
    stages.slice(0, -1).forEach((s, k) => samples.get(s)!.push(marks[k + 1]! - marks[k]!));
    samples.get('total')!.push(marks[marks.length - 1]! - marks[0]!);
  };

  for (let k = 0; k < 500; k++) once(false);
  observer.observe({ entryTypes: ['gc'] });
  const started = process.hrtime.bigint();
  for (let k = 0; k < SAMPLES; k++) once(true);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer deliver
  observer.disconnect();

  console.log(`status, by stage, ${SAMPLES} random members (µs)`);
  console.log(`${'stage'.padEnd(18)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}`);
  for (const [stage, ns] of samples) {
    const s = summarize(ns);
    console.log(`${stage.padEnd(18)}${s.p50.toFixed(0).padStart(8)}${s.p99.toFixed(0).padStart(8)}${s.max.toFixed(0).padStart(8)}`);
  }
  console.log(`gc: ${gcCount} pauses, ${gcMs.toFixed(0)} ms of ${wallMs.toFixed(0)} ms wall (${((100 * gcMs) / wallMs).toFixed(0)}%)`);

  // The whole handle, for comparison with the sum of the stages above.
  const whole: bigint[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const userId = userIds[Math.floor(random() * MEMBERS)]!;
    const t0 = process.hrtime.bigint();
    await bot.handle({ actor: { platform: 'console', tenantId: 'bench', userId, displayName: userId, isAdmin: false }, conversation: { id: 'b', isDirect: true }, input: { kind: 'text', text: 'status' } });
    whole.push(process.hrtime.bigint() - t0);
  }
  const w = summarize(whole);
  console.log(`${"handle 'status'".padEnd(18)}${w.p50.toFixed(0).padStart(8)}${w.p99.toFixed(0).padStart(8)}${w.max.toFixed(0).padStart(8)}`);
  database.close();
  await database.checkpoints?.stop();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
