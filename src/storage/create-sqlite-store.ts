/**
 * The SQLite implementation of the core's `Store` port. Every statement is prepared once here;
 * every query filters by the scope's workspace (and member, for a member's own data).
 */
import type Database from 'better-sqlite3';
import type { Store } from '../core/ports.js';
import { createActivityRepo } from './create-activity-repo.js';
import { createAuditLog } from './create-audit-log.js';
import { createCredentialRepo } from './create-credential-repo.js';
import { createMemberRepo } from './create-member-repo.js';
import { createRequestClaims } from './create-request-claims.js';
import { createRuleSettingsRepo } from './create-rule-settings-repo.js';
import { createTeamReader } from './create-team-reader.js';
import { createTeamRepo } from './create-team-repo.js';
import { createUndeliveredNotes } from './create-undelivered-notes.js';
import { createUndoLast } from './create-undo-last.js';
import { createWorkspaceSettingsRepo } from './create-workspace-settings-repo.js';

export function createSqliteStore(handle: { sqlite: Database.Database }): Store {
  const { sqlite } = handle;
  const audit = createAuditLog(sqlite);
  const activityRepo = createActivityRepo(sqlite, audit);
  // record/write are undo's internals, not part of the port.
  const { record: _record, write: _write, ...activities } = activityRepo;
  return {
    ...createMemberRepo(sqlite, audit),
    ...activities,
    undoLast: createUndoLast(sqlite, activityRepo, audit),
    ...createCredentialRepo(sqlite, audit),
    ...createRuleSettingsRepo(sqlite, audit),
    ...createRequestClaims(sqlite),
    ...createWorkspaceSettingsRepo(sqlite, audit),
    ...createTeamRepo(sqlite, createTeamReader(sqlite)),
    ...createUndeliveredNotes(sqlite),
    // Deferred: the write lock is taken at the first write, so the forms of a changing command
    // that only read (`credential list`, `settings`) answer while another process holds it. This
    // process's writes all go through this one connection, one at a time, so nothing it read can
    // change before it writes; another process's write in between makes SQLite refuse ours
    // (SQLITE_BUSY_SNAPSHOT), which rolls back whole. The repos' own transactions become savepoints.
    atomically: (work) => sqlite.transaction(work)(),
  };
}
