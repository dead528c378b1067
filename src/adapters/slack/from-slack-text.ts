/**
 * Slack sends message and slash-command text with `&`, `<` and `>` as HTML entities (its own `<…>`
 * stay raw for mentions, channels and links): decoded here, so a title typed `Q&A` is stored as
 * typed and not shown back as `Q&amp;A`. `&amp;` goes last so a typed `&lt;` survives.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function fromSlackText(text: string): string {
  if (!text.includes('&') && !text.includes('<')) return text;
  // Links first: a typed `&lt;http://x&gt;` is text, and must not become a link by decoding.
  return withoutLinks(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Slack makes a link of an address or a domain a member types (`from CEUfast.com` arrives as
 * `from <http://CEUfast.com|CEUfast.com>`, an e-mail address as `<mailto:…|…>`): each is put back
 * as typed, its label, or the address itself. A link starts with a scheme, so mentions of members
 * (`<@U…>`), channels (`<#C…>`) and `<!here>` stay for the core to read.
 */
const LINK = /<([a-z][a-z0-9+.-]*:[^<>|\s]*)(?:\|([^<>]*))?>/gi;

function withoutLinks(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(LINK, (_, address: string, label: string | undefined) => label || address.replace(/^mailto:/i, ''));
}
