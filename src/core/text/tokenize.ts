export interface Token {
  text: string;
  /** True when the user wrote it in quotes: never a keyword, unit or category. */
  quoted: boolean;
}

/** Splits a command line on spaces, keeping "quoted phrases" (straight or curly quotes) whole. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /"([^"]*)"?|“([^”]*)”?|'([^']*)'(?=\s|$)|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    const quotedText = match[1] ?? match[2] ?? match[3];
    if (quotedText !== undefined) tokens.push({ text: quotedText.trim(), quoted: true });
    else tokens.push({ text: match[4] ?? '', quoted: false });
  }
  return tokens;
}

export function joinTokens(tokens: Token[]): string {
  return tokens.map((t) => t.text).join(' ').trim();
}
