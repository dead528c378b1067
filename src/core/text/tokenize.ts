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
 * it. A quote that would close the phrase is taken as part of it when another closing one follows
 * with none opening between ("Nurses' station training'"): that one is left without a pair otherwise.
 */
function closingQuote(line: string, start: number, close: string): number {
  const open = line[start]!;
  let depth = 1;
  for (let at = start + 1; at < line.length; at++) {
    const role = roleOf(line, at, open, close);
    if (role === 'opens') depth++;
    if (role !== 'closes') continue;
    if (depth === 1 && nextRole(line, at + 1, open, close) === 'closes') continue;
    depth--;
    if (depth === 0) return at;
  }
  return -1;
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

function nextRole(line: string, from: number, open: string, close: string): QuoteRole | undefined {
  for (let at = from; at < line.length; at++) {
    const role = roleOf(line, at, open, close);
    if (role !== 'inside') return role;
  }
  return undefined;
}

export function joinTokens(tokens: Token[]): string {
  return tokens.map((t) => t.text).join(' ').trim();
}
