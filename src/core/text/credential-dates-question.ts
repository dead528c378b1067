/**
 * "when does my CCMA expire?", "is my RMA expired", "when's my bls due": the dates of the credential
 * named, not the standing of every credential held. Asked in plain words only: the declaration below
 * is not in the command list (nothing types it), and it only reads.
 */
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../command.js';
import { lapsedNextStep } from '../commands/lapsed-next-step.js';
import { reply, type Block, type Reply } from '../reply.js';
import { expiryFromCertified } from '../rules/index.js';
import { CREDENTIAL_CODES, type CredentialCode, type Evaluation } from '../rules/types.js';
import { credentialBlocks } from '../views/credential-blocks.js';
import { daysPhrase } from '../views/describe.js';
import { isLapsed } from '../views/lapse.js';
import { loadStanding } from '../views/load-standing.js';
import { daysBetween } from '../nudges/local-time.js';
import { toCredentialCode } from './aliases.js';
import { plainWords } from './plain-words.js';

// Deadline questions come first: "how many days left?" asks when, not how much. Phone slips ("wen",
// "dose", "expre") still ask it; "cma expiration date?", "cma expired?" are the question said short.
export const DEADLINE = /\b((when|wen|whn)('?s| (does|dose|do|will|is|am|are)) .*\b(exp\w*|end|ends|due|lapse|lapses|renew|renewal|deadline|submit|recertify|runs? out|up$)|did my \S+( card)? (exp\w*|lapse|run out)|(what|when)('?s| is) (my|the) (\S+ )?(deadline|due date|expiration|expiry|renewal date|end date)|^(my )?\S+( card)? ((expiration|expiry|exp|renewal|due|end) date|expires|expiring|expiration|expiry|(is )?(expired|lapsed))$|how long (do i have|have i got|until|till|left)|how much time|days (do i have )?left|(is|has) my \S+( card| certification| credential)?( still)? (expired|lapsed|current|valid|active|up to date|good|ok|okay))\b/;
// The bodies whose name is one credential; "NHA" or "AMT" could be any of theirs.
const BODY_CODES: Record<string, CredentialCode> = { aama: 'CMA', ncct: 'NCMA' };

/** The credentials a deadline question names, in the order named; undefined when it names none. */
export function credentialsAskedAbout(text: string): CredentialCode[] | undefined {
  const said = plainWords(text).toLowerCase().replace(/[’‘]/g, "'");
  if (!DEADLINE.test(said)) return undefined;
  const codes = said.split(/[\s,;:!?()/]+/).map((word) => BODY_CODES[word] ?? toCredentialCode(word.replace(/'s$/, '')));
  const named = [...new Set(codes.filter((code): code is CredentialCode => code !== undefined))];
  return named.length > 0 ? named : undefined;
}

const SCHEMA = z.object({ codes: z.array(z.enum(CREDENTIAL_CODES)).min(1) });

export const credentialDatesQuestion = defineCommand({
  name: 'credential-dates',
  summary: 'The dates of the credentials a plain question names.',
  usage: 'status',
  examples: [],
  options: [],
  parseText: () => ({}),
  schema: () => SCHEMA,
  run: (ctx, { codes }) => datesReply(ctx, codes),
});

function datesReply(ctx: CommandContext, codes: readonly CredentialCode[]): Reply {
  const { activities, evaluations } = loadStanding(ctx, { explain: false });
  const blocks = codes.flatMap((code): Block[] => {
    const e = evaluations.find((evaluation) => evaluation.code === code);
    if (!e) return notTracked(code, activities, ctx.today);
    // A lapsed credential's blocks open with when it expired and what is left to do.
    return [...(isLapsed(e) ? [] : [{ kind: 'paragraph' as const, text: expirySentence(e) }]), ...credentialBlocks(e), ...lapsedNextStep(e, ctx.today)];
  });
  // Perhaps a slip for one tracked: name those.
  if (evaluations.length > 0 && codes.every((code) => !evaluations.some((e) => e.code === code))) {
    const tracked = evaluations.map((e) => e.code);
    const names = tracked.length === 1 ? tracked[0] : `${tracked.slice(0, -1).join(', ')} and ${tracked.at(-1)}`;
    blocks.push({ kind: 'paragraph', text: `You track ${names}: \`credential list\` shows ${tracked.length === 1 ? 'its' : 'their'} dates.` });
  }
  return reply(blocks);
}

function expirySentence(e: Evaluation): string {
  if (e.unit === 'card') return `Your ${e.code} card is valid through ${e.cycle.end} (${daysPhrase(e.daysLeft)}).`;
  const expires = `Your ${e.code} expires on ${e.cycle.end} (${daysPhrase(e.daysLeft)})`;
  // Earlier when the body takes time to process the credit logged (AAMA: non-AAMA points).
  if (e.submitBy === e.cycle.end) return `${expires}.`;
  if (e.submitByDaysLeft < 0) return `${expires}; the submit-by date, ${e.submitBy}, was ${daysPhrase(e.submitByDaysLeft)}: submit as soon as you can.`;
  return `${expires}; submit your renewal by ${e.submitBy} (${daysPhrase(e.submitByDaysLeft)}).`;
}

/**
 * Not tracked, so its dates are unknown, and how to track it. A CPR card logged for CMA points
 * dates a BLS card all the same (valid through the end of its month two years on, RULES.md).
 */
function notTracked(code: CredentialCode, activities: ReturnType<typeof loadStanding>['activities'], today: string): Block[] {
  if (code === 'BLS') {
    const issuedOn = activities.filter((a) => a.unit === 'card').map((a) => a.completedOn).sort().at(-1);
    if (issuedOn) {
      const validThrough = expiryFromCertified('BLS', issuedOn);
      const days = daysBetween(today, validThrough);
      const state = `${days < 0 ? 'expired on' : 'is valid through'} ${validThrough} (${daysPhrase(days)})`;
      return [{ kind: 'paragraph', text: `You are not tracking BLS, but the latest CPR/BLS card you logged, issued ${issuedOn}, ${state}. To be reminded before a card expires, track it: \`credential add BLS certified ${issuedOn}\`.` }];
    }
    return [{ kind: 'paragraph', text: 'You are not tracking BLS, so I do not know its dates. To track it, type `credential add BLS certified <issue date>` (the date on your card).' }];
  }
  return [{ kind: 'paragraph', text: `You are not tracking ${code}, so I do not know its dates. To track it, type \`credential add ${code} expires <date>\` (the date on your card).` }];
}
