/** Credential rows in array mode; the column list and the tuple must stay in the same order. */
import type { StoredCredential } from '../core/ports.js';
import type { CredentialCode, CredentialInput } from '../core/rules/types.js';

export const CREDENTIAL_COLUMNS = 'code, expires_on, certified_on, snoozed_until, renewed_from';

export type CredentialTuple = [code: CredentialCode, expiresOn: string, certifiedOn: string | null, snoozedUntil: string | null, renewedFrom: string | null];

/**
 * An unset snooze stays absent (not null), so the object matches what the core put; so does an
 * unknown renewal. `renewedFrom` is what counting reads (CredentialInput): the store knows it, the
 * core never puts it.
 */
export function toStoredCredential(
  code: CredentialCode,
  expiresOn: string,
  certifiedOn: string | null,
  snoozedUntil: string | null,
  renewedFrom: string | null,
): StoredCredential {
  const credential: StoredCredential & CredentialInput = { code, expiresOn, certifiedOn };
  if (snoozedUntil !== null) credential.snoozedUntil = snoozedUntil;
  if (renewedFrom !== null) credential.renewedFrom = renewedFrom;
  return credential;
}
