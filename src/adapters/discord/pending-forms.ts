/**
 * What `/ceu log` was given that its form has no field for (log-modal.ts), kept in memory from the
 * command to the form's submission, per running bot. A form can stay open for long; after a day,
 * or a restart, its entry is gone, and the submission saves nothing rather than lose part of it.
 */
import { keptForADay } from '../kept-for-a-day.js';
import type { DiscordContext } from './discord-context.js';
import type { FormExtras } from './log-modal.js';

const formsOf = keptForADay<FormExtras>();

export function rememberForm(ctx: DiscordContext, formId: string, extras: FormExtras, nowMs = Date.now()): void {
  formsOf(ctx).set(formId, extras, nowMs);
}

/** Kept, not taken: a submission Discord saw fail can be sent again from the same open form. */
export function recallForm(ctx: DiscordContext, formId: string, nowMs = Date.now()): FormExtras | undefined {
  return formsOf(ctx).get(formId, nowMs);
}
