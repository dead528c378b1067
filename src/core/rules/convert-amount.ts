/**
 * Printed amount → credit in the credential's unit, exactly: amount × factor ÷ divisor
 * (RULES.md "Units: store what the certificate says, convert per body").
 */
import type { SettingReader } from './create-setting-reader.js';
import { div, mul, parseDecimal, rational, type Rational } from './rational.js';
import type { Conversion, RulePack } from './rule-pack-schema.js';
import type { Unit } from './types.js';

export type ConvertedAmount =
  | { accepted: true; value: Rational; conversion: Conversion }
  | { accepted: false };

export function convertAmount(pack: RulePack, amount: string, unit: Unit, read: SettingReader): ConvertedAmount {
  const conversion = pack.conversions.find((c) => c.unit === unit);
  if (!conversion) return { accepted: false };
  const value = div(mul(parseDecimal(amount), read.number(conversion.factor)), rational(conversion.divisor));
  return { accepted: true, value, conversion };
}

/** The units a pack converts, for the hint that gives an entry a unit the body counts. */
export const acceptedUnits = (pack: RulePack): string[] => pack.conversions.map((c) => c.unit);
