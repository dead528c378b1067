/**
 * The grammar of `log`: `<amount><unit> [category] [title] [on <date>] [from <provider>] [aama]`.
 * Unquoted `on`, `from` and `aama` are keywords; quote a title that contains them.
 */
import type { RawOptions } from '../command.js';
import { CARD_WORDS, nearCategory, toCategory, toUnit } from '../text/aliases.js';
import { readAmount } from '../text/read-amount.js';
import { isDatePhrase } from '../text/resolve-date.js';
import { joinTokens, type Token } from '../text/tokenize.js';
import { amountLaterOn } from './amount-later-on.js';

const KEYWORDS = new Set(['on', 'from', 'aama', 'aama-approved']);
// Commas and a full stop typed between the parts ("2h, clinical, HIPAA", "log 2h clinical."): not
// part of the word, or "clinical," reads as a misspelt category and "yesterday." as a title.
const TRAILING_PUNCTUATION = /[,;:.!]+$/;
// A dash or colon typed between the parts ("log 2h clinical — HIPAA"): no word at all.
const SEPARATOR = /^[-–—:|•·]+$/;
// "1h30m": hours and minutes in one word, which one entry cannot hold.
const HOURS_AND_MINUTES = /^(\d+(?:[.,]\d+)?)(h|hrs?|hours?)(\d+(?:m|mins?|minutes?)?)$/i;
// "Sun", "Sat", "Wed" end names ("from Dr Sun") as often as they mean a day: not taken from a provider.
const WEEKDAY_ABBREVIATION = /^(mon|tue|wed|thu|fri|sat|sun)$/i;

