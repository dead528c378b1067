import { CARD_WORDS, toCategory, toUnit } from '../text/aliases.js';
import { readAmount } from '../text/read-amount.js';
import type { Token } from '../text/tokenize.js';

/**
 * "log Sepsis 2h clinical", "log yesterday 2h clinical", "log hours 2 clinical": an amount, but not
 * first. The line as `log` reads it (amount, category, then the rest as typed), for the reply.
 */
export function amountLaterOn(rest: Token[]): string | undefined {
  const first = rest[0];
  if (!first || (!first.quoted && (readAmount(first.text) || CARD_WORDS.has(first.text.toLowerCase())))) return undefined;
  const isUnit = (token: Token | undefined) => Boolean(token && !token.quoted && toUnit(token.text));
  for (let i = 1; i < rest.length; i++) {
    const words = rest[i]!.quoted ? undefined : readAmount(rest[i]!.text);
    if (!words) continue;
    let span: [number, number] | undefined;
    if (words.unitWord) span = toUnit(words.unitWord) ? [i, i + 1] : undefined;
    else if (isUnit(rest[i + 1])) span = [i, i + 2];
    else if (isUnit(rest[i - 1])) span = [i - 1, i + 1];
    if (!span) continue;
    // The number before its unit, however they were typed ("hours 2" → "2 hours").
    const taken = rest.slice(span[0], span[1]);
    const amount = [...taken.filter((t) => readAmount(t.text)), ...taken.filter((t) => !readAmount(t.text))];
    const others = [...rest.slice(0, span[0]), ...rest.slice(span[1])];
    const category = others.find((t) => !t.quoted && toCategory(t.text));
    const ordered = [...amount, ...(category ? [category] : []), ...others.filter((t) => t !== category)];
    return ['log', ...ordered.map((t) => (t.quoted ? `"${t.text}"` : t.text))].join(' ');
  }
  return undefined;
}
