/**
 * "do my BLS hours count for CMA", "does BLS count toward my CMA?", "can I use my CPR class for
 * RMA": whether a CPR/BLS card earns credit toward a credential, answered from the rule packs
 * (RULES.md "CPR / BLS card" and each body's rules). A question only: nothing is logged.
 */
import { RULE_PACKS, getRulePack, type RulePack } from '../rules/index.js';
import type { CredentialCode } from '../rules/types.js';
import { reply, type Reply } from '../reply.js';

// Asked, not told: "I renewed my BLS, does it count?" is a statement that logs the card (understand-plain-language.ts).
const ASKS = /^(?:(?:so|and|but|hey|hi|quick question)[\s,]+)?(?:do|does|did|can|could|will|would|is|are|should|may|might|how (?:many|much))\b/;
const CARD = /\b(?:cpr|bls)\b/;
// About credit, not the card's own dates ("does my BLS expire?") or need ("do I need CPR?").
const ABOUT_CREDIT = /\b(?:count|counts|counted|qualify|qualifies|apply|applies|accepted|accept|use|used|points?|credits?|ceus?|worth)\b/;
// What is still needed, the card only mentioned ("how many points do I still need, counting my CPR
// card?", "do I need more points after my BLS?"): for `need`, which counts the card logged.
const ASKS_NEED = /^(?:(?:so|and|but|hey|hi|quick question)[\s,]+)?(?:do i (?:still )?need (?:more|any more|anything)|how (?:many|much)\b[^,]*\b(?:need|needed|left|remaining|to go))\b/;
const NAMED: ReadonlyArray<[RegExp, CredentialCode]> = [
  [/\bcmas\b/, 'CMAS'], [/\bncma\b|\bncct\b/, 'NCMA'], [/\bcma\b|\baama\b/, 'CMA'], [/\brma\b|\bamt\b/, 'RMA'],
  [/\bccma\b|\bnha\b/, 'CCMA'], [/\bcmaa\b/, 'CMAA'], [/\bcpt\b/, 'CPT'], [/\bcet\b/, 'CET'],
];
const CE_PACKS = RULE_PACKS.filter((p) => p.cprCard !== null);

/** The credentials a question names, by code or by body ("for AAMA"), lowercase `said`. */
export function credentialsNamed(said: string): CredentialCode[] {
  return NAMED.filter(([words]) => words.test(said)).map(([, code]) => code);
}

/** The packs a question is about, labelled with the credentials meant ("CCMA, CPT (NHA)"): those named, else all. */
export function packsAsked(said: string): Array<{ pack: RulePack; label: string }> {
  const named = credentialsNamed(said);
  const packs = named.length > 0 ? [...new Set(named.map(getRulePack))].filter((p) => p.cprCard !== null) : CE_PACKS;
  return packs.map((pack) => {
    const codes = named.length > 0 ? named.filter((code) => getRulePack(code) === pack) : pack.credentials.map((c) => c.code);
    return { pack, label: `${codes.join(', ')} (${pack.body})` };
  });
}

/** The answer to a question whether a CPR/BLS card counts, or undefined when the text is not one. */
export function cardCountsAnswer(text: string): Reply | undefined {
  const said = text.trim().toLowerCase().replace(/[’‘]/g, "'");
  if (!ASKS.test(said) || !CARD.test(said) || !ABOUT_CREDIT.test(said) || ASKS_NEED.test(said)) return undefined;
  const named = credentialsNamed(said);
  const how = 'To count a card, log it by the date it was issued: `log cpr on <issue date>`.';
  if (named.length === 0) {
    return reply([
      { kind: 'paragraph', text: 'Whether a CPR/BLS card counts depends on the credential:' },
      { kind: 'list', items: CE_PACKS.map((pack) => packAnswer(pack, pack.credentials.map((c) => c.code))) },
      { kind: 'paragraph', text: how },
    ]);
  }
  const packs = [...new Set(named.map(getRulePack))];
  const items = packs.map((pack) => packAnswer(pack, named.filter((code) => getRulePack(code) === pack)));
  const accepted = packs.some((pack) => pack.cprCard?.accepted);
  // The card still expires: tracked as a credential of its own, it gets renewal reminders.
  const track = 'To be reminded before the card itself expires, track it: `credential add BLS certified <issue date>`.';
  return reply([...items.map((item) => ({ kind: 'paragraph' as const, text: item })), { kind: 'paragraph', text: accepted ? how : track }]);
}

function packAnswer(pack: RulePack, codes: readonly CredentialCode[]): string {
  const label = `${codes.join(', ')} (${pack.body})`;
  const rule = pack.cprCard!;
  if (!rule.accepted) return `${label}: no. ${rule.status === 'U' ? `${rule.reason.replace(/\.$/, '')} (unverified).` : rule.reason}`;
  const points = rule.points.value;
  const cards = rule.maxCards.value;
  const yes = `${label}: yes. A CPR/BLS card issued within your current cycle counts as ${points} ${rule.category} points, at most ${cards} cards (${points * cards} points); the card counts, not the hours of the class.`;
  if (rule.countsAsApproved.status !== 'U' || !pack.approved) return yes;
  // RULES.md: AAMA posts CPR points to the transcript but does not say whether they are AAMA-approved.
  return `${yes} Whether card points also count toward the ${pack.approved.minimum.value} ${pack.body}-approved points, ${pack.body} does not say (unverified); \`settings rules\` shows how they are counted here.`;
}
