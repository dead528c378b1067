/**
 * The log form for `/ceu log` with too little to go on, or the Log another button. Discord
 * modals take at most five text inputs, so amount and unit share one ("2h", "90 min", "3 ceu")
 * and the answers become a `log` line that goes through the same grammar and schema as typed text.
 */
import type { APIModalInteractionResponseCallbackData } from 'discord.js';

export const LOG_MODAL_ID = 'ceu:log-modal';
const FIELDS = [
  { id: 'amount', label: 'Amount and unit', placeholder: '2h, 90 min, 3 ceu, 0.5 iacet', required: true, max: 30 },
  { id: 'category', label: 'Category', placeholder: 'administrative, clinical or general', required: false, max: 20 },
  { id: 'title', label: 'Title', placeholder: 'Phlebotomy basics', required: false, max: 200 },
  { id: 'date', label: 'Completed on', placeholder: '2026-11-01 or yesterday (empty: today)', required: false, max: 40 },
  { id: 'aama', label: 'AAMA-approved?', placeholder: 'yes or no', required: false, max: 5 },
] as const;

/** The form, with whatever the member already typed in the slash command filled in. */
export function logModal(typed: Record<string, unknown> = {}): APIModalInteractionResponseCallbackData {
  const prefill: Record<string, string> = {
    ...(typeof typed.category === 'string' ? { category: typed.category } : {}),
    ...(typeof typed.title === 'string' ? { title: typed.title } : {}),
    ...(typeof typed.date === 'string' ? { date: typed.date } : {}),
    ...(typed.aama === true ? { aama: 'yes' } : {}),
  };
  return {
    custom_id: LOG_MODAL_ID,
    title: 'Log an activity',
    components: FIELDS.map((f) => ({
      type: 1,
      components: [{
        type: 4, custom_id: f.id, label: f.label, placeholder: f.placeholder, style: 1, required: f.required, max_length: f.max,
        ...(prefill[f.id] ? { value: prefill[f.id]!.slice(0, f.max) } : {}),
      }],
    })),
  };
}

/** The submitted fields as a `log` command line. */
export function logLineFrom(field: (id: string) => string): string {
  const clean = (id: string) => field(id).replace(/["“”]/g, '').trim();
  const parts = ['log', clean('amount')];
  if (clean('category')) parts.push(clean('category'));
  if (clean('title')) parts.push(`"${clean('title')}"`);
  if (clean('date')) parts.push('on', clean('date'));
  if (/^(y|yes|true)$/i.test(clean('aama'))) parts.push('aama');
  return parts.join(' ');
}
