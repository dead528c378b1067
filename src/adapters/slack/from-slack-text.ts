/**
 * Slack sends message and slash-command text with `&`, `<` and `>` as HTML entities (its own `<…>`
 * stay raw for mentions, channels and links): decoded here, so a title typed `Q&A` is stored as
 * typed and not shown back as `Q&amp;A`. `&amp;` goes last so a typed `&lt;` survives.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function fromSlackText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
