/**
 * What a member can do about a credential CE no longer renews, said where `status` and `need` show
 * it: the exam's date once AAMA's CE route has closed (the new cycle starts from it, and `credential
 * renew` refuses then), a renewal made with the body where it has no CE route, a new card for an
 * expired one. Logging CE or asking what is needed would not help any of them.
 */
import type { Block } from '../reply.js';
import { nextCycleExpiry } from '../rules/index.js';
import type { Evaluation } from '../rules/types.js';

/** Whether logging CE can still move the credential on: its cycle is running, or its grace period. */
export function takesCe(e: Evaluation): boolean {
  return e.unit !== 'card' && (e.state === 'in-progress' || e.state === 'complete' || e.state === 'grace');
}

export function lapsedNextStep(e: Evaluation, today: string): Block[] {
  const { code } = e;
  if (e.unit === 'card') {
    return e.state === 'expired' ? [{ kind: 'paragraph', text: `When you have the new card, log it with \`log cpr on <issue date>\`: it renews ${code} here.` }] : [];
  }
  if (e.state === 'exam-required') return [{ kind: 'paragraph', text: `When you have passed the exam, tell me with \`credential add ${code} certified <exam date>\`.` }];
  if (e.state !== 'expired') return [];
  // `credential renew` starts the cycle after the old one, which may itself be over by now.
  const text = nextCycleExpiry(code, e.cycle.end, today) >= today
    ? `If you have renewed already, tell me with \`credential renew ${code}\` (or \`credential renew ${code} on <date>\`).`
    : `If you recertified or were reinstated, tell me with \`credential add ${code} certified <date>\`.`;
  return [{ kind: 'paragraph', text }];
}
