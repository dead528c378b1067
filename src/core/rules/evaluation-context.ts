/** What every step of one evaluation shares. */
import type { SettingReader } from './create-setting-reader.js';
import type { CycleWindow } from './cycle.js';
import { toNumber, type Rational } from './rational.js';
import type { RulePack } from './rule-pack-schema.js';

export interface EvaluationContext {
  pack: RulePack;
  window: CycleWindow;
  asOf: string;
  read: SettingReader;
  /** The grace period's last day, when the pack has one; CE completed in it still counts. */
  graceEndsOn: string | null;
}

/** "1 point", "1.5 credits", "14 hours": an exact amount shown in the pack's unit. */
export function formatCredit(amount: Rational, unit: RulePack['unit']): string {
  return creditWords(toNumber(amount), unit);
}

/** A figure already rounded as shown, with its unit: "1 point", "0.41 points". */
export function creditWords(value: number, unit: RulePack['unit']): string {
  return `${value} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
}
