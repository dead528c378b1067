/**
 * A credential's counted credit, kept so it need not be counted again. Counting a member's
 * activities is most of what an evaluation costs (reading them from the database is most of the
 * rest); what it finds changes only when the activities, the credential or the workspace's rule
 * settings change, or when the date passes an activity dated in the future. The scheduler's sweep
 * and `status` evaluate from a saved tally and count afresh only when `tallyHolds` says no.
 *
 * `evaluateTally(tally, …)` equals `evaluate(…, { explain: false })` for every date the tally holds
 * for (test/core/rules/tally.property.test.ts checks it). A tally is plain JSON.
 */
import { createSettingReader } from './create-setting-reader.js';
import { countCredit, createContext, finishEvaluation, withGraceCut, type Counts } from './evaluate.js';
import { rational, type Rational } from './rational.js';
import type { SourcedBoolean, SourcedNumber } from './rule-pack-schema.js';
import { RULE_PACKS } from './rule-packs.js';
import { RULE_SETTINGS } from './rule-settings.js';
import type { ActivityInput, CredentialCode, CredentialInput, Evaluation, RequirementResult, RuleOverrides } from './types.js';

/**
 * Bump when counting changes meaning in code; a change to a pack's figures is caught by `tallyFormat`.
 * 2: an activity kept out for having no category no longer lists its unit's conversion in `settings`.
 * 3: `usesNonApproved` is false when approved credit alone meets every requirement.
 * 4: NCCT's outside-CE rule does not reach back into a cycle the member renewed from (`renewedFrom`).
 * 5: an expiry moved to a date inside the current cycle (a corrected typo) is not a renewal.
 * 6: the total still needed is never less than the sum of its rounded-up category gaps; NCMA CE done
 *    in a grace period counts toward the renewal it reinstated, not again after it (`renewedOn`).
 */
const COUNTING_VERSION = 6;

/**
 * What a tally was counted under: the counting code's version and a fingerprint of the rule packs
 * (FNV-1a of their JSON), so a release that changes a pack's figure recounts every saved tally.
 */
