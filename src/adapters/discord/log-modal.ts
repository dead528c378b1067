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
import { amountField, categoryField, MAX_TITLE_LENGTH, type Problem, type Reply } from '../../core/index.js';
import { keptForADay } from '../kept-for-a-day.js';
import type { DiscordContext } from './discord-context.js';
import type { Certificate } from './keep-certificate.js';

const LOG_MODAL_ID = 'ceu:log-modal';
const LOG_MODAL_COMMAND = 'log-modal';
const FIELDS = [
  { id: 'amount', label: 'Amount and unit', placeholder: '2h, 90 min, 3 ceu, 0.5 iacet', required: true, max: 30 },
  // Discord marks only the required inputs: a placeholder says when an optional one is needed after all.
  { id: 'category', label: 'Category', placeholder: 'administrative, clinical or general (needed for a CMA)', required: false, max: 20 },
  { id: 'title', label: 'Title', placeholder: 'Phlebotomy basics', required: false, max: MAX_TITLE_LENGTH },
  { id: 'date', label: 'Completed on', placeholder: '2026-11-01, yesterday or Nov 1 (empty: today)', required: false, max: 40 },
  { id: 'aama', label: 'AAMA-approved?', placeholder: 'yes or no (empty: no)', required: false, max: 5 },
] as const;
type FieldId = (typeof FIELDS)[number]['id'];
/** Discord's most for a text input's value and max_length. */
const MAX_TEXT_INPUT = 4000;
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
  const prefill: Partial<Record<FieldId, string>> = {
    ...(amount?.success ? { amount: amount.data } : {}),
    ...(typeof typed.category === 'string' ? { category: typed.category } : {}),
    ...(typeof typed.title === 'string' ? { title: typed.title } : {}),
    ...(typeof typed.date === 'string' ? { date: typed.date } : {}),
    ...(typed.aama === true ? { aama: 'yes' } : {}),
  };
  const customId = form ? `${LOG_MODAL_ID}${form.kept ? '+' : '#'}${form.id}` : LOG_MODAL_ID;
  return filledForm(customId, prefill, typeof typed.unit === 'string' ? typed.unit : undefined);
}

