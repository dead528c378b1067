/**
 * The grammar of `log`: `<amount><unit> [category] [title] [on <date>] [from <provider>] [aama]`.
 * Unquoted `on`, `from` and `aama` are keywords; quote a title that contains them.
 */
import type { RawOptions } from '../command.js';
import { CARD_WORDS, nearCategory, toCategory, toUnit } from '../text/aliases.js';
import { readAmount } from '../text/read-amount.js';
import { isDatePhrase } from '../text/resolve-date.js';
import { joinTokens, type Token } from '../text/tokenize.js';

const KEYWORDS = new Set(['on', 'from', 'aama', 'aama-approved']);

export function parseLogWords(tokens: Token[]): RawOptions {
  const raw: RawOptions = {};
  const rest = [...tokens];
  readAmountAndUnit(rest, raw);
  const free: Token[] = [];
  // Title words seen before an unquoted category word: more after it make the word ambiguous.
  let freeBeforeCategory: number | undefined;
  while (rest.length > 0) {
    const token = rest.shift()!;
    const word = token.quoted ? '' : token.text.toLowerCase();
    if (word === 'on' || word === 'from') {
      const phrase = takeUntilKeyword(rest);
      const field = word === 'on' ? 'date' : 'provider';
      // A second `on` or `from` means one of them belongs to the title: which one is a guess.
      if (raw[field] !== undefined) raw.repeatedKeyword = word;
      raw[field] = joinTokens(phrase);
    } else if (word === 'aama' || word === 'aama-approved') {
      raw.aama = true;
    } else if (word && toCategory(word) && raw.category === undefined) {
      raw.category = word;
      if (free.length > 0) freeBeforeCategory = free.length;
    } else if (word && toCategory(word)) {
      raw.secondCategory = word;
    } else {
      const second = raw.secondAmount === undefined && raw.amount !== undefined ? takeSecondAmount(token, rest) : undefined;
      if (second) raw.secondAmount = second;
      else free.push(token);
    }
  }
  if (raw.date === undefined) {
    const date = takeTrailingDate(free);
    if (date) raw.date = date;
  }
  if (freeBeforeCategory !== undefined && free.length > freeBeforeCategory) raw.categoryInTitle = raw.category;
  flagNearMisses(free, raw);
  const title = joinTokens(free);
  if (title) raw.title = title;
  return raw;
}

/**
 * Words that are probably slips, flagged for the schema: a first title word one letter off a
 * category ("clinial") would be logged with no category and count for nothing toward a CMA; a
 * lowercase `form` before a last capitalised word ("form Relias") is probably `from`, but "form" is
 * a real title word ("Consent form review"), so that one is only a hint, not a refusal.
 */
function flagNearMisses(free: Token[], raw: RawOptions): void {
  const first = free[0];
  if (first && !first.quoted && raw.category === undefined && nearCategory(first.text)) raw.categoryTypo = first.text;
  const [form, last] = free.slice(-2);
  if (raw.provider === undefined && free.length >= 2 && form && last && !form.quoted && !last.quoted && form.text === 'form' && /^\p{Lu}/u.test(last.text)) {
    raw.providerAfterForm = last.text;
  }
}

/** "30min" or "30 min" after the amount: a second amount, which one entry cannot hold (its unit word is taken too). */
function takeSecondAmount(token: Token, rest: Token[]): string | undefined {
  if (token.quoted) return undefined;
  const words = readAmount(token.text);
  if (!words) return undefined;
  if (words.unitWord) return toUnit(words.unitWord) ? token.text : undefined;
  const next = rest[0];
  if (!next || next.quoted || !toUnit(next.text)) return undefined;
  rest.shift();
  return `${token.text} ${next.text}`;
}

function readAmountAndUnit(rest: Token[], raw: RawOptions): void {
  const first = rest[0];
  if (!first || first.quoted) return;
  if (CARD_WORDS.has(first.text.toLowerCase())) {
    rest.shift();
    if (rest[0] && /^cards?$/i.test(rest[0].text)) rest.shift();
    raw.cpr = true;
    // "log cpr 2h ..." gives an amount a card does not have: keep it so the schema can say so.
    const amount = rest[0] && !rest[0].quoted ? readAmount(rest[0].text) : undefined;
    if (amount) {
      raw.amount = amount.amount;
      rest.shift();
    }
    return;
  }
  const words = readAmount(first.text);
  if (!words) {
    raw.amount = first.text; // not a number: the schema says what to type instead
    rest.shift();
    return;
  }
  rest.shift();
  raw.amount = words.amount;
  if (words.unitWord) {
    raw.unit = words.unitWord;
    return;
  }
  const next = rest[0];
  if (!next || next.quoted || KEYWORDS.has(next.text.toLowerCase()) || toCategory(next.text)) return;
  // "2 college credits", "1 nha credit", "3 contact hours" are two words for one unit.
  const pair = rest[1] ? `${next.text}-${rest[1].text}`.toLowerCase() : '';
  if (pair && toUnit(pair)) {
    raw.unit = pair;
    rest.splice(0, 2);
  } else {
    raw.unit = next.text;
    rest.shift();
  }
}

function takeUntilKeyword(rest: Token[]): Token[] {
  const taken: Token[] = [];
  while (rest.length > 0 && (rest[0]!.quoted || !KEYWORDS.has(rest[0]!.text.toLowerCase()))) taken.push(rest.shift()!);
  return taken;
}

/** A date at the end without `on`: "yesterday", "2026-11-01", "Nov 1", "last friday", "3 days ago". */
function takeTrailingDate(free: Token[]): string | undefined {
  for (let size = Math.min(4, free.length); size >= 1; size--) {
    const tail = free.slice(free.length - size);
    if (tail.some((t) => t.quoted)) continue;
    const phrase = joinTokens(tail);
    if (isDatePhrase(phrase)) return joinTokens(free.splice(free.length - size));
  }
  return undefined;
}
