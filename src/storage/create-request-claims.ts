/**
 * Platform request ids already handled. A claim is one insert that fails on a duplicate key, so
 * two deliveries of the same event racing each other still run the command once. The core claims
 * inside the command's transaction (`Store.atomically`): a command refused or failed takes its
 * claim with it, and the platform's retry runs. A claim that logged an activity keeps its number,
 * so a repeat is told which one it is, after a restart too.
 */
import type Database from 'better-sqlite3';
import type { Store } from '../core/ports.js';

/** Slack retries for about 5 minutes and a double click lands within seconds: a day is plenty. */
const KEEP_MS = 24 * 60 * 60 * 1000;

type Key = { workspaceId: number; key: string };

export function createRequestClaims(sqlite: Database.Database): Pick<Store, 'claimRequest' | 'noteRequestLogged' | 'requestLogged'> {
  const insert = sqlite.prepare<Key & { at: string }>(
    'insert into processed_requests (workspace_id, key, at) values (:workspaceId, :key, :at) on conflict do nothing',
  );
  const prune = sqlite.prepare<{ before: string }>('delete from processed_requests where at < :before');
  const note = sqlite.prepare<Key & { activityId: number }>('update processed_requests set activity_id = :activityId where workspace_id = :workspaceId and key = :key');
  const logged = sqlite.prepare<Key, { activityId: number | null }>('select activity_id as activityId from processed_requests where workspace_id = :workspaceId and key = :key');
  return {
    claimRequest(workspaceId, key, nowAt) {
      prune.run({ before: new Date(Date.parse(nowAt) - KEEP_MS).toISOString() });
      return insert.run({ workspaceId, key, at: nowAt }).changes === 1;
    },
    noteRequestLogged(workspaceId, key, activityId) {
      note.run({ workspaceId, key, activityId });
    },
    requestLogged: (workspaceId, key) => logged.get({ workspaceId, key })?.activityId ?? undefined,
  };
}
