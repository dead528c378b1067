/** Text helpers both platform renderers need: a progress bar drawn in block characters, and limits. */
export function bar(earned: number, required: number, width = 10): string {
  const filled = Math.round((required > 0 ? Math.min(1, earned / required) : 1) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "<@U123> how am I doing?" → "how am I doing?": only the bot's own mention (`<@id>`, `<@!id>`, `<@id|name>`) goes. */
export function withoutMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.replace(/\s+/g, ' ').trim();
  return text.replace(new RegExp(`<@!?${botUserId}(\\|[^>]*)?>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** Token-shaped strings (Slack bot, user and app tokens) blanked out of anything bound for a log. */
export function scrubTokens(text: string): string {
  return text.replace(/\b(xox[a-z]|xapp)-[\w-]+/g, '[token]');
}

/** A long text as pieces of at most `max` characters, split between lines (a line too long is cut). */
export function splitAtLines(text: string, max: number): string[] {
  // Most texts fit: the same answer as the loop below (which also drops leading blank lines).
  if (text.length <= max && text[0] !== '\n') return text ? [text] : [];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > max && current) {
      parts.push(current);
      current = truncate(line, max);
    } else current = truncate(next, max);
  }
  if (current) parts.push(current);
  return parts;
}
