/**
 * A time in a plain statement that names no day: "in March", "last month", "this week", "in 2025",
 * "on the 14th". Found so that `log` refuses it and asks for the day: left in the title, the
 * activity was logged as done today.
 */
const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)`;
const VAGUE = new RegExp(
  [
    String.raw`\b(?:in|during)\s+(?:(?:early|late|mid)[- ])?${MONTH}\b(?:\s+\d{4}\b)?`,
    // "last week" is read as a day (seven days ago), as `log` reads it.
    // Not "last year's coding changes": a possessive names the topic, not when it was done.
    String.raw`\b(?:(?:this|past|previous)\s+week|(?:this|last|past|previous)\s+(?:month|year))\b(?!['’]s)`,
    String.raw`\b(?:in|during)\s+(?:19|20)\d{2}\b`,
    String.raw`\b(?:on\s+)?the\s+\d{1,2}(?:st|nd|rd|th)\b`,
  ].join('|'),
  'i',
);

/** The vague phrase as written, if any, without the "in" or "on" before it. */
export function findVagueDate(sentence: string): string | undefined {
  return VAGUE.exec(sentence)?.[0].replace(/^(?:in|during|on)\s+/i, '');
}
