/**
 * What an adapter keeps in memory between two interactions of a member (a form's extras, a refused
 * form, the copy of a form that logged): per running bot, for a day (a form can stay open that
 * long), and bounded, so that a flood cannot grow memory without end. A restart forgets it all; the
 * callers say what happens then.
 */
const KEEP_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

export interface KeptForADay<T> {
  /** Kept from `nowMs`; a key set again is fresh again. */
  set(key: string, value: T, nowMs?: number): void;
  /** Undefined once a day has passed (or never kept). */
  get(key: string, nowMs?: number): T | undefined;
}

/** One memory per running bot (`owner`: its context object, which also ends the memory with it). */
export function keptForADay<T>(): (owner: object) => KeptForADay<T> {
  const byOwner = new WeakMap<object, KeptForADay<T>>();
  return (owner) => {
    let kept = byOwner.get(owner);
    if (!kept) byOwner.set(owner, (kept = createMemory<T>()));
    return kept;
  };
}

function createMemory<T>(): KeptForADay<T> {
  const entries = new Map<string, { value: T; atMs: number }>();
  return {
    set(key, value, nowMs = Date.now()) {
      // Oldest first (insertion order): stop at the first one still fresh.
      for (const [oldKey, entry] of entries) {
        if (nowMs - entry.atMs <= KEEP_MS && entries.size < MAX_ENTRIES) break;
        entries.delete(oldKey);
      }
      entries.delete(key);
      entries.set(key, { value, atMs: nowMs });
    },
    get(key, nowMs = Date.now()) {
      const entry = entries.get(key);
      return entry && nowMs - entry.atMs <= KEEP_MS ? entry.value : undefined;
    },
  };
}
