/**
 * The words of `edit <id> <field> <value>` as people type them. "change #3 to 3 hours" and
 * "edit 3 yesterday" name no field, but their value can only be one (an amount with its unit, a
 * category, a day): that is the field. A unit, a misspelt field or a value that could be several
 * fields where the field goes is not guessed at: the reply gives the line to type instead.
 */
import type { RawOptions } from '../command.js';
import type { Unit } from '../rules/types.js';
import { nearCategory, toCategory, toUnit } from '../text/aliases.js';
import { editDistance } from '../text/edit-distance.js';
import { readAmount, type AmountWords } from '../text/read-amount.js';
import { latestActivityWords } from '../text/latest-activity-words.js';
import { isDatePhrase } from '../text/resolve-date.js';
import { joinTokens, type Token } from '../text/tokenize.js';
import { EDIT_FIELDS, type EditField } from './edit-fields.js';

const FIELD_ALIASES: Record<string, EditField> = { on: 'date', from: 'provider', approved: 'aama', name: 'title' };
/** What a field's value looks like, for a line to type when the member gave none. */
export const EXAMPLE_VALUES: Record<EditField, string> = {
  amount: '3h', unit: 'min', category: 'general', title: '"Sepsis update"', provider: 'Relias', date: '2026-11-01', aama: 'yes',
};
const FIELDS_HELP = EDIT_FIELDS.join(', ');

export function toEditField(word: string): EditField | undefined {
  const lower = word.toLowerCase();
  return FIELD_ALIASES[lower] ?? EDIT_FIELDS.find((f) => f === lower);
}

