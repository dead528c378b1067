/**
 * A user named in a command: a platform mention (`<@U123ABC>`, `<@U123ABC|ana>`, `<@!123>`) or a
 * plain `@name`/`name` (the console). Only the user id is kept; the tenant is always the actor's.
 */
const MENTION = /^<@!?([\w.-]+)(?:\|[^>]*)?>$/;
const PLAIN = /^@?([\w.-]{1,64})$/;

export function readUserRef(word: string): string | undefined {
  const trimmed = word.trim();
  return MENTION.exec(trimmed)?.[1] ?? PLAIN.exec(trimmed)?.[1];
}
