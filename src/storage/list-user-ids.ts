import type { DatabaseHandle } from './open-database.js';

/** The user ids of a workspace's members, as stored (the console reads them at start: console-names.ts). */
export function listUserIds(database: DatabaseHandle, platform: string, tenantId: string): string[] {
  return database.sqlite
    .prepare<[string, string], string>('select m.user_id from members m join workspaces w on w.id = m.workspace_id where w.platform = ? and w.external_id = ? order by m.id')
    .pluck()
    .all(platform, tenantId);
}
