/** The rules engine's public API: rule packs as data, cycle arithmetic and `evaluate`. */
export * from './types.js';
export { evaluate, renewalCoveredThrough, type EvaluateOptions } from './evaluate.js';
export { cycleWindow, expiryFromCertified, nextCycleExpiry, type CycleWindow } from './cycle.js';
export { RULE_PACKS, getRulePack, credentialName } from './rule-packs.js';
export { MAX_FIGURE, RULE_SETTINGS, validateRuleOverrides, type RuleSetting, type OverrideProblem, type OverridesResult } from './rule-settings.js';
export { rulePackSchema, type RulePack, type RulePackCode, type RulePackInput, type Conversion, type SourcedNumber, type SourcedBoolean } from './rule-pack-schema.js';
export type { Rational } from './rational.js';
