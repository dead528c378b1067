/** Who is due what, decided from the clock and the data alone: the scheduler is only a timer. */
export { DEFAULT_LADDER, planMember, type PlanInput, type PlanResult } from './plan-member.js';
export { buildDigest, currentDigestSlot, type DigestInput, type DigestSlot } from './plan-digest.js';