/** `unit`: the one chosen in the command, which the amount is in unless the member types another. */
function filledForm(customId: string, prefill: Partial<Record<FieldId, string>>, unit: string | undefined): APIModalInteractionResponseCallbackData {
  const amountLabel = unit ? { label: `Amount in ${unit}`, placeholder: `2 (or with another unit: 90 min)` }
    : prefill.amount && BARE_NUMBER.test(prefill.amount) ? { label: unitToAdd(prefill.amount) } : {};
  return {
    custom_id: customId,
    title: 'Log an activity',
    components: FIELDS.map((f) => {
      const value = prefill[f.id];
      // A value longer than the input's usual limit (a date option holds any text) is kept whole:
      // cut, it would lose its end unseen, or read as another date; the core judges it when sent.
      const max = Math.min(MAX_TEXT_INPUT, Math.max(f.max, value?.length ?? 0));
      return {
        type: 1,
        components: [{
          type: 4, custom_id: f.id, label: f.label, placeholder: f.placeholder, style: 1, required: f.required, max_length: max,
          ...(f.id === 'amount' ? amountLabel : {}),
          ...(value ? { value: value.slice(0, max) } : {}),
        }],
      };
    }),
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
  if (YES.test(clean(field('aama')))) parts.push('aama');
  return parts.join(' ');
}

/** The answers `log` takes for yes and no (the core's boolean words). */
const YES = /^(y|yes|true|on|aama)$/i;
const NO = /^(n|no|false|off)$/i;

/**
 * What the `log` line built from the inputs would misread rather than refuse: a category that is
 * none would start the title ("nursing" logged as part of it), an AAMA answer other than yes or no
 * would count as no.
 */
export function formProblems(field: (id: string) => string): Problem[] {
  const problems: Problem[] = [];
  const category = field('category').replace(/["“”]/g, '').trim();
  const read = category ? categoryField.safeParse(category) : undefined;
  if (read?.success === false) problems.push({ code: 'unknown-category', message: read.error.issues[0]!.message, field: 'category' });
  const aama = field('aama').replace(/["“”]/g, '').trim();
  if (aama && !YES.test(aama) && !NO.test(aama)) problems.push({ code: 'invalid-boolean', message: `“${aama}” should be yes or no.`, field: 'aama' });
  return problems;
}

const LABELS: Record<string, string> = Object.fromEntries([...FIELDS.map((f) => [f.id, f.label]), ['unit', 'Amount and unit']]);

/**
 * A refused form, said about its inputs: the core words a refusal for a typed `log` line (the line
 * to type, the usage), but the member filled in a form, which Discord has closed by now; the
 * button opens it again as it was sent (formAgain).
 */
export function formRefusal(problems: readonly Problem[], field: (id: string) => string, submissionId: string): Reply {
  return {
    visibility: 'private',
    tone: 'error',
    blocks: [
      ...problems.map((p) => ({ kind: 'paragraph' as const, text: onForm(p, field) })),
      { kind: 'paragraph', text: 'Nothing was saved.' },
      { kind: 'actions', buttons: [{ actionId: 'fix-form', label: 'Fix it in the form', command: `log-modal-again ${submissionId}`, style: 'primary' }] },
    ],
    problems: [...problems],
  };
}

function onForm(p: Problem, field: (id: string) => string): string {
  const number = /^\d*\.?\d+/.exec(field('amount').trim())?.[0] ?? '2';
  switch (p.code) {
    case 'missing-amount':
    case 'invalid-amount': return 'Amount and unit: enter a number and its unit, such as 2h, 90 min or 1.5 ceu.';
    case 'amount-not-positive': return 'Amount and unit: enter more than zero, such as 2h.';
    case 'too-many-decimals': return 'Amount and unit: use at most 2 decimals, such as 1.25h.';
    case 'missing-unit': return `Amount and unit: add the unit printed on the certificate after the number, such as ${number}h or ${number} ceu (h, min, ceu, iacet, college-credits, nha-credits or points).`;
    case 'ambiguous-ceu': return `Amount and unit: ${number} CEU looks like IACET CEUs (1 IACET CEU = 10 contact hours). If the certificate says IACET, enter ${number} iacet; if it means contact hours, enter ${number}h.`;
    case 'missing-category': return 'Category: your CMA counts points by category; enter administrative, clinical or general.';
  }
  // The rest speak of their value already; the core names a date's field in front ("date: …").
  const named = p.field !== undefined && p.message.startsWith(`${p.field}: `);
  const message = named ? p.message.slice(p.field!.length + 2) : p.message;
  const label = p.field ? LABELS[p.field] : undefined;
  return label ? `${label}: ${message}` : message;
}

/** The command of a refusal's "Fix it in the form" button: the submission refused. */
const AGAIN = /^log-modal-again (\d{1,25})$/;

/** A refused form as sent (its id keeps its server, and what its command gave besides), by submission. */
interface SentForm {
  userId: string;
  customId: string;
  sent: Partial<Record<FieldId, string>>;
  unit?: string;
}

const refusedOf = keptForADay<SentForm>();

export function rememberRefused(ctx: DiscordContext, submissionId: string, form: { userId: string; customId: string; unit?: string }, field: (id: string) => string): void {
  const sent = Object.fromEntries(FIELDS.map((f) => [f.id, field(f.id)]));
  refusedOf(ctx).set(submissionId, { ...form, sent });
}

/**
 * The refused form its button opens again, as the member sent it (the same form: what its command
 * gave besides still goes with it, and it logs once); after a day or a restart, or for someone
 * else, an empty one. Undefined when the command is no such button's.
 */
export function formAgain(ctx: DiscordContext, command: string, userId: string): APIModalInteractionResponseCallbackData | undefined {
  const match = AGAIN.exec(command);
  if (!match) return undefined;
  const kept = refusedOf(ctx).get(match[1]!);
  if (!kept || kept.userId !== userId) return logModal();
  return filledForm(kept.customId, kept.sent, kept.unit);
}
