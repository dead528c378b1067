/** Splits "2h", "90min", "1.5", "0.5iacet" into the amount as typed and the unit word, if any. */
const AMOUNT_WITH_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|[.,]\d+))([a-z][a-z-]*)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** "1,000" is a thousand (a separator); "1,5" is one and a half (a decimal comma). */
export function normalizeDecimal(text: string): string {
  return THOUSANDS.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
}

export interface AmountWords {
  amount: string;
  unitWord?: string;
}

export function readAmount(word: string): AmountWords | undefined {
  const match = AMOUNT_WITH_UNIT.exec(word);
  if (!match) return undefined;
  const amount = normalizeDecimal(match[1]!);
  return match[2] ? { amount, unitWord: match[2] } : { amount };
}
