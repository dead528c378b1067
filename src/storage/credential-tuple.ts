/** Credential rows in array mode; the column list and the tuple must stay in the same order. */
import type { StoredCredential } from '../core/ports.js';
import type { CredentialCode, CredentialInput } from '../core/rules/types.js';

export const CREDENTIAL_COLUMNS = 'code, expires_on, certified_on, snoozed_until, renewed_from, renewed_on';

export type CredentialTuple = [
  code: CredentialCode, expiresOn: string, certifiedOn: string | null, snoozedUntil: string | null, renewedFrom: string | null, renewedOn: string | null,
];

/**
 * An unset snooze stays absent (not null), so the object matches what the core put; so does an
 * unknown renewal. `renewedFrom` and `renewedOn` are what counting reads (CredentialInput): the
 * store knows them, the core never puts them. `renewedOn` is said only when it adds to
 * `renewedFrom`: a renewal made after the cycle it renewed had ended.
 */
export function toStoredCredential(
  code: CredentialCode,
  expiresOn: string,
  certifiedOn: string | null,
  snoozedUntil: string | null,
  renewedFrom: string | null,
  renewedOn: string | null,
): StoredCredential {
  const credential: StoredCredential & CredentialInput = { code, expiresOn, certifiedOn };
  if (snoozedUntil !== null) credential.snoozedUntil = snoozedUntil;
  if (renewedFrom !== null) credential.renewedFrom = renewedFrom;
  if (renewedFrom !== null && renewedOn !== null && renewedOn > renewedFrom) credential.renewedOn = renewedOn;
  return credential;
}
