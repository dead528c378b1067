export interface Token {
  text: string;
  /** True when the user wrote it in quotes: never a keyword, unit or category. */
  quoted: boolean;
}

/** Splits a command line on spaces, keeping "quoted phrases" (straight or curly quotes) whole. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  // Slack and phones turn 'quotes' into ‘curly’ ones; the closing ’ is also an apostrophe
  // (‘Women’s health’), so only one before a space or the end closes.
  const pattern = /"([^"]*)"?|“([^”]*)”?|'([^']*)'(?=\s|$)|‘(.*?)’(?=\s|$)|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    const quotedText = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (quotedText !== undefined) tokens.push({ text: quotedText.trim(), quoted: true });
    else tokens.push({ text: match[5] ?? '', quoted: false });
  }
  return tokens;
}

export function joinTokens(tokens: Token[]): string {
  return tokens.map((t) => t.text).join(' ').trim();
}