export function tallyFormat(packs: readonly unknown[]): string {
  const text = JSON.stringify(packs);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${COUNTING_VERSION}:${hash.toString(16)}`;
}

export const TALLY_FORMAT = tallyFormat(RULE_PACKS);

export interface CreditTally {
  format: string;
  code: CredentialCode;
  /** The cycle's last day the activities were counted against. */
  cycleEnd: string;
  /** The end of the cycle renewed from that counting knew (`CredentialInput.renewedFrom`), or null. */
  renewedFrom: string | null;
  /** The day of a renewal later than `renewedFrom` that counting knew (`CredentialInput.renewedOn`), or null. */
  renewedOn: string | null;
  /** What counting worked out from it (`CredentialInput.graceThrough`), or null. */
  graceThrough: string | null;
  /** The workspace's rule settings it was counted with (`overridesKey`). */
  overrides: string;
  /** It holds for dates in [from, until): the same activities are dated on or before any of them. */
  from: string;
  until: string;
  required: number;
  earned: number;
  remaining: number;
  /** `remaining` exactly, "n" or "n/d". */
  exactRemaining: string;
  requirements: RequirementResult[];
  usesNonApproved: boolean;
  /** Rule settings read while counting, in order: the evaluation's notes list the unverified ones. */
  settings: string[];
}

/** A member's tally of one credential: `expiresOn` is the stored credential's expiry it was counted for. */
export interface SavedTally extends CreditTally {
  expiresOn: string;
}

const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

export function tallyCredit(credential: CredentialInput, activities: readonly ActivityInput[], asOf: string, overrides: RuleOverrides = {}): CreditTally {
  const read = createSettingReader(overrides);
  const counted = withGraceCut(credential, activities, overrides);
  const ctx = createContext(counted, asOf, read);
  const { counts } = countCredit(ctx, activities, false);
  let from = EARLIEST;
  let until = LATEST;
  for (const { completedOn } of activities) {
    if (completedOn <= asOf) {
      if (completedOn > from) from = completedOn;
    } else if (completedOn < until) until = completedOn;
  }
  return {
    format: TALLY_FORMAT,
    code: credential.code,
    cycleEnd: credential.expiresOn,
    renewedFrom: credential.renewedFrom ?? null,
    renewedOn: credential.renewedOn ?? null,
    graceThrough: counted.graceThrough ?? null,
    overrides: overridesKey(overrides),
    from,
    until,
    required: counts.required,
    earned: counts.earned,
    remaining: counts.remaining,
    exactRemaining: formatRational(counts.exactRemaining),
    requirements: counts.requirements,
    usesNonApproved: counts.usesNonApproved,
    settings: read.used().map((use) => use.key),
  };
}

/**
 * Whether `tally` gives the evaluation of `code`'s cycle ending `cycleEnd`, renewed as `renewal`
 * says (the cycle renewed from, and a grace renewal's day, if known), on `asOf` under `overrides`.
 */
export function tallyHolds(
  tally: CreditTally, code: CredentialCode, cycleEnd: string, asOf: string, overrides: RuleOverrides, renewal: Pick<CredentialInput, 'renewedFrom' | 'renewedOn'> = {},
): boolean {
  return (
    tally.format === TALLY_FORMAT &&
    tally.code === code &&
    tally.cycleEnd === cycleEnd &&
    tally.renewedFrom === (renewal.renewedFrom ?? null) &&
    tally.renewedOn === (renewal.renewedOn ?? null) &&
    tally.from <= asOf &&
    asOf < tally.until &&
    tally.overrides === overridesKey(overrides)
  );
}

export function evaluateTally(tally: CreditTally, asOf: string, overrides: RuleOverrides = {}): Evaluation {
  const read = createSettingReader(overrides);
  // Read the settings counting read, in its order, so the notes come out as evaluate's do.
  for (const key of tally.settings) {
    const sourced = SOURCED_BY_KEY.get(key);
    if (sourced && typeof sourced.value === 'number') read.number(sourced as SourcedNumber);
    else if (sourced) read.boolean(sourced as SourcedBoolean);
  }
  const credential: CredentialInput = { code: tally.code, expiresOn: tally.cycleEnd };
  if (tally.renewedFrom !== null) credential.renewedFrom = tally.renewedFrom;
  if (tally.renewedOn !== null) credential.renewedOn = tally.renewedOn;
  if (tally.graceThrough !== null) credential.graceThrough = tally.graceThrough;
  const ctx = createContext(credential, asOf, read);
  const counts: Counts = {
    required: tally.required,
    earned: tally.earned,
    remaining: tally.remaining,
    exactRemaining: parseRational(tally.exactRemaining),
    requirements: tally.requirements,
    usesNonApproved: tally.usesNonApproved,
  };
  return finishEvaluation(tally.code, ctx, counts, []);
}

/**
 * A member's tallies as stored: positional JSON arrays, what they share (format and settings key)
 * written once. Against the objects as JSON: 40% of the size, written and read in half the time
 * (a sweep reads 33,000 members' at once). `decodeTallies(encodeTallies(t))` equals `t` (tested).
 */
type EncodedTally = [
  code: CredentialCode, expiresOn: string, cycleEnd: string, renewedFrom: string | null, renewedOn: string | null, graceThrough: string | null, from: string, until: string,
  required: number, earned: number, remaining: number, exactRemaining: string, usesNonApproved: 0 | 1,
  settings: string[], requirements: Array<string | number>,
];
// Tallies saved before `renewedFrom` have 12 fields, before `renewedOn` 13: they do not decode, so they are counted afresh.
type EncodedTallies = [version: 1, format: string, overrides: string, ...tallies: EncodedTally[]];

/** Tallies counted under another format or other settings than the first are left out: they would not hold. */
export function encodeTallies(tallies: readonly SavedTally[]): string {
  const [first] = tallies;
  if (!first) return '[1,"",""]';
  const encoded: EncodedTallies = [1, first.format, first.overrides];
  for (const t of tallies) {
    if (t.format !== first.format || t.overrides !== first.overrides) continue;
    const requirements: Array<string | number> = [];
    for (const r of t.requirements) requirements.push(r.id, r.required, r.earned, r.remaining, r.unverified ? 1 : 0);
    encoded.push([t.code, t.expiresOn, t.cycleEnd, t.renewedFrom, t.renewedOn, t.graceThrough, t.from, t.until, t.required, t.earned, t.remaining, t.exactRemaining, t.usesNonApproved ? 1 : 0, t.settings, requirements]);
  }
  return JSON.stringify(encoded);
}

/** Undefined for anything else (another version, damage): saved tallies are a cache, counted afresh. */
export function decodeTallies(text: string): SavedTally[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed[0] !== 1) return undefined;
  const [, format, overrides, ...encoded] = parsed as EncodedTallies;
  const tallies: SavedTally[] = [];
  for (const item of encoded) {
    if (!Array.isArray(item) || item.length !== 15) return undefined;
    const [code, expiresOn, cycleEnd, renewedFrom, renewedOn, graceThrough, from, until, required, earned, remaining, exactRemaining, usesNonApproved, settings, flat] = item;
    if (!Array.isArray(settings) || !Array.isArray(flat)) return undefined;
    const requirements: RequirementResult[] = [];
    for (let i = 0; i + 4 < flat.length; i += 5) {
      const requirement: RequirementResult = { id: flat[i] as string, required: flat[i + 1] as number, earned: flat[i + 2] as number, remaining: flat[i + 3] as number };
      if (flat[i + 4] === 1) requirement.unverified = true;
      requirements.push(requirement);
    }
    tallies.push({
      format, code, cycleEnd, renewedFrom, renewedOn, graceThrough, overrides, from, until, required, earned, remaining, exactRemaining, requirements,
      usesNonApproved: usesNonApproved === 1, settings, expiresOn,
    });
  }
  return tallies;
}

const SOURCED_BY_KEY = new Map<string, SourcedNumber | SourcedBoolean>(
  RULE_SETTINGS.map((s) => [s.key, { value: s.default, sourceId: s.sourceId, status: s.status, setting: { key: s.key, label: s.label } } as SourcedNumber | SourcedBoolean]),
);

const keys = new WeakMap<RuleOverrides, string>();

/** The same string for the same settings, whatever their order. */
export function overridesKey(overrides: RuleOverrides): string {
  let key = keys.get(overrides);
  if (key === undefined) {
    key = JSON.stringify(Object.entries(overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    keys.set(overrides, key);
  }
  return key;
}

const formatRational = (r: Rational): string => (r.d === 1n ? `${r.n}` : `${r.n}/${r.d}`);

function parseRational(text: string): Rational {
  const slash = text.indexOf('/');
  return slash < 0 ? rational(BigInt(text)) : rational(BigInt(text.slice(0, slash)), BigInt(text.slice(slash + 1)));
}
