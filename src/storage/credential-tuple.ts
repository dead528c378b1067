/** Credential rows in array mode; the column list and the tuple must stay in the same order. */
import type { StoredCredential } from '../core/ports.js';
import type { CredentialCode } from '../core/rules/types.js';

export const CREDENTIAL_COLUMNS = 'code, expires_on, certified_on, snoozed_until';

export type CredentialTuple = [code: CredentialCode, expiresOn: string, certifiedOn: string | null, snoozedUntil: string | null];

/** An unset snooze stays absent (not null), so the object matches what the core put. */
export function toStoredCredential(
  code: CredentialCode,
  expiresOn: string,
  certifiedOn: string | null,
  snoozedUntil: string | null,
): StoredCredential {
  const credential: StoredCredential = { code, expiresOn, certifiedOn };
  if (snoozedUntil !== null) credential.snoozedUntil = snoozedUntil;
  return credential;
}