/** Raw options for `edit`: `fieldAdvice` is the whole reply to a field word that is not one. */
export function parseEditWords(tokens: Token[]): RawOptions {
  const latest = latestActivityWords(tokens.map((t) => (t.quoted ? '"' : t.text)));
  if (latest > 0) return { last: true, ...latestChange(tokens.slice(latest)) };
  const [id, fieldToken, ...rest] = tokens;
  const raw: RawOptions = id ? { id: id.text } : {};
  if (!fieldToken) return raw;
  const field = fieldToken.quoted ? undefined : toEditField(fieldToken.text);
  // "edit 12 date to yesterday": "to" joins the field to its value. A title may start with it ("To
  // Err Is Human"), so there it goes only before a quoted title: `title to "…"`.
  const joins = rest.length > 1 && !rest[0]!.quoted && /^to$/i.test(rest[0]!.text) && (field !== 'title' || (rest.length === 2 && rest[1]!.quoted));
  const valueTokens = joins ? rest.slice(1) : rest;
  const value = joinTokens(valueTokens);
  if (field) return { ...raw, field, ...(value ? { value } : {}) };
  const said = /^to$/i.test(fieldToken.text) && !fieldToken.quoted ? value : joinTokens([fieldToken, ...valueTokens]);
  const meant = said ? fieldOfValue(said) : undefined;
  if (meant) return { ...raw, field: meant, value: said };
  return { ...raw, field: fieldToken.text, ...(value ? { value } : {}), fieldAdvice: fieldAdvice(String(id?.text ?? '<id>').replace(/^#/, ''), fieldToken, value) };
}

// "change the last one to 3 hours", "fix the one I just did, it was general": words between the
// activity and the new value.
const CHANGE_TO = /^(?:to|it was|it's|its|it is|should be|should have been|should've been|was|make it|is|i meant)$/i;

/**
 * The field and value of a change to the latest activity, when they can be told; the reply gives
 * the line to type with that activity's id (nothing is changed on a guess at which one is meant).
 */
function latestChange(tokens: Token[]): { field?: EditField; value?: string } {
  const [first, ...rest] = tokens;
  const field = first && !first.quoted ? toEditField(first.text) : undefined;
  const words = field ? rest : tokens;
  let start = 0;
  for (let size = Math.min(3, words.length); size >= 1 && start === 0; size--) {
    if (words.slice(0, size).every((t) => !t.quoted) && CHANGE_TO.test(joinTokens(words.slice(0, size)))) start = size;
  }
  const valueTokens = words.slice(start);
  const value = valueTokens.length === 1 && valueTokens[0]!.quoted ? valueTokens[0]!.text : joinTokens(valueTokens).replace(/[.!]+$/, '');
  const meant = field ?? (value ? fieldOfValue(value) : undefined);
  return { ...(meant ? { field: meant } : {}), ...(value ? { value } : {}) };
}

/** The one field a value can be: an amount with its unit, a category, a day, or AAMA approval. */
function fieldOfValue(value: string): EditField | undefined {
  const { words, rest } = splitAmount(value);
  if (words?.unitWord && toUnit(words.unitWord) && rest === undefined) return 'amount';
  if (toCategory(value)) return 'category';
  if (/^aama(?:[- ]approved)?$/i.test(value)) return 'aama';
  return isDatePhrase(value) ? 'date' : undefined;
}

function fieldAdvice(id: string, fieldToken: Token, value: string): string {
  const word = fieldToken.text;
  const unit = fieldToken.quoted ? undefined : toUnit(word);
  if (unit) {
    const number = readAmount(value.split(/\s+/)[0] ?? '');
    const line = number && !number.unitWord ? `\`edit ${id} amount ${withUnit(number.amount, unit)}\`` : `it with its unit, e.g. \`edit ${id} amount ${withUnit('3', unit)}\``;
    return `“${word}” is a unit, not a field: to change the amount, type ${line}.`;
  }
  const category = nearCategory(word);
  if (category && !value) return `“${word}” is not a field I can edit. To change the category: \`edit ${id} category ${category}\`.`;
  const near = nearField(word);
  if (near) return `“${word}” is not a field I can edit. Did you mean \`edit ${id} ${near} ${shown(near, value)}\`?`;
  if (/^to$/i.test(word) || !value) {
    const said = /^to$/i.test(word) ? value : word;
    if (readAmount(said)) return `Say what ${said} is: \`edit ${id} amount ${said}\` keeps the unit, or give one, e.g. \`edit ${id} amount ${said}h\`.`;
    if (said) return `Say which field to change to “${said}”, e.g. \`edit ${id} title "${said.replace(/"/g, '')}"\` or \`edit ${id} provider ${said}\`. Fields: ${FIELDS_HELP}.`;
  }
  return `“${word}” is not a field I can edit. Use ${FIELDS_HELP}, e.g. \`edit ${id} date 2026-11-01\`.`;
}

/** A field one slip away ("ammount", "catagory", "tittle"); short words get fewer slips. */
function nearField(word: string): EditField | undefined {
  const typed = word.toLowerCase();
  const allowed = typed.length <= 4 ? 1 : 2;
  return EDIT_FIELDS.find((field) => editDistance(typed, field) <= allowed);
}

/** The value as the line to type shows it: a title quoted, an example when none was given. */
export function shown(field: EditField, value: string): string {
  if (!value) return EXAMPLE_VALUES[field];
  return field === 'title' ? `"${value.replace(/"/g, '')}"` : value;
}

/** "3h", "30min", "3 ceu": an amount as the examples write it. */
export function withUnit(amount: string, unit: Unit): string {
  if (unit === 'hours') return `${amount}h`;
  if (unit === 'minutes') return `${amount}min`;
  return `${amount} ${unit}`;
}

/**
 * "3h", "3 h", "1.5 college credits": an amount and its unit. Words after those ("2h clinical") are
 * another field's value, returned as `rest`, so they are not glued onto the unit.
 */
export function splitAmount(value: string): { words: AmountWords | undefined; typed: string; rest?: string } {
  const parts = value.trim().split(/\s+/);
  const first = readAmount(parts[0] ?? '');
  const tail = parts.slice(1);
  if (first === undefined || tail.length === 0) return { words: readAmount(value.replace(/\s+/g, '')), typed: value };
  const withRest = (unitWord: string | undefined, used: number) => {
    const words = unitWord ? { amount: first.amount, unitWord } : { amount: first.amount };
    const typed = parts.slice(0, used).join(' ');
    return used < parts.length ? { words, typed, rest: parts.slice(used).join(' ') } : { words, typed };
  };
  if (first.unitWord) return withRest(first.unitWord, 1);
  const unitWords = [tail.join(' '), tail.join('-'), tail.join('')].find((w) => toUnit(w) !== undefined);
  if (unitWords !== undefined) return withRest(unitWords, parts.length);
  return toUnit(tail[0]!) ? withRest(tail[0], 2) : withRest(undefined, 1);
}
