/**
 * What a renewal made after the expiry was made with: CE done in the grace period to close the
 * lapsed cycle's gap (AAMA and NCCT accept it, RULES.md). That CE reinstated the lapsed cycle and
 * must not count again toward the next one, which for an NCMA starts the day after the old expiry.
 */
import { evaluate } from './evaluate.js';
import type { ActivityInput, CredentialInput, RuleOverrides } from './types.js';

/**
 * The day of the last grace-period CE (dated after the expiry, up to `renewedOn`) the lapsed cycle
 * needed: the day its gap closed, or, when it never closed here (credit not logged here), the last
 * day such CE counted toward it. Undefined when none did: the cycle was met by its expiry, or no CE
 * after it counts toward it (no grace route, as for AMT and NHA), so all of it is the next cycle's.
 */
export function graceCeThrough(lapsed: CredentialInput, activities: readonly ActivityInput[], renewedOn: string, overrides: RuleOverrides = {}): string | undefined {
  const end = lapsed.expiresOn;
  const upTo = (day: string) => evaluate(lapsed, activities.filter((a) => a.completedOn <= day), day, overrides, { explain: false });
  let earned = upTo(end);
  if (earned.remaining === 0) return undefined;
  const days = [...new Set(activities.filter((a) => a.completedOn > end && a.completedOn <= renewedOn).map((a) => a.completedOn))].sort();
  let through: string | undefined;
  for (const day of days) {
    const standing = upTo(day);
    if (standing.earned > earned.earned) through = day;
    if (standing.remaining === 0) return through;
    earned = standing;
  }
  return through;
}
