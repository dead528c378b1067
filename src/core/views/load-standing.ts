/** Everything a reply about a member's progress needs: credentials, activities, evaluations. */
import type { CommandContext } from '../command.js';
import type { StoredActivity, StoredCredential } from '../ports.js';
import { evaluate, expiryFromCertified } from '../rules/index.js';
import type { ActivityInput, Evaluation } from '../rules/types.js';

export interface Standing {
  credentials: StoredCredential[];
  activities: StoredActivity[];
  evaluations: Evaluation[];
}

/** `explain: false` when the reply shows totals only (status, need): no per-activity outcomes. */
export function loadStanding(ctx: CommandContext, { explain = true } = {}): Standing {
  const credentials = ctx.store.listCredentials(ctx.member);
  const activities = ctx.store.listActivities(ctx.member);
  const evaluations = credentials.map((credential) =>
    evaluate(currentCycle(credential, activities), activities, ctx.today, ctx.overrides, { explain }),
  );
  return { credentials, activities, evaluations };
}

/**
 * A logged CPR card renews the BLS credential: the card is valid through the end of the month
 * of issue two years on (AHA, RULES.md), so the newest card decides when BLS expires.
 */
export function currentCycle(credential: StoredCredential, activities: readonly ActivityInput[]): StoredCredential {
  if (credential.code !== 'BLS') return credential;
  let expiresOn = credential.expiresOn;
  for (const activity of activities) {
    if (activity.unit !== 'card') continue;
    const cardExpiresOn = expiryFromCertified('BLS', activity.completedOn);
    if (cardExpiresOn > expiresOn) expiresOn = cardExpiresOn;
  }
  return { ...credential, expiresOn };
}
