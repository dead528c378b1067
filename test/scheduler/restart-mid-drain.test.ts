/**
 * A drainer killed with SIGKILL in the middle of a drain, then restarted on the same database:
 * every message arrives, none more than twice (the one in flight when the process died).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createSchedulerStore, openDatabase } from '../../src/storage/index.js';
import { textOf } from '../adapters/slack/slack-under-test.js';
import { FAKE_TEAM_ID } from '../fakes/fake-slack-team.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { makePlanned, makeTestOutbox, type TestOutbox } from './make-outbox.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const MESSAGES = 60;

let fake: FakeSlack | undefined;
let t: TestOutbox | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake?.close();
  t?.cleanup();
});

function startDrainer(dbPath: string, apiUrl: string): ChildProcess {
  // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that sends.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/scheduler/drain-process.ts', dbPath, apiUrl], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
  else child.once('exit', (code) => resolve(code));
});

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a drainer killed mid-drain and restarted', () => {
  it('delivers every message, each at most twice', async () => {
    fake = await startFakeSlack({ apiLatencyMs: 20 });
    t = makeTestOutbox();
    const members = Array.from({ length: MESSAGES }, (_, i) => t!.member({ tenantId: FAKE_TEAM_ID, userId: `U${String(i).padStart(3, '0')}` }));
    // Due long ago, so they are due whatever the child's clock says.
    t.outbox.enqueue(members.map((m) => makePlanned(m, `nudge:${m.userId}`)), '2020-01-01T00:00:00.000Z');
    t.database.close();
    const posts = () => fake!.callsTo('chat.postMessage');

    const first = startDrainer(t.path, fake.apiUrl);
    await until(() => posts().length >= 20, 20_000, 'the first drainer to be under way');
    first.kill('SIGKILL');
    await exited(first);
    const beforeRestart = posts().length;
    const between = openDatabase(t.path);
    const interrupted = createSchedulerStore(between).countOutbox();
    between.close();
    expect(interrupted.sent).toBeLessThan(MESSAGES);
    // The crash left claimed rows behind, some of them already sent: the case requeueing is for.
    expect(interrupted.sending).toBeGreaterThan(0);
    expect(beforeRestart).toBeLessThan(MESSAGES);

    const second = startDrainer(t.path, fake.apiUrl);
    const delivered = () => new Set(posts().map((p) => textOf(p.body).match(/message (nudge:U\d+)/)?.[1]));
    await until(() => delivered().size === MESSAGES, 20_000, 'every message to arrive');
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);

    const perKey = new Map<string, number>();
    for (const p of posts()) {
      const key = textOf(p.body).match(/message (nudge:U\d+)/)![1]!;
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    expect(perKey.size).toBe(MESSAGES);
    expect(Math.max(...perKey.values())).toBeLessThanOrEqual(2);
    // Only sends in flight at the kill can repeat, and the drainer has at most 8 in flight.
    expect(posts().length - MESSAGES).toBeLessThanOrEqual(8);
    const after = openDatabase(t.path);
    expect(createSchedulerStore(after).countOutbox()).toEqual({ pending: 0, sending: 0, sent: MESSAGES, failed: 0 });
    after.close();
  }, 60_000);
});
