/** Who is due what, decided from the clock and the data alone: the scheduler is only a timer. */
export { DEFAULT_LADDER, isUrgentKey, planMember, type PlanInput, type PlanResult } from './plan-member.js';
export { buildDigest, createDigestTally, currentDigestSlot, digestMessage, type DigestInput, type DigestSlot, type DigestTally } from './plan-digest.js';
export { localTime, memberWindow, nextDeliverable } from './local-time.js';
