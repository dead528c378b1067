/**
 * The SQLite implementation of the core's `SchedulerStore` port, on the same database handle as
 * the `Store` (WAL lets the sweep read while a command writes).
 */
import type Database from 'better-sqlite3';
import type { SchedulerStore } from '../core/ports.js';
import { createDigestList } from './create-digest-list.js';
import { createDueMembers } from './create-due-members.js';
import { createOutbox } from './create-outbox.js';
import { createTeamReader } from './create-team-reader.js';
import { createTeamPages } from './create-team-repo.js';

export function createSchedulerStore(handle: { sqlite: Database.Database }): SchedulerStore {
  const { sqlite } = handle;
  const reader = createTeamReader(sqlite);
  return {
    ...createDueMembers(sqlite, reader),
    ...createTeamPages(sqlite, reader),
    listDigests: createDigestList(sqlite),
    ...createOutbox(sqlite),
  };
}
