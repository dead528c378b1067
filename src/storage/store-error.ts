/**
 * The store's guards. The core checks with `findActivity` before it edits or deletes, so these
 * fire only on a bug or a race; the stable `code` lets callers and tests tell them apart.
 */
export type StoreErrorCode = 'not-found' | 'not-yours';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
