import type { Clock } from './core/ports.js';

/** Real time, or time that starts at `startAt` and runs on from there (CEU_NOW). */
export function createClock(startAt?: Date): Clock {
  if (!startAt) return { now: () => new Date() };
  const offsetMs = startAt.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offsetMs) };
}
