/**
 * Consistency checks zod cannot express per field: sources exist, settings are named after
 * their pack, one setting key means one default, one conversion per unit.
 */
import type { RulePack } from './rule-pack-schema.js';
import { collectSourceReferences } from './sourced-values.js';

export function checkRulePack(pack: RulePack): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(pack.sources.map((s) => s.id));
  if (sourceIds.size !== pack.sources.length) problems.push(`${pack.code}: duplicate source ids`);

  const settings = new Map<string, string>();
  const prefix = `${pack.code.toLowerCase()}.`;
  for (const ref of collectSourceReferences(pack)) {
    if (!sourceIds.has(ref.sourceId)) problems.push(`${pack.code}${ref.path}: unknown source "${ref.sourceId}"`);
    const setting = ref.sourced?.setting;
    if (!setting || !ref.sourced) continue;
    if (!setting.key.startsWith(prefix)) problems.push(`${pack.code}${ref.path}: setting "${setting.key}" must start with "${prefix}"`);
    const signature = JSON.stringify([ref.sourced.value, ref.sourced.status, ref.sourced.sourceId, setting]);
    const seen = settings.get(setting.key);
    if (seen !== undefined && seen !== signature) problems.push(`${pack.code}${ref.path}: setting "${setting.key}" is declared twice differently`);
    settings.set(setting.key, signature);
  }

  const units = pack.conversions.map((c) => c.unit);
  if (new Set(units).size !== units.length) problems.push(`${pack.code}: more than one conversion for a unit`);
  return problems;
}
