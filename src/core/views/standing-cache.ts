/**
 * Evaluations reused while nothing they depend on changed: the member's data (its version, see
 * Store.memberVersion), the day, and the workspace's rule figures. A status, App Home refresh and
 * "what do I still need?" in a row evaluate once. Bounded: the oldest entries go first.
 */
import type { Standing } from './load-standing.js';

const LIMIT = 5_000;

export interface StandingCache {
  get(key: string): Standing | undefined;
  set(key: string, standing: Standing): void;
}

export function createStandingCache(limit = LIMIT): StandingCache {
  const entries = new Map<string, Standing>();
  return {
    get: (key) => entries.get(key),
    set(key, standing) {
      entries.delete(key);
      entries.set(key, standing);
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
  };
}
