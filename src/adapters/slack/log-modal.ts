/**
 * The "Log an activity" modal, built from the `log` command's declared options (one input per
 * option), and its submission read back as structured options for the same schema.
 */
import type { types } from '@slack/bolt';
import type { z } from 'zod';
import { amountField, categoryField, dateField, tokenize, unitField, type CommandDeclaration, type OptionDeclaration, type Problem, type Reply } from '../../core/index.js';

export const LOG_MODAL_ID = 'ceu_log_activity';
const ACTION = 'value';

type View = types.ModalView;
type InputBlock = types.InputBlock;
type ViewState = Record<string, Record<string, { type: string; value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null; selected_options?: Array<{ value: string }> }>>;

/** What the member already typed, by option name, as the form's inputs take it (see typedLog). */
export type TypedLog = Record<string, string | true>;

/**
 * `button`: the button of a message that opened the form, if one did (log-form-key.ts,
 * ../logged-forms.ts), kept in the view for its submission; `typed`: what the form opens filled in with.
 */
export function logModal(log: CommandDeclaration, todayOn: string, { button, typed = {} }: { button?: string; typed?: TypedLog } = {}): View {
  return {
    type: 'modal',
    callback_id: LOG_MODAL_ID,
    ...(button ? { private_metadata: button } : {}),
    title: { type: 'plain_text', text: 'Log an activity' },
    submit: { type: 'plain_text', text: 'Log it' },
    close: { type: 'plain_text', text: 'Cancel' },
    // Attachments are Discord's; a Slack modal would need file scopes for little gain.
    blocks: log.options.filter((o) => o.type !== 'attachment').map((option) => inputFor(option, todayOn, typed[option.name])),
  };
}

/** Slack refuses a view whose initial option is not one of its options, or an initial text longer than its max_length. */
function inputFor(option: OptionDeclaration, todayOn: string, typed: string | true | undefined): InputBlock {
  const label = { type: 'plain_text' as const, text: labelOf(option) };
  const base = { type: 'input' as const, block_id: option.name, label, optional: !option.required };
  const text = typeof typed === 'string' ? typed : undefined;
  if (option.type === 'boolean') {
    // The box says what ticking it means: no hint says it again.
    const box = { text: { type: 'plain_text' as const, text: option.description }, value: 'yes' };
    return { ...base, optional: true, element: { type: 'checkboxes', action_id: ACTION, options: [box], ...(typed === true ? { initial_options: [box] } : {}) } };
  }
  const hinted = { ...base, hint: plainText(HINTS[option.name] ?? option.description) };
  if (option.type === 'date') return { ...hinted, element: { type: 'datepicker', action_id: ACTION, initial_date: text ?? todayOn } };
  if (option.choices) {
    const options = option.choices.map((choice) => ({ text: { type: 'plain_text' as const, text: choice }, value: choice }));
    const chosen = options.find((o) => o.value === text);
    return { ...hinted, element: { type: 'static_select', action_id: ACTION, options, ...(chosen ? { initial_option: chosen } : {}) } };
  }
  if (option.type === 'number') {
    const number = { type: 'number_input' as const, action_id: ACTION, is_decimal_allowed: true, ...(text !== undefined ? { initial_value: text } : {}) };
    return { ...hinted, element: { ...number, ...(option.min !== undefined ? { min_value: String(option.min) } : {}) } };
  }
  const max = option.maxLength;
  if (text === undefined || max === undefined || text.length <= max) {
    return { ...hinted, element: { type: 'plain_text_input', action_id: ACTION, ...(text !== undefined ? { initial_value: text } : {}), ...(max !== undefined ? { max_length: max } : {}) } };
  }
  // Typed with the command, longer than the core keeps: cut to fit, the member would lose the end
  // unknowingly. It stays whole (as far as Slack lets an input hold) and the hint says by how much to
  // shorten it, for the member to choose what goes; sent as it is, the core refuses it on this input.
  const room = Math.min(text.length, MAX_TEXT_INPUT);
  const cut = room < text.length ? ` (only the first ${room} fit here)` : '';
  const tooLong = `A ${option.name} holds at most ${max} characters, and the one you typed has ${text.length}${cut}: shorten it before you send the form.`;
  return { ...hinted, hint: plainText(tooLong), element: { type: 'plain_text_input', action_id: ACTION, initial_value: text.slice(0, room), max_length: room } };
}

/** Slack's most for a plain_text_input's max_length, and so for its initial text. */
const MAX_TEXT_INPUT = 3000;

function plainText(text: string) {
  return { type: 'plain_text' as const, text };
}

/**
 * The form's own hints where a description is written for typing (the words a unit or a category
 * may be typed as, the formats a typed date takes): on a form they are picked from a list or a
 * calendar. Slack marks every optional input "(optional)" itself, so a hint says when one is
 * needed after all: the amount and unit unless it is a card, the category for a CMA.
 */
const HINTS: Record<string, string> = {
  amount: 'As printed on the certificate. Leave it empty for a CPR/BLS card.',
  unit: 'As printed on the certificate: ceu is a contact hour, iacet an IACET CEU (10 contact hours). Leave it empty for a CPR/BLS card.',
  category: 'Needed if you hold a CMA, whose points count by category.',
  date: 'The day you completed it; for a CPR/BLS card, the day it was issued.',
};

/**
 * A `log` line the core could not log yet (no amount, or no unit), read as the core reads it (the
 * command's own parser, then the fields of its schema), so that the form keeps what was typed. A
 * part that does not read as its input takes it (an amount that is no number, a date in no
 * calendar) is left out, for the member to fill in.
 */
