/**
 * A user named in a command: a platform mention (`<@U123ABC>`, `<@U123ABC|ana>`, `<@!123>`) or a
 * plain `@name`/`name` (the console). Only the user id is kept; the tenant is always the actor's.
 */
const MENTION = /^<@!?([\w.-]+)(?:\|[^>]*)?>$/;
// The console's `@name`: letters of any alphabet (`@élodie`), as the console reads them.
const PLAIN = /^@?([\p{L}\p{N}_.-]{1,64})$/u;
/** A Discord user option arrives as the user's id: digits only. */
const ID = /^\d{5,25}$/;

/**
 * On a platform, only a real mention (or the id a typed user option gives) names a member: a
 * plain "@sam" there is a display name, and taking it for an id would name a member who does not exist.
 */
export function readUserRef(word: string, allowPlainNames: boolean): string | undefined {
  const trimmed = word.trim();
  return MENTION.exec(trimmed)?.[1] ?? (allowPlainNames || ID.test(trimmed) ? PLAIN.exec(trimmed)?.[1] : undefined);
}
