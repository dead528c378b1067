/**
 * Every value a workspace may override: the unverified (U) figures of the rule packs.
 * The core lists them (`settings`) and validates overrides with `validateRuleOverrides`.
 */
import { RULE_PACKS } from './rule-packs.js';
import type { RulePackCode } from './rule-pack-schema.js';
import { collectSourceReferences } from './sourced-values.js';
import type { RuleOverrides, SourceStatus } from './types.js';

export interface RuleSetting {
  key: string;
  pack: RulePackCode;
  label: string;
  default: number | boolean;
  status: SourceStatus;
  sourceId: string;
  description: string;
}

function settingsOf(): RuleSetting[] {
  const byKey = new Map<string, RuleSetting>();
  for (const pack of RULE_PACKS) {
    for (const { sourced } of collectSourceReferences(pack)) {
      const setting = sourced?.setting;
      if (!sourced || !setting || byKey.has(setting.key)) continue;
      byKey.set(setting.key, {
        key: setting.key,
        pack: pack.code,
        label: setting.label,
        default: sourced.value,
        status: sourced.status,
        sourceId: sourced.sourceId,
        description: setting.description,
      });
    }
  }
  return [...byKey.values()];
}

export const RULE_SETTINGS: readonly RuleSetting[] = settingsOf();

export interface OverrideProblem {
  key: string;
  code: 'unknown-setting' | 'wrong-type' | 'out-of-range';
  message: string;
}

export type OverridesResult = { ok: true; overrides: RuleOverrides } | { ok: false; problems: OverrideProblem[] };

/** Checks every entry at once: known key, same type as the default, numbers finite and not negative. */
export const MAX_FIGURE = 1000;

export function validateRuleOverrides(input: Record<string, unknown>): OverridesResult {
  const problems: OverrideProblem[] = [];
  const overrides: RuleOverrides = {};
  for (const [key, value] of Object.entries(input)) {
    const setting = RULE_SETTINGS.find((s) => s.key === key);
    if (!setting) {
      problems.push({ key, code: 'unknown-setting', message: `"${key}" is not a rule setting` });
    } else if (typeof value !== typeof setting.default) {
      problems.push({ key, code: 'wrong-type', message: `"${key}" takes a ${typeof setting.default}` });
    } else if (typeof value === 'number' && !(Number.isFinite(value) && value > 0 && value <= MAX_FIGURE)) {
      // Every figure is a requirement, a conversion or a fee: 0 would mark everyone done or count nothing.
      problems.push({ key, code: 'out-of-range', message: `"${key}" must be above 0 and at most ${MAX_FIGURE}` });
    } else {
      overrides[key] = value as number | boolean;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, overrides };
}
