/**
 * What `/ceu log` was given that its form has no field for (log-modal.ts), kept in memory from the
 * command to the form's submission, per running bot. A form can stay open for long; after a day,
 * or a restart, its entry is gone, and the submission saves nothing rather than lose part of it.
 */
import type { DiscordContext } from './discord-context.js';
import type { FormExtras } from './log-modal.js';

const KEEP_MS = 24 * 60 * 60 * 1000;
/** Forms opened within a day; a bound, so that a flood of commands cannot grow memory without end. */
const MAX_FORMS = 10_000;

const byBot = new WeakMap<DiscordContext, Map<string, { extras: FormExtras; atMs: number }>>();

function formsOf(ctx: DiscordContext): Map<string, { extras: FormExtras; atMs: number }> {
  let forms = byBot.get(ctx);
  if (!forms) byBot.set(ctx, (forms = new Map()));
  return forms;
}

export function rememberForm(ctx: DiscordContext, formId: string, extras: FormExtras, nowMs = Date.now()): void {
  const forms = formsOf(ctx);
  // Oldest first (insertion order): stop at the first one still fresh.
  for (const [id, form] of forms) {
    if (nowMs - form.atMs <= KEEP_MS && forms.size < MAX_FORMS) break;
    forms.delete(id);
  }
  forms.set(formId, { extras, atMs: nowMs });
}

/** Kept, not taken: a submission Discord saw fail can be sent again from the same open form. */
export function recallForm(ctx: DiscordContext, formId: string, nowMs = Date.now()): FormExtras | undefined {
  const form = formsOf(ctx).get(formId);
  return form && nowMs - form.atMs <= KEEP_MS ? form.extras : undefined;
}
