/**
 * Reads pack values through the workspace's overrides and remembers which settings an
 * evaluation relied on, so its notes can say which unverified figures are in use.
 */
import { fromNumber, type Rational } from './rational.js';
import type { SourcedBoolean, SourcedNumber } from './rule-pack-schema.js';
import type { RuleOverrides, SourceStatus } from './types.js';

export interface SettingUse {
  key: string;
  label: string;
  value: number | boolean;
  overridden: boolean;
  status: SourceStatus;
  sourceId: string;
}

export interface SettingReader {
  number(value: SourcedNumber): Rational;
  boolean(value: SourcedBoolean): boolean;
  /** Settings read so far, once each, in the order first read. */
  used(): SettingUse[];
}

export function createSettingReader(overrides: RuleOverrides = {}): SettingReader {
  const uses = new Map<string, SettingUse>();

  function read<T extends number | boolean>(sourced: { value: T; sourceId: string; status: SourceStatus; setting?: { key: string; label: string } | undefined }): T {
    const setting = sourced.setting;
    if (!setting) return sourced.value;
    const override = overrides[setting.key];
    // A wrong-typed or non-finite override is ignored here; validateRuleOverrides reports it.
    const valid = typeof override === typeof sourced.value && (typeof override !== 'number' || (Number.isFinite(override) && override >= 0));
    const value = (valid ? override : sourced.value) as T;
    if (!uses.has(setting.key)) {
      uses.set(setting.key, { key: setting.key, label: setting.label, value, overridden: valid, status: sourced.status, sourceId: sourced.sourceId });
    }
    return value;
  }

  return {
    number: (value) => fromNumber(read(value)),
    boolean: (value) => read(value),
    used: () => [...uses.values()],
  };
}
