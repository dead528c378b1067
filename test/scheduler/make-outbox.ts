/**
 * A real SQLite file with the real stores, a clock tests move by hand, and builders for planned
 * messages, so delivery can be tested without waiting for the planner to decide anything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConsoleNotifier } from '../../src/adapters/console/notifier.js';
import type { Button, Clock, Logger, Member, MemberRef, Notifier, PlannedMessage, Reply, SchedulerStore, Store } from '../../src/core/index.js';
import { createScheduler, type Scheduler } from '../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore, openDatabase, type DatabaseHandle } from '../../src/storage/index.js';
import { makeRecordingLogger } from '../support/make-test-core.js';

export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function makeTestClock(startAt = '2026-11-24T15:00:00Z'): TestClock {
  let nowMs = Date.parse(startAt);
  return { now: () => new Date(nowMs), advance: (ms) => (nowMs += ms) };
}

export interface TestOutbox {
  path: string;
  database: DatabaseHandle;
  store: Store;
  outbox: SchedulerStore;
  clock: TestClock;
  logger: Logger;
  logs: string[];
  member(ref: Partial<MemberRef> & Pick<MemberRef, 'userId'>): Member;
  enqueue(...messages: PlannedMessage[]): number;
  cleanup(): void;
}

export function makeTestOutbox(path = join(mkdtempSync(join(tmpdir(), 'ceu-scheduler-')), 'ceu.sqlite')): TestOutbox {
  const database = openDatabase(path);
  const store = createSqliteStore(database);
  const outbox = createSchedulerStore(database);
  const clock = makeTestClock();
  const logs: string[] = [];
  return {
    path, database, store, outbox, clock, logs,
    logger: makeRecordingLogger(logs),
    member: (ref) => store.ensureMember({ platform: 'slack', tenantId: 'T0FAKE', ...ref }),
    enqueue: (...messages) => outbox.enqueue(messages, clock.now().toISOString()),
    cleanup() {
      if (database.sqlite.open) database.close();
      rmSync(join(path, '..'), { recursive: true, force: true });
    },
  };
}

export function makeNote(text: string, buttons: Button[] = []): Reply {
  return {
    visibility: 'private',
    tone: 'warning',
    blocks: [{ kind: 'heading', text: 'CMA: submit by 7 Feb 2027', status: 'attention' }, { kind: 'paragraph', text }, ...(buttons.length ? [{ kind: 'actions' as const, buttons }] : [])],
  };
}

/** A nudge by DM to `member`, or with `channelId` a post in that channel. */
export function makePlanned(member: Member, key: string, options: { channelId?: string; text?: string; buttons?: Button[] } = {}): PlannedMessage {
  return {
    key,
    workspaceId: member.workspaceId,
    memberId: options.channelId ? null : member.memberId,
    target: options.channelId ? { kind: 'channel', channelId: options.channelId } : { kind: 'direct', userId: member.userId },
    kind: options.channelId ? 'digest' : 'nudge',
    reply: makeNote(options.text ?? `message ${key}`, options.buttons),
  };
}

/** The most sends any window of `perMs` holds, from the arrival times a fake recorded. */
export function mostInWindow(arrivals: number[], perMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= perMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/**
 * A scheduler on `t`'s store and clock, its rate windows on the same clock, so a test can move
 * time past a backoff or a Retry-After by hand.
 */
export function makeTestScheduler(t: TestOutbox, notifiers: Notifier[]): Scheduler {
  return createScheduler({
    schedulerStore: t.outbox, store: t.store, notifiers, clock: t.clock, logger: t.logger, sweepIntervalMs: 60_000,
    monotonicNow: () => t.clock.now().getTime(),
  });
}

/** Drains, moving the clock to each next attempt, until nothing is pending; the wait before each try. */
export async function drainToTheEnd(t: TestOutbox, scheduler: Scheduler): Promise<number[]> {
  const waitsMs: number[] = [];
  for (let due = t.outbox.nextDueAt(); due !== undefined; due = t.outbox.nextDueAt()) {
    const waitMs = Math.max(0, Date.parse(due) - t.clock.now().getTime());
    waitsMs.push(waitMs);
    t.clock.advance(waitMs);
    await scheduler.drain();
  }
  return waitsMs;
}

/**
 * A scheduler on `t` delivering to the console notifier, and what it printed so far: reminders as
 * a member reads them, through the real planner, outbox and drainer.
 */
export function makeConsoleScheduler(t: TestOutbox): { scheduler: Scheduler; printed: () => string } {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += chunk));
  const scheduler = createScheduler({ schedulerStore: t.outbox, store: t.store, notifiers: [createConsoleNotifier({ output })], clock: t.clock, logger: t.logger, sweepIntervalMs: 60_000 });
  return { scheduler, printed: () => printed };
}
