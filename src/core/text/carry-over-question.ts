/**
 * "do my extra CEUs roll over?", "can hours carry over to my next cycle": whether credit beyond what
 * a cycle needs counts in the next, answered from RULES.md. A question only: nothing is logged.
 */
import type { RulePack } from '../rules/index.js';
import { reply, type Reply } from '../reply.js';
import { packsAsked } from './card-counts-question.js';

const CARRY_OVER = /\b(?:roll|rolls|rolled|carry|carries|carried|transfer|transfers) (?:\w+ )?over\b|\brollover\b|\bcarry-?over\b|\b(?:count|counts) (?:for|toward|towards|in) (?:my |the )?next (?:cycle|period|renewal)\b/;
// "I did 2h on rollover injuries", "did 2h on rollover injuries" are statements, for `log`.
const STATEMENT = /^(?:i|i've|i have|just)\b|^(?:did|completed|finished|attended|took|watched) (?:an?\b|\.?\d)/;

const SAYS: Partial<Record<RulePack['code'], string>> = {
  // RULES.md "CMA (AAMA)": the earning window is the current period (V).
  CMA: 'no: AAMA counts only points earned in your current period, and nothing rolls over.',
  // RULES.md "RMA and CMAS (AMT)": nothing rolls over into the next cycle (V).
  AMT: 'no: AMT counts only points earned inside the CCP cycle, and nothing rolls over into the next.',
  // RULES.md "NHA": no carry-over is stated for NHA's pharmacy technicians only (U for CCMA).
  NHA: 'probably not: NHA says extra credits do not carry over for its pharmacy technicians; for these credentials that is unverified.',
};

/** The answer to a question whether extra credit carries over, or undefined when the text is not one. */
export function carryOverAnswer(text: string): Reply | undefined {
  const said = text.trim().toLowerCase().replace(/[’‘]/g, "'");
  if (!CARRY_OVER.test(said) || STATEMENT.test(said)) return undefined;
  const items = packsAsked(said).map(({ pack, label }) => `${label}: ${SAYS[pack.code] ?? `my rules say nothing about carrying credit over; ask ${pack.body}.`}`);
  return reply([{ kind: 'paragraph', text: 'Whether extra credit carries over to your next cycle:' }, { kind: 'list', items }]);
}
