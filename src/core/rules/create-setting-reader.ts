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

/**
 * A class, not closures: an evaluation makes a reader, and under tsx (which keeps function names)
 * each closure made per call cost a name definition; the reader's were a tenth of finishing one.
 */
class OverridingReader implements SettingReader {
  private readonly uses = new Map<string, SettingUse>();

  constructor(private readonly overrides: RuleOverrides) {}

  number(value: SourcedNumber): Rational {
    return fromNumber(this.read(value));
  }

  boolean(value: SourcedBoolean): boolean {
    return this.read(value);
  }

  used(): SettingUse[] {
    return [...this.uses.values()];
  }

  private read<T extends number | boolean>(sourced: { value: T; sourceId: string; status: SourceStatus; setting?: { key: string; label: string } | undefined }): T {
    const setting = sourced.setting;
    if (!setting) return sourced.value;
    const override = this.overrides[setting.key];
    // A wrong-typed or non-finite override is ignored here; validateRuleOverrides reports it.
    const valid = typeof override === typeof sourced.value && (typeof override !== 'number' || (Number.isFinite(override) && override >= 0));
    const value = (valid ? override : sourced.value) as T;
    if (!this.uses.has(setting.key)) {
      this.uses.set(setting.key, { key: setting.key, label: setting.label, value, overridden: valid, status: sourced.status, sourceId: sourced.sourceId });
    }
    return value;
  }
}

export function createSettingReader(overrides: RuleOverrides = {}): SettingReader {
  return new OverridingReader(overrides);
}
