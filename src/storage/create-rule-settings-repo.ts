/**
 * Workspace overrides of rule values the packs mark unverified. Values are stored as JSON so a
 * number stays a number and a flag stays a flag.
 */
import type Database from 'better-sqlite3';
import type { MemberScope, Store } from '../core/ports.js';
import type { AuditLog } from './create-audit-log.js';

type Value = number | boolean;
type KeyParams = { workspaceId: number; key: string };

export type RuleSettingsRepo = Pick<Store, 'getRuleOverrides' | 'setRuleOverride'>;

export function createRuleSettingsRepo(sqlite: Database.Database, audit: AuditLog): RuleSettingsRepo {
  const all = sqlite
    .prepare<[number], [key: string, value: string]>('select key, value from rule_settings where workspace_id = ?')
    .raw(true);
  const one = sqlite
    .prepare<KeyParams, string>('select value from rule_settings where workspace_id = :workspaceId and key = :key')
    .pluck(true);
  const upsert = sqlite.prepare<KeyParams & { value: string }>(
    `insert into rule_settings (workspace_id, key, value) values (:workspaceId, :key, :value)
     on conflict (workspace_id, key) do update set value = excluded.value`,
  );
  const remove = sqlite.prepare<KeyParams>('delete from rule_settings where workspace_id = :workspaceId and key = :key');

  const set = sqlite
    .transaction((scope: MemberScope, key: string, value: Value | null, nowAt: string): void => {
      const params = { workspaceId: scope.workspaceId, key };
      const stored = one.get(params);
      const before = stored === undefined ? null : (JSON.parse(stored) as Value);
      if (before === value) return; // nothing changes, nothing to audit
      if (value === null) remove.run(params);
      else upsert.run({ ...params, value: JSON.stringify(value) });
      audit.write(scope, { entity: 'rule-setting', entityId: key, action: 'rule-setting', before, after: value, at: nowAt });
    })
    .immediate;

  return {
    getRuleOverrides(workspaceId) {
      const overrides: Record<string, Value> = {};
      for (const [key, value] of all.all(workspaceId)) overrides[key] = JSON.parse(value) as Value;
      return overrides;
    },
    setRuleOverride: set,
  };
}
