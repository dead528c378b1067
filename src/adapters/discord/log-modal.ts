/**
 * The log form for `/ceu log` with too little to go on (no amount, or an amount the core refused
 * for want of a unit), or the Log another button. Discord
 * modals take at most five text inputs, so amount and unit share one ("2h", "90 min", "3 ceu")
 * and the answers become a `log` line that goes through the same grammar and schema as typed text.
 * What the command carried that no field holds (a unit, a provider, a certificate) waits for the
 * form in pending-forms.ts; the form's id then names it: `ceu:log-modal+<command's interaction id>`.
 * A form `/ceu log` opened with nothing kept is `ceu:log-modal#<command's interaction id>`, and
 * one a button opened plain `ceu:log-modal` (its submission carries the button's message).
 */
import { createHash } from 'node:crypto';
import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import { amountField, MAX_TITLE_LENGTH } from '../../core/index.js';
import type { Certificate } from './keep-certificate.js';

const LOG_MODAL_ID = 'ceu:log-modal';
const LOG_MODAL_COMMAND = 'log-modal';
const FIELDS = [
  { id: 'amount', label: 'Amount and unit', placeholder: '2h, 90 min, 3 ceu, 0.5 iacet', required: true, max: 30 },
  { id: 'category', label: 'Category', placeholder: 'administrative, clinical or general', required: false, max: 20 },
  { id: 'title', label: 'Title', placeholder: 'Phlebotomy basics', required: false, max: MAX_TITLE_LENGTH },
  { id: 'date', label: 'Completed on', placeholder: '2026-11-01 or yesterday (empty: today)', required: false, max: 40 },
  { id: 'aama', label: 'AAMA-approved?', placeholder: 'yes or no', required: false, max: 5 },
] as const;
const BARE_NUMBER = /^\d*\.?\d+$/;
/** Discord refuses a form whose text input label is longer. */
const MAX_LABEL = 45;

/** What `/ceu log` was given that the form has no field for. */
export interface FormExtras {
  unit?: string;
  provider?: string;
  certificate?: Certificate & { ephemeral: boolean };
}

export function extrasFrom(typed: Record<string, unknown>, certificateIsEphemeral: boolean): FormExtras | undefined {
  const certificate = typed.certificate as Certificate | undefined;
  const extras: FormExtras = {
    ...(typeof typed.unit === 'string' ? { unit: typed.unit } : {}),
    ...(typeof typed.provider === 'string' ? { provider: typed.provider } : {}),
    ...(certificate ? { certificate: { url: certificate.url, name: certificate.name, ephemeral: certificateIsEphemeral } } : {}),
  };
  return Object.keys(extras).length > 0 ? extras : undefined;
}

/** The form, with whatever the member already typed in the slash command filled in; `form`: the command that opened it. */
export function logModal(typed: Record<string, unknown> = {}, form?: { id: string; kept: boolean }): APIModalInteractionResponseCallbackData {
  // The amount as the core read it when it asked for a unit: the member adds the unit to it.
  const amount = typed.amount === undefined ? undefined : amountField.safeParse(typed.amount);
  const prefill: Record<string, string> = {
    ...(amount?.success ? { amount: amount.data } : {}),
    ...(typeof typed.category === 'string' ? { category: typed.category } : {}),
    ...(typeof typed.title === 'string' ? { title: typed.title } : {}),
    ...(typeof typed.date === 'string' ? { date: typed.date } : {}),
    ...(typed.aama === true ? { aama: 'yes' } : {}),
  };
  // A unit chosen in the command: the number alone will do.
  const unit = typeof typed.unit === 'string' ? { label: `Amount in ${typed.unit}`, placeholder: `2 (or with another unit: 90 min)` }
    : prefill.amount ? { label: unitToAdd(prefill.amount) } : {};
  return {
    custom_id: form ? `${LOG_MODAL_ID}${form.kept ? '+' : '#'}${form.id}` : LOG_MODAL_ID,
    title: 'Log an activity',
    components: FIELDS.map((f) => ({
      type: 1,
      components: [{
        type: 4, custom_id: f.id, label: f.label, placeholder: f.placeholder, style: 1, required: f.required, max_length: f.max,
        ...(f.id === 'amount' ? unit : {}),
        ...(prefill[f.id] ? { value: prefill[f.id]!.slice(0, f.max) } : {}),
      }],
    })),
  };
}

/** The amount is there, the unit is not: the label says what to add, as the core's refusal would have. */
function unitToAdd(amount: string): string {
  const label = `Amount and unit: add the unit, e.g. ${amount}h`;
  return label.length <= MAX_LABEL ? label : 'Amount and unit: add the unit';
}

/** A button id's command (button-id.ts) as a log form: whether it is one, the command that opened it, and whether extras wait for it. */
export function readLogForm(command: string): { formId?: string; kept: boolean } | undefined {
  if (command === LOG_MODAL_COMMAND) return { kept: false };
  const match = /^log-modal([+#])(\d{1,25})$/.exec(command);
  return match ? { formId: match[2]!, kept: match[1] === '+' } : undefined;
}

/**
 * The idempotency key of a form's submission: one activity per form. A form `/ceu log` opened is
 * one activity however it is edited and sent again; the copies one button opens (pressed twice,
 * or again after a failure) share one key per activity, so a different activity from the same
 * button still logs. The activity is keyed with the date it would be logged on (`todayOn`: the
 * member's today), not as typed: an empty date or "yesterday" means another day tomorrow, when the
 * same button logs another session. None for a form of an older version, named by neither.
 */
export function formKey(userId: string, form: { formId?: string; messageId?: string }, field: (id: string) => string, todayOn: string): string | undefined {
  if (form.formId) return `form:${form.formId}:${userId}`;
  if (!form.messageId) return undefined;
  const line = logLineFrom((id) => (id === 'date' ? dateMeant(field(id), todayOn) : field(id)));
  const activity = createHash('sha256').update(line.toLowerCase().replace(/\s+/g, ' ')).digest('hex').slice(0, 32);
  return `form:${form.messageId}:${userId}:${activity}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The date a typed one stands for where it is plain; other words ("last friday") are read from today, as the core reads them. */
function dateMeant(typed: string, todayOn: string): string {
  const words = typed.replace(/["“”]/g, '').trim().toLowerCase();
  if (words === '' || words === 'today') return todayOn;
  if (words === 'yesterday') return new Date(Date.parse(`${todayOn}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(words) ? words : `${words} from ${todayOn}`;
}

/** The submitted fields, and what the command gave besides, as a `log` command line. */
export function logLineFrom(field: (id: string) => string, extras: FormExtras = {}): string {
  const clean = (text: string) => text.replace(/["“”]/g, '').trim();
  const amount = clean(field('amount'));
  const parts = ['log', extras.unit && BARE_NUMBER.test(amount) ? `${amount} ${extras.unit}` : amount];
  if (clean(field('category'))) parts.push(clean(field('category')));
  if (clean(field('title'))) parts.push(`"${clean(field('title'))}"`);
  if (clean(field('date'))) parts.push('on', clean(field('date')));
  if (extras.provider && clean(extras.provider)) parts.push('from', `"${clean(extras.provider)}"`);
  if (/^(y|yes|true)$/i.test(clean(field('aama')))) parts.push('aama');
  return parts.join(' ');
}