export function typedLog(log: CommandDeclaration, line: string, todayOn: string): TypedLog {
  const words = tokenize(line).slice(1);
  const first = log.parseText(words);
  // With no number first ("log clinical Sepsis", "log Sepsis from Relias"), the parser takes the
  // first word for the amount: the words are read again after a stand-in amount, not kept.
  const noNumber = typeof first.amount === 'string' && !/^[+-]?[\d.,]/.test(first.amount);
  const raw = noNumber ? log.parseText([{ text: '1h', quoted: false }, ...words]) : first;
  const typed: TypedLog = {};
  const keep = (name: string, field: z.ZodType<string>, value: unknown) => {
    const read = value === undefined ? undefined : field.safeParse(value);
    if (read?.success) typed[name] = read.data;
  };
  if (!noNumber) {
    keep('amount', amountField, raw.amount);
    keep('unit', unitField, raw.unit);
  }
  keep('category', categoryField, raw.category);
  for (const name of ['title', 'provider']) if (typeof raw[name] === 'string' && raw[name] !== '') typed[name] = raw[name];
  // A date ahead of today is kept as typed: the core refuses it on the date when the form is sent.
  const schema = { today: todayOn, platform: 'slack' as const };
  keep('date', dateField(schema, 'past'), raw.date);
  if (typed.date === undefined) keep('date', dateField(schema, 'any'), raw.date);
  if (raw.aama === true) typed.aama = true;
  return typed;
}

/** Options whose name, capitalised, does not read as a label ("Cpr", "Aama"). */
const LABELS: Record<string, string> = { aama: 'AAMA-approved', cpr: 'CPR/BLS card' };

function labelOf(option: OptionDeclaration): string {
  return LABELS[option.name] ?? option.name[0]!.toUpperCase() + option.name.slice(1);
}

/**
 * A whole value in double quotes, as `log` taught for titles (`"Phlebotomy basics"`): a form's
 * field needs none, and kept they would show as ““Phlebotomy basics””. Single quotes stay: one
 * may be an apostrophe (‘Women’s health’).
 */
const QUOTED = /^["“]([^"“”]+)["”]$/;

/** The submitted values, by option name, as the `log` schema takes them. */
export function readLogModal(log: CommandDeclaration, state: ViewState): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const option of log.options) {
    const input = state[option.name]?.[ACTION];
    if (!input) continue;
    const value = input.selected_option?.value ?? input.selected_date ?? input.value ?? undefined;
    if (option.type === 'boolean') options[option.name] = (input.selected_options ?? []).length > 0;
    else if (value !== undefined && value !== null && value.trim() !== '') options[option.name] = input.type === 'plain_text_input' ? unquoted(value) : value;
  }
  return options;
}

function unquoted(text: string): string {
  return QUOTED.exec(text.trim())?.[1] ?? text;
}

/** When Slack cannot open the form (a trigger id lives 3 s, a slow network loses it): how to log by typing. */
export function formUnavailable(log: CommandDeclaration): Reply {
  const text = `I could not open the form just now. Type the activity instead, e.g. \`/ceu ${log.examples[0]}\`, or try again.`;
  return { visibility: 'private', tone: 'warning', blocks: [{ kind: 'paragraph', text }] };
}

/**
 * `response_action: errors` wants each message on an input of the form: the one it is about, else
 * the first (the amount). `sent`: the submitted values (readLogModal), which some messages name.
 */
export function fieldErrors(log: CommandDeclaration, problems: readonly Problem[], sent: Record<string, unknown>): Record<string, string> {
  // Slack refuses errors on a block the view does not have: the form has no input for an attachment.
  const names = new Set(log.options.filter((o) => o.type !== 'attachment').map((o) => o.name));
  const errors: Record<string, string> = {};
  for (const p of problems) {
    const block = p.field && names.has(p.field) ? p.field : 'amount';
    const message = onForm(p, sent);
    errors[block] = errors[block] ? `${errors[block]} ${message}` : message;
  }
  return errors;
}

/**
 * The core words a refusal for a typed command (type `2h`, a `log …` line to copy); Slack shows a
 * form's error as plain text under its input, where backticks show as typed and a command line is
 * no help. Those are said here about the input; the rest keep the core's words, without backticks
 * and without the field's name in front (the message sits under it).
 */
function onForm(p: Problem, sent: Record<string, unknown>): string {
  switch (p.code) {
    case 'missing-amount': return 'Enter the amount printed on the certificate, such as 2 or 1.5 (for a CPR/BLS card, tick its box instead).';
    case 'invalid-amount': return 'Enter an amount such as 2 or 1.5.';
    case 'amount-not-positive': return 'Enter an amount more than zero, such as 2 or 1.5.';
    case 'too-many-decimals': return 'Use at most 2 decimals, such as 1.25.';
    case 'missing-unit': return 'Choose the unit printed on the certificate.';
    case 'ambiguous-ceu': return `${String(sent.amount ?? 'Under 1')} CEU looks like IACET CEUs (1 IACET CEU = 10 contact hours). If the certificate says IACET, choose iacet; if it means contact hours, choose hours.`;
    case 'card-with-amount': return 'A CPR/BLS card has no amount: clear the amount and unit, or untick CPR/BLS card.';
    case 'missing-category': return 'Your CMA counts points by category: choose administrative, clinical or general.';
    default: {
      const named = p.field !== undefined && p.message.startsWith(`${p.field}: `);
      return (named ? p.message.slice(p.field!.length + 2) : p.message).replace(/`([^`]*)`/g, '“$1”');
    }
  }
}
