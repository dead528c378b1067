/**
 * The "Log an activity" modal, built from the `log` command's declared options (one input per
 * option), and its submission read back as structured options for the same schema.
 */
import type { types } from '@slack/bolt';
import type { CommandDeclaration, OptionDeclaration, Problem, Reply } from '../../core/index.js';

export const LOG_MODAL_ID = 'ceu_log_activity';
const ACTION = 'value';

type View = types.ModalView;
type InputBlock = types.InputBlock;
type ViewState = Record<string, Record<string, { type: string; value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null; selected_options?: Array<{ value: string }> }>>;

/** `button`: the button of a message that opened the form, if one did (log-form-key.ts, ../logged-forms.ts), kept in the view for its submission. */
export function logModal(log: CommandDeclaration, todayOn: string, button?: string): View {
  return {
    type: 'modal',
    callback_id: LOG_MODAL_ID,
    ...(button ? { private_metadata: button } : {}),
    title: { type: 'plain_text', text: 'Log an activity' },
    submit: { type: 'plain_text', text: 'Log it' },
    close: { type: 'plain_text', text: 'Cancel' },
    // Attachments are Discord's; a Slack modal would need file scopes for little gain.
    blocks: log.options.filter((o) => o.type !== 'attachment').map((option) => inputFor(option, todayOn)),
  };
}

function inputFor(option: OptionDeclaration, todayOn: string): InputBlock {
  const label = { type: 'plain_text' as const, text: labelOf(option) };
  const base = { type: 'input' as const, block_id: option.name, label, optional: !option.required, hint: { type: 'plain_text' as const, text: option.description.slice(0, 150) } };
  if (option.type === 'boolean') {
    return { ...base, optional: true, element: { type: 'checkboxes', action_id: ACTION, options: [{ text: { type: 'plain_text', text: option.description }, value: 'yes' }] } };
  }
  if (option.type === 'date') return { ...base, element: { type: 'datepicker', action_id: ACTION, initial_date: todayOn } };
  if (option.choices) {
    const options = option.choices.map((choice) => ({ text: { type: 'plain_text' as const, text: choice }, value: choice }));
    return { ...base, element: { type: 'static_select', action_id: ACTION, options } };
  }
  if (option.type === 'number') {
    return { ...base, element: { type: 'number_input', action_id: ACTION, is_decimal_allowed: true, ...(option.min !== undefined ? { min_value: String(option.min) } : {}) } };
  }
  return { ...base, element: { type: 'plain_text_input', action_id: ACTION, ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}) } };
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
