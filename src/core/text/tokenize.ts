export interface Token {
  text: string;
  /** True when the user wrote it in quotes: never a keyword, unit or category. */
  quoted: boolean;
}

/** Each quote that opens a phrase, and the one that closes it (Slack and phones type curly ones). */
const CLOSING: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
// These also stand for an apostrophe ("Patient's rights", ‘Women’s health’), so they close only at a word's end.
const APOSTROPHES = new Set(["'", '’']);
// A double quote left open runs to the end of the line; a lone single quote is a word's apostrophe ('90s).
const OPEN_TO_END = new Set(['"', '“']);
// A closing quote may have a comma or a stop after it ("Sepsis", from …).
const WORD_END = /^[\s,;:.!?)]?$/;
const WORD_START = /^[\s(]?$/;

/**
 * Splits a command line on spaces, keeping "quoted phrases" (straight or curly quotes) whole,
 * with any quotes inside them as typed: "Intro to "HIPAA" basics", 'Patient's rights'.
 */
export function tokenize(line: string): Token[] {
  return scan(line).map(({ text, quoted }) => ({ text, quoted }));
}

/** The quoted phrases of a sentence, where each stands in it (quotes included), for words read around them. */
export function quotedSpans(line: string): Array<{ text: string; from: number; to: number }> {
  return scan(line).filter((t) => t.quoted);
}

function scan(line: string): Array<Token & { from: number; to: number }> {
  const tokens: Array<Token & { from: number; to: number }> = [];
  let at = 0;
  while (at < line.length) {
    if (/\s/.test(line[at]!)) {
      at++;
      continue;
    }
    const close = CLOSING[line[at]!];
    const end = close === undefined ? -1 : closingQuote(line, at, close);
    if (close !== undefined && (end >= 0 || OPEN_TO_END.has(line[at]!))) {
      const stop = end >= 0 ? end : line.length;
      tokens.push({ text: line.slice(at + 1, stop).trim(), quoted: true, from: at, to: stop + 1 });
      at = stop + 1;
      continue;
    }
    const word = /^\S+/.exec(line.slice(at))![0];
    tokens.push({ text: word, quoted: false, from: at, to: at + word.length });
    at += word.length;
  }
  return tokens;
}

type QuoteRole = 'opens' | 'closes' | 'inside';

/**
 * Where the phrase opened at `start` closes, or -1. Quotes inside pair up as a reader pairs them:
 * one after a space opens, one before a space (or the end) closes, one within a word is part of
 * it. A quote that would close the phrase but can be a mark (a plural's apostrophe, an inch sign)
 * is taken as part of it when the next quote closes too ('Nurses' station safety', "Size 14" gauge
 * needles"), unless the word after it cannot follow such a mark ('Ethics' from Physicians' Guild).
 */
function closingQuote(line: string, start: number, close: string): number {
  const open = line[start]!;
  let depth = 1;
  let first = -1;
  for (let at = start + 1; at < line.length; at++) {
    const role = roleOf(line, at, open, close);
    if (role === 'opens') depth++;
    if (role !== 'closes') continue;
    if (first < 0) first = at;
    if (depth === 1 && canBeMark(line, at) && nextRole(line, at + 1, open, close) === 'closes') continue;
    depth--;
    if (depth === 0) return at;
  }
  // A stray double quote inside leaves the nesting unbalanced ("Sepsis from "Relias" on …): the
  // first close ends the phrase, not the line, so that the date and provider after it are read.
  return OPEN_TO_END.has(open) ? first : -1;
}

// "Nurses' station", "Physicians’ Guild": a plural's apostrophe; "14" gauge", "4” gauze": an inch sign.
// Neither comes before a keyword, a preposition or a date: "'Ethics' on …", "'Ethics' for nurses'".
const NOT_AFTER_MARK = /^(?:on|from|aama|for|at|by|with|via|through|in|of|to|about|and|or|but|the|a|an|today|yesterday|\d.*)$/i;

function canBeMark(line: string, at: number): boolean {
  const next = /^\s+([^\s,;:.!?]+)/.exec(line.slice(at + 1))?.[1] ?? '';
  if (NOT_AFTER_MARK.test(next)) return false;
  return APOSTROPHES.has(line[at]!) ? /s/i.test(line[at - 1] ?? '') : /\d/.test(line[at - 1] ?? '');
}

function nextRole(line: string, from: number, open: string, close: string): QuoteRole | undefined {
  for (let at = from; at < line.length; at++) {
    const role = roleOf(line, at, open, close);
    if (role !== 'inside') return role;
  }
  return undefined;
}

function roleOf(line: string, at: number, open: string, close: string): QuoteRole {
  const quote = line[at];
  if (quote !== open && quote !== close) return 'inside';
  const afterWord = !WORD_START.test(line[at - 1] ?? '');
  const beforeWord = !WORD_END.test(line[at + 1] ?? '');
  if (open !== close) {
    if (quote === open) return 'opens';
    return APOSTROPHES.has(quote) && beforeWord ? 'inside' : 'closes';
  }
  if (!afterWord && beforeWord) return 'opens';
  if (!beforeWord) return 'closes';
  return APOSTROPHES.has(quote) ? 'inside' : 'closes';
}

/** `line` with `span` blanked where it stood (and the words before it that `lead` matches, "from"): the words around keep their places. */
export function withoutSpan(line: string, span: { from: number; to: number } | undefined, lead = /$/): string {
  if (!span) return line;
  const from = lead.exec(line.slice(0, span.from))!.index;
  return `${line.slice(0, from)}${' '.repeat(span.to - from)}${line.slice(span.to)}`;
}

/** `phrase` in quotes, with the quotes inside it as said when it reads back as one phrase; else without them. */
export function asOnePhrase(phrase: string): string {
  const line = `"${phrase}"`;
  const read = tokenize(line);
  return read.length === 1 && read[0]!.text === phrase ? line : `"${phrase.replace(/"/g, '')}"`;
}

export function joinTokens(tokens: Token[]): string {
  return tokens.map((t) => t.text).join(' ').trim();
}
