/**
 * Plain questions and statements, rewritten as the command they mean, so that they go through
 * the same grammar and schema as typed commands. Returns undefined when nothing matches.
 */
import { nearCategory } from './aliases.js';
import { findDatePhrase } from './resolve-date.js';

// Deadline questions come first: "how many days left?" asks when, not how much.
const DEADLINE = /\b(when (does|do|will|is|am|are) .*\b(expire|expires|end|ends|due|lapse|lapses|renew|renewal|deadline)|how long (do i have|have i got|until|till|left)|days (do i have )?left)\b/;
const STATUS = /\b(how am i doing|how'?m i doing|how do i stand|where do i stand|where am i|am i on track|my (status|progress)|show (me )?(my )?(status|progress))\b/;
const NEED = /\b(what (else )?do i (still )?need|what('?s| is) (still )?(left|missing|remaining)|how (much|many)\b.*\b(need|needed|left|remaining|to go|more|missing)|what am i missing|still need)\b/;
const HISTORY = /\b(what have i logged|my (activities|history|log)|show (me )?my (activities|history|log))\b/;
// Only an explicit request: "oops, wrong window" is chat, and undoing on it would change data.
const UNDO = /^(please )?(undo( that| it| the last one)?|take (that|it) back)( please)?$/;
const HELP = /^(hi|hello|hey|help|what can you do|how does this work)\b|\b(can|could) you help\b|\bhelp me\b|\bi need help\b/;
const DID = /\b(i|i've|i have)( just)? (did|do|completed|finished|attended|took|earned|got|watched|spent|renewed|done|taken)\b|^(just )?(did|completed|finished|attended|took|watched|earned|renewed)\b(?! (i|you|we|my|it|that|this)\b)/i;
// A sentence that opens "I did …", "I completed …" is a statement, whatever follows ("…, does it
// count?"), and is read before the questions, whose words may be its topic ("how much water
// patients need").
const OPENS_AS_STATEMENT = /^(i|i've|i have)( just)? (did|completed|finished|attended|took|earned|got|watched|spent|renewed|done|taken)\b/;
// Without "I", "did …" is a statement only before "a"/"an"/a number ("did a 1 hour webinar"):
// "did the webinar count" is a question that lost its "?". Nor is any line asking whether it counts.
const DID_WITHOUT_SUBJECT = /^(just )?did (?!(a|an|\d)\b)/;
const ASKS_IF_IT_COUNTS = /\b(count|counts|counted|qualify|qualifies|go through|work|apply)( (toward|towards|for)\b.*)?$/;
const AMOUNT = /(\d+(?:[.,]\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|min|ceus?|iacet(?: ceus?)?|points?|pts|nha[ -]credits?|college[ -]credits?)\b/i;
const CATEGORY = /\b(administrative|admin|clinical|clin|general)\b/i;
const CARD = /\b(cpr|bls)( card)?\b/i;
const FILLER = /\b(i|i've|have|just|did|do|completed|finished|attended|took|earned|got|watched|spent|done|taken|renewed|of|a|an|the|my|some|hours?|ce|ceus?|training|course|class|continuing|education|credit|credits|today|approved|aama)\b/gi;
const PROVIDER = /\b(?:from|with|by|via|through) ([\w'&-]+(?: [\w'&-]+)?)\s*$/i;
// "at Relias" names who gave it, but "at work" or "at home" does not: only a capitalised name after "at".
const PROVIDER_AT = /\b[Aa]t (\p{Lu}[\w'&-]*(?: [\w'&-]+)?)\s*$/u;
// Words that join a topic to the sentence ("training on HIPAA", "3 CEUs in general"), not part of it; a
// leading "at" stays, since "at work" without a provider is where it happened.
const EDGE_PREPOSITIONS = /^((on|about|in|for|of|and)\s+)+|(\s+(on|about|in|for|at|of|and))+$/gi;

export function understandPlainLanguage(text: string): string | undefined {
  const original = text.replace(/[?!.,]+(\s|$)/g, ' ').replace(/\s+/g, ' ').trim();
  const said = original.toLowerCase();
  const question = /\?\s*$/.test(text);
  if (OPENS_AS_STATEMENT.test(said)) {
    const line = logLine(original);
    if (line) return line;
  }
  if (DEADLINE.test(said)) return 'status';
  if (NEED.test(said)) return 'need';
  if (STATUS.test(said)) return 'status';
  if (HISTORY.test(said)) return 'history';
  if (UNDO.test(said)) return 'undo';
  if (DID.test(said) && !question && !DID_WITHOUT_SUBJECT.test(said) && !ASKS_IF_IT_COUNTS.test(said)) return logLine(original);
  if (HELP.test(said)) return 'help';
  return undefined;
}

function logLine(said: string): string | undefined {
  const date = findDatePhrase(said);
  const datePart = date ? ` on ${date.replace(/^on /i, '')}` : '';
  if (CARD.test(said) && !AMOUNT.test(said)) return `log cpr${datePart}`;
  const amount = AMOUNT.exec(said);
  if (!amount) return undefined;
  const second = new RegExp(AMOUNT.source, 'gi').exec(said.slice(amount.index + amount[0].length));
  // "2 hours clinical and 1 hour admin": pass both on so that `log` refuses, never drop one.
  if (second) return `log ${amount[1]} ${unitWord(amount[2]!)} ${second[1]} ${unitWord(second[2]!)}`;
  const unit = unitWord(amount[2]!);
  const category = CATEGORY.exec(said)?.[0]?.toLowerCase();
  const aama = /\baama\b/i.test(said) ? ' aama' : '';
  let rest = said.replace(amount[0], ' ').replace(/\baama(-| )?(approved)?\b/gi, ' ');
  if (date && rest.includes(date)) {
    // chrono's "Nov 2" leaves the "on" before it, which is not part of the title.
    const at = rest.indexOf(date);
    rest = `${rest.slice(0, at).replace(/\bon\s*$/i, '')} ${rest.slice(at + date.length)}`;
  }
  if (category) rest = rest.replace(new RegExp(`\\b(?:(?:in|of|for) )?${category}\\b`, 'i'), ' ');
  rest = rest.replace(/\s+/g, ' ').trim();
  const providerPattern = PROVIDER.test(rest) ? PROVIDER : PROVIDER_AT;
  const provider = providerPattern.exec(rest)?.[1];
  const title = rest.replace(providerPattern, ' ').replace(FILLER, ' ').replace(/\s+/g, ' ').trim().replace(EDGE_PREPOSITIONS, '');
  return [
    `log ${amount[1]} ${unit}`,
    category ?? '',
    title ? titleWords(title, Boolean(category)) : '',
    datePart.trim(),
    provider ? `from ${provider}` : '',
    aama.trim(),
  ].filter(Boolean).join(' ');
}

/**
 * The topic, quoted so that none of its words read as keywords; but a first word one slip from a
 * category ("clinial training") is left bare, for `log` to ask about rather than keep as a title.
 */
function titleWords(title: string, hasCategory: boolean): string {
  const [first = '', ...others] = title.replace(/"/g, '').split(' ');
  if (hasCategory || !nearCategory(first)) return `"${title.replace(/"/g, '')}"`;
  return others.length > 0 ? `${first} "${others.join(' ')}"` : first;
}

function unitWord(said: string): string {
  return said.replace(/ /g, '-').replace(/^iacet-ceus?$/, 'iacet');
}
