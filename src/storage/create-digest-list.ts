/** Workspaces with a weekly digest configured; few, so a scan of the workspaces table is fine. */
import type Database from 'better-sqlite3';
import type { Platform, SchedulerStore } from '../core/ports.js';
import { DIGEST_COLUMNS, toDigest } from './create-workspace-settings-repo.js';

type DigestTuple = [workspaceId: number, platform: Platform, channelId: string, weekday: number, time: string, tz: string];

export function createDigestList(sqlite: Database.Database): SchedulerStore['listDigests'] {
  const list = sqlite
    .prepare<[], DigestTuple>(`select id, platform, ${DIGEST_COLUMNS} from workspaces where digest_channel_id is not null order by id`)
    .raw(true);
  return () =>
    list.all().flatMap(([workspaceId, platform, ...columns]) => {
      const digest = toDigest(...columns);
      return digest === null ? [] : [{ workspaceId, platform, digest }];
    });
}