export function parseLogWords(typed: Token[]): RawOptions {
  const raw: RawOptions = {};
  // Titles and providers keep what was typed ("St. Mary's", "HIPAA - Part 2"); every other part
  // is read without the punctuation after it, and a dash between the parts is no word.
  const typedText = new Map<Token, string>();
  const separatorBefore = new Map<Token, string>();
  let separators: string[] = [];
  const rest = typed.flatMap((token) => {
    if (token.quoted) return [token];
    if (SEPARATOR.test(token.text)) {
      separators.push(token.text);
      return [];
    }
    const word = { text: token.text.replace(TRAILING_PUNCTUATION, '') || token.text, quoted: false };
    typedText.set(word, token.text);
    if (separators.length > 0) separatorBefore.set(word, separators.join(' '));
    separators = [];
    return [word];
  });
  const asTyped = (words: Token[]): string =>
    withoutClosingStop(words.map((t, i) => `${i > 0 && separatorBefore.has(t) ? `${separatorBefore.get(t)} ` : ''}${typedText.get(t) ?? t.text}`).join(' ').trim());
  readCategoryFirst(rest, raw);
  const reordered = amountLaterOn(rest);
  // Only the order is wrong: one refusal with the line to type, not "a second amount" for the only one.
  if (reordered) return { amountNotFirst: reordered };
  readAmountAndUnit(rest, raw);
  const free: Token[] = [];
  let providerWords: Token[] | undefined;
  // Title words seen before an unquoted category word: more after it make the word ambiguous.
  let freeBeforeCategory: number | undefined;
  while (rest.length > 0) {
    const token = rest.shift()!;
    const word = token.quoted ? '' : token.text.toLowerCase();
    if (word === 'on' || word === 'from') {
      // "from AAMA": the body that gave it, which is also the keyword `aama`.
      const phrase = word === 'from' && rest[0] && !rest[0].quoted && /^aama$/i.test(rest[0].text) ? [rest.shift()!] : takeUntilKeyword(rest);
      const field = word === 'on' ? 'date' : 'provider';
      // A second `on` or `from` means one of them belongs to the title: which one is a guess.
      if (raw[field] !== undefined) raw.repeatedKeyword = word;
      raw[field] = word === 'from' ? asTyped(phrase) : joinTokens(phrase);
      if (word === 'from') providerWords = phrase;
      // AAMA's own courses are AAMA-approved: "from AAMA" marks it, as the keyword `aama` does.
      if (word === 'from' && phrase.length === 1 && /^aama$/i.test(phrase[0]!.text)) raw.aama = true;
    } else if (word === 'aama' || word === 'aama-approved') {
      raw.aama = true;
      if (word === 'aama' && rest[0] && !rest[0].quoted && rest[0].text.toLowerCase() === 'approved') rest.shift();
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
  if (raw.date === undefined && providerWords && raw.repeatedKeyword === undefined) takeDateFromProvider(providerWords, raw, asTyped);
  if (freeBeforeCategory !== undefined && free.length > freeBeforeCategory) raw.categoryInTitle = raw.category;
  flagNearMisses(free, raw);
  const title = asTyped(free);
  if (title) raw.title = title;
  if (typeof raw.secondAmount === 'string') raw.secondAmount = secondAmount(raw, raw.secondAmount);
  return raw;
}

/** A second amount in one entry, and the line(s) to type instead (see `log`'s refusal). */
export interface SecondAmount {
  typed: string;
  line: string;
  /** Hours and minutes of one activity ("1h 15min"), which add up to one amount. */
  together: boolean;
}

/**
 * "1h 15min" is 1.25 hours (or, where hours would need more than 2 decimals, "1h 20min" 80
 * minutes); "2 hours … 1 hour …", two amounts of one unit or of units that do not add up, are
 * two activities.
 */
function secondAmount(raw: RawOptions, typed: string): SecondAmount {
  const first = { amount: String(raw.amount ?? ''), unit: raw.unit === undefined ? undefined : toUnit(String(raw.unit)) };
  // "1h30": the minutes of HOURS_AND_MINUTES may come without their unit.
  const second = readAmount(typed.replace(/\s+/g, '')) ?? { amount: typed };
  const secondUnit = second.unitWord === undefined ? 'minutes' : toUnit(second.unitWord);
  const units = [first.unit, secondUnit].sort().join(' ');
  const numbers = [Number(first.amount), Number(second.amount)];
  if (units === 'hours minutes' && numbers.every((n) => Number.isFinite(n))) {
    const minutes = first.unit === 'hours' ? numbers[0]! * 60 + numbers[1]! : numbers[0]! + numbers[1]! * 60;
    const hundredths = (minutes * 100) / 60;
    const sum = Math.abs(hundredths - Math.round(hundredths)) < 1e-9 ? `${Math.round(hundredths) / 100}h` : `${Math.round(minutes * 100) / 100}min`;
    const category = raw.category === undefined ? '' : ` ${String(raw.category)}`;
    return { typed, line: `log ${sum}${category} …`, together: true };
  }
  // As typed: "2h" stays "2h", "2 hours" keeps its space.
  const unitWord = String(raw.unit ?? '');
  const firstTyped = /^(?:h|hrs?|m|mins?)$/i.test(unitWord) ? `${first.amount}${unitWord}` : `${first.amount} ${unitWord}`.trim();
  return { typed, line: `\`log ${firstTyped} …\`, then \`log ${typed} …\``, together: false };
}

/** Abbreviations whose full stop belongs to the name when it ends the line ("Relias Inc.", "etc."). */
const ABBREVIATION = /(?:^|\s)(?:inc|co|corp|ltd|llc|lp|plc|bros|st|dr|jr|sr|etc|dept|univ|assn|assoc|intl|pt|no|vol)\.$/i;

/**
 * Without the punctuation that closes the line ("Sepsis." "Relias!", "Wound care."), but keeping
 * the full stop of an abbreviation, which belongs to the name.
 */
function withoutClosingStop(text: string): string {
  const kept = text.replace(/[,;:!]+$/, '');
  return ABBREVIATION.test(kept) ? kept : kept.replace(TRAILING_PUNCTUATION, '');
}

/**
 * "from yesterday", "from Relias Nov 2": the date a member put after `from` (as people say "from
 * yesterday's session"), not a provider called "yesterday" with the activity dated today.
 */
function takeDateFromProvider(words: Token[], raw: RawOptions, asTyped: (words: Token[]) => string): void {
  const last = words[words.length - 1];
  if (!last || WEEKDAY_ABBREVIATION.test(last.text)) return;
  const date = takeTrailingDate(words);
  if (!date) return;
  raw.date = date;
  if (words.length > 0) raw.provider = asTyped(words);
  else delete raw.provider;
}

/** "log clinical 2h Sepsis": the category before the amount reads one way only. */
function readCategoryFirst(rest: Token[], raw: RawOptions): void {
  const [first, second] = rest;
  if (!first || !second || first.quoted || second.quoted || !toCategory(first.text) || !readAmount(second.text)) return;
  raw.category = first.text.toLowerCase();
  rest.shift();
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
  const both = HOURS_AND_MINUTES.exec(first.text);
  if (both) {
    rest.shift();
    [raw.amount, raw.unit, raw.secondAmount] = [both[1]!, both[2]!, both[3]!];
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
    skipOf(rest);
    return;
  }
  const next = rest[0];
  // "log 2 clinical hours": the unit after the category still belongs to the amount.
  const unitAfter = rest[1] && !rest[1].quoted && toUnit(rest[1].text) ? rest[1].text : undefined;
  if (next && !next.quoted && toCategory(next.text) && unitAfter) {
    raw.unit = unitAfter;
    rest.splice(1, 1);
    return;
  }
  if (!next || next.quoted || KEYWORDS.has(next.text.toLowerCase()) || toCategory(next.text)) return;
  // "2 college credits", "1 nha credit", "3 contact hours" are two words for one unit; so is "2 ce
  // credits", for the unit's refusal to ask which credits.
  const pair = rest[1] ? `${next.text}-${rest[1].text}`.toLowerCase() : '';
  if (pair && (toUnit(pair) || /^ce-credits?$/.test(pair))) {
    raw.unit = pair;
    rest.splice(0, 2);
  } else {
    raw.unit = next.text;
    rest.shift();
  }
  skipOf(rest);
}

/** "2 hours of clinical": "of" joins the amount to what follows, it starts no title. */
function skipOf(rest: Token[]): void {
  if (rest.length > 1 && !rest[0]!.quoted && rest[0]!.text.toLowerCase() === 'of') rest.shift();
}

function takeUntilKeyword(rest: Token[]): Token[] {
  const taken: Token[] = [];
  while (rest.length > 0 && (rest[0]!.quoted || !KEYWORDS.has(rest[0]!.text.toLowerCase()))) taken.push(rest.shift()!);
  return taken;
}

// "this morning", "earlier today": today, said as a part of it (chrono reads no day in them).
const PART_OF_TODAY = /^(?:this (?:morning|afternoon|evening)|earlier today)$/i;

/** A date at the end without `on`: "yesterday", "2026-11-01", "Nov 1", "last friday", "3 days ago". */
function takeTrailingDate(free: Token[]): string | undefined {
  const lastTwo = free.slice(-2);
  if (lastTwo.length === 2 && !lastTwo.some((t) => t.quoted) && PART_OF_TODAY.test(joinTokens(lastTwo))) {
    free.splice(-2);
    return 'today';
  }
  for (let size = Math.min(4, free.length); size >= 1; size--) {
    const tail = free.slice(free.length - size);
    if (tail.some((t) => t.quoted)) continue;
    const phrase = joinTokens(tail);
    if (isDatePhrase(phrase)) return joinTokens(free.splice(free.length - size));
  }
  return undefined;
}
