/** Builds a real SQLite store on a fresh file in a temp folder; `cleanup` closes and deletes it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Member, MemberRef, NewActivity, PlannedMessage, SchedulerStore, Store, StoredActivity } from '../../src/core/ports.js';
import type { ActivityInput } from '../../src/core/rules/types.js';
import type { Reply } from '../../src/core/reply.js';
import { createSchedulerStore, createSqliteStore, openDatabase, type DatabaseHandle } from '../../src/storage/index.js';

export interface TestStore {
  store: Store;
  scheduler: SchedulerStore;
  handle: DatabaseHandle;
  path: string;
  reopen(): TestStore;
  cleanup(): void;
}

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ceu-storage-'));
}

export function makeStore(path = join(makeTempDir(), 'ceu.sqlite')): TestStore {
  const handle = openDatabase(path);
  return {
    store: createSqliteStore(handle),
    scheduler: createSchedulerStore(handle),
    handle,
    path,
    reopen() {
      handle.close();
      return makeStore(path);
    },
    cleanup() {
      if (handle.sqlite.open) handle.close();
      rmSync(join(path, '..'), { recursive: true, force: true });
    },
  };
}

export function makeRef(overrides: Partial<MemberRef> = {}): MemberRef {
  return { platform: 'slack', tenantId: 'T1', userId: 'U1', ...overrides };
}

/** What a team reader hands out of an activity: the fields counting reads. */
export function countedPart({ id, completedOn, amount, unit, category, aamaApproved }: StoredActivity): ActivityInput {
  return { id, completedOn, amount, unit, aamaApproved, ...(category ? { category } : {}) };
}

export function makeActivity(overrides: Partial<NewActivity> = {}): NewActivity {
  return {
    completedOn: '2026-11-01',
    amount: '2',
    unit: 'hours',
    category: 'clinical',
    title: 'Phlebotomy basics',
    provider: 'Relias',
    aamaApproved: true,
    ...overrides,
  };
}

export const AT = '2026-11-24T12:00:00.000Z';

export function at(minute: number): string {
  return `2026-11-24T12:${String(minute).padStart(2, '0')}:00.000Z`;
}

export function makeReply(text: string): Reply {
  return { visibility: 'private', tone: 'warning', blocks: [{ kind: 'paragraph', text }] };
}

/** A nudge by DM to `member`, or with `channelId` a digest post in that channel. */
export function makePlanned(member: Member, key: string, options: { channelId?: string } = {}): PlannedMessage {
  const { channelId } = options;
  return {
    key,
    workspaceId: member.workspaceId,
    memberId: channelId ? null : member.memberId,
    target: channelId ? { kind: 'channel', channelId } : { kind: 'direct', userId: member.userId },
    kind: channelId ? 'digest' : 'nudge',
    reply: makeReply(`message ${key}`),
  };
}

/** A member as the team readers give it, with `activities` (a getter on the class) as a field, for toEqual. */
export function withActivities<T extends { activities: ActivityInput[] }>(member: T): T {
  return { ...member, activities: member.activities };
}
