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
  const base = { type: 'input' as const, block_id: option.name, label, optional: !option.required, hint: { type: 'plain_text' as const, text: option.description.slice(0, 150) } };
  const text = typeof typed === 'string' ? typed : undefined;
  if (option.type === 'boolean') {
    const box = { text: { type: 'plain_text' as const, text: option.description }, value: 'yes' };
    return { ...base, optional: true, element: { type: 'checkboxes', action_id: ACTION, options: [box], ...(typed === true ? { initial_options: [box] } : {}) } };
  }
  if (option.type === 'date') return { ...base, element: { type: 'datepicker', action_id: ACTION, initial_date: text ?? todayOn } };
  if (option.choices) {
    const options = option.choices.map((choice) => ({ text: { type: 'plain_text' as const, text: choice }, value: choice }));
    const chosen = options.find((o) => o.value === text);
    return { ...base, element: { type: 'static_select', action_id: ACTION, options, ...(chosen ? { initial_option: chosen } : {}) } };
  }
  if (option.type === 'number') {
    const number = { type: 'number_input' as const, action_id: ACTION, is_decimal_allowed: true, ...(text !== undefined ? { initial_value: text } : {}) };
    return { ...base, element: { ...number, ...(option.min !== undefined ? { min_value: String(option.min) } : {}) } };
  }
  const initial = text === undefined ? {} : { initial_value: option.maxLength !== undefined ? text.slice(0, option.maxLength) : text };
  return { ...base, element: { type: 'plain_text_input', action_id: ACTION, ...initial, ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}) } };
}

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
    else if (value !== undefined && value !== null && value !== '') options[option.name] = input.type === 'plain_text_input' ? unquoted(value) : value;
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

/** `response_action: errors` wants each message on the block it is about. */
export function fieldErrors(log: CommandDeclaration, problems: readonly Problem[]): Record<string, string> {
  const names = new Set(log.options.map((o) => o.name));
  const errors: Record<string, string> = {};
  for (const p of problems) {
    const block = p.field && names.has(p.field) ? p.field : 'amount';
    errors[block] = errors[block] ? `${errors[block]} ${p.message}` : p.message;
  }
  return errors;
}
