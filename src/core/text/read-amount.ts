/** Splits "2h", "90min", "1.5", "0.5iacet" into the amount as typed and the unit word, if any. */
const AMOUNT_WITH_UNIT = /^([+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+))([a-z][a-z-]*)?$/i;

export interface AmountWords {
  amount: string;
  unitWord?: string;
}

export function readAmount(word: string): AmountWords | undefined {
  const match = AMOUNT_WITH_UNIT.exec(word);
  if (!match) return undefined;
  const amount = match[1]!.replace(',', '.');
  return match[2] ? { amount, unitWord: match[2] } : { amount };
}
