/**
 * Amounts said in words in a plain statement ("an hour", "half an hour", "two hours", "an hour
 * and a half"), rewritten in digits so that they are read like "1 hour" and "0.5 hours": without
 * this, "I did an hour of clinical" was answered "I don't know the command “I”".
 */
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', 'forty-five': '45', sixty: '60', ninety: '90',
};
const UNIT = String.raw`(hours?|hrs?|minutes?|mins?|ceus?|points?|contact[ -]hours?|college[ -]credits?|nha[ -]credits?)`;
const HOUR_AND_A_HALF = /\b(?:an|one) hour and a half\b|\bone and a half hours?\b/gi;
const HALF_HOUR = /\b(?:half an hour|a half[ -]hour|half[ -]hour)\b/gi;
const AN_HOUR = /\b(?:an|one) (hour|contact hour)(?:-long)?\b/gi;
const IN_WORDS = new RegExp(String.raw`\b(${Object.keys(NUMBER_WORDS).join('|')})[ -]${UNIT}\b`, 'gi');

export function withDigitAmounts(sentence: string): string {
  return sentence
    .replace(HOUR_AND_A_HALF, '1.5 hours')
    .replace(HALF_HOUR, '0.5 hours')
    .replace(AN_HOUR, (_, unit: string) => `1 ${unit}`)
    .replace(IN_WORDS, (_, number: string, unit: string) => `${NUMBER_WORDS[number.toLowerCase()]} ${unit}`);
}

/**
 * A command line's amount said in words at its start ("two hours general", "an hour clinical"),
 * in digits; the rest as typed, so a title keeps its words ("Two hours to save a life").
 */
export function withLeadingDigitAmount(words: string): string {
  for (const pattern of [HOUR_AND_A_HALF, HALF_HOUR, AN_HOUR, IN_WORDS]) {
    const said = new RegExp(`^(?:${pattern.source})`, 'i').exec(words)?.[0];
    if (said) return `${withDigitAmounts(said)}${words.slice(said.length)}`;
  }
  return words;
}
