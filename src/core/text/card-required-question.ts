/**
 * "do I need CPR for my CMA?", "is BLS required": whether renewing a credential needs a current
 * CPR/BLS card. RULES.md says so only of the CMA (not required since 2013-06-01); for the others it
 * is silent, and the answer says that. A question only: nothing is logged.
 */
import { reply, type Reply } from '../reply.js';
import { packsAsked } from './card-counts-question.js';

const ASKS = /^(?:(?:so|and|but|quick question)[\s,]+)?(?:do|does|is|are|am|must|should|will)\b/;
const CARD = /\b(?:cpr|bls)\b/;
// "do I need to log my CPR card?" asks how, not whether the card is required.
// Not "do I need more points after my BLS?" nor "still need": those ask what is left (`need`).
const REQUIRED = /(?<!\bstill )\b(?:need|needs|needed)\b(?! to\b| (?:more|any more|anything)\b)|\b(?:required|require|requires|mandatory|have to (?:have|keep|get)|must (?:have|keep))\b/;

/** The answer to a question whether a CPR/BLS card is required, or undefined when the text is not one. */
export function cardRequiredAnswer(text: string): Reply | undefined {
  const said = text.trim().toLowerCase().replace(/[’‘]/g, "'");
  if (!ASKS.test(said) || !CARD.test(said) || !REQUIRED.test(said)) return undefined;
  const items = packsAsked(said).map(({ pack, label }) => {
    // RULES.md "CMA (AAMA)": "CPR is not required for recertification (since 2013-06-01)" (V); the pack's note cites it.
    const note = pack.notes.find((n) => /\bCPR is not required\b/.test(n));
    return `${label}: ${note ? `no. ${note}` : `my rules do not say; ask ${pack.body}.`}`;
  });
  return reply([
    { kind: 'paragraph', text: 'Whether renewing needs a current CPR/BLS card:' },
    { kind: 'list', items },
    { kind: 'paragraph', text: 'To be reminded before your card expires, track it: `credential add BLS certified <issue date>`. `does CPR count?` says what a card earns.' },
  ]);
}
