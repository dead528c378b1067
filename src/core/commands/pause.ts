import { z } from 'zod';
import { defineCommand } from '../command.js';
import { reply } from '../reply.js';
import { resolveDate } from '../text/resolve-date.js';
import { shiftCalendarDate } from '../rules/calendar-date.js';
import { addYears } from 'date-fns';

/** The furthest a pause reaches: a break, not for good (that is `settings nudges off`), so a typo in the year cannot silence every deadline. */
const MAX_PAUSE_YEARS = 1;

export const pauseCommand = defineCommand({
  name: 'pause',
  mutates: true,
  summary: 'Pause your reminders until a date (`pause off` resumes them).',
  usage: 'pause until <date> | pause off',
  examples: ['pause until 2027-01-15', 'pause until next monday', 'pause off'],
  options: [{ name: 'until', type: 'date', description: 'Resume reminders on this date', required: true }],
  parseText(tokens) {
    const words = tokens.map((t) => t.text);
    // "pause my reminders until Jan 5": what is paused, said.
    while (words[0] && /^(my|all|the|reminders|nudges|notifications)$/i.test(words[0])) words.shift();
    if (words[0]?.toLowerCase() === 'off' || words[0]?.toLowerCase() === 'resume') return { until: 'off' };
    if (words[0]?.toLowerCase() === 'until') words.shift();
    return words.length ? { until: words.join(' ') } : {};
  },
  schema: (ctx) =>
    z.object({
      until: z
        .string({ error: 'Say until when, e.g. `pause until 2027-01-15`, or `pause off`.' })
        .transform((text, zctx) => {
          if (text === 'off') return 'off';
          const result = resolveDate(text, { today: ctx.today, direction: 'future', field: 'until', monthOnly: 'start' });
          if (result.ok) return result.on;
          zctx.addIssue({ code: 'custom', message: result.problem.message, params: { code: result.problem.code } });
          return z.NEVER;
        }),
    }).superRefine((v, zctx) => {
      if (v.until === 'off') return;
      if (v.until <= ctx.today) {
        zctx.addIssue({ code: 'custom', message: 'Pick a date after today, e.g. `pause until next monday`.', params: { code: 'pause-in-past' } });
        return;
      }
      const furthest = shiftCalendarDate(ctx.today, (d) => addYears(d, MAX_PAUSE_YEARS));
      if (v.until > furthest) {
        zctx.addIssue({ code: 'custom', message: `A pause lasts a year at most (until ${furthest}), so no deadline passes unnoticed; to stop reminders altogether, type \`settings nudges off\`.`, params: { code: 'pause-too-long' } });
      }
    }),
  run(ctx, { until }) {
    const pausedUntil = until === 'off' ? null : until;
    ctx.store.updateMemberSettings(ctx.member, { pausedUntil }, ctx.now.toISOString());
    return reply([{ kind: 'paragraph', text: pausedUntil ? `Reminders paused until ${pausedUntil}.` : 'Reminders are back on.' }], 'success');
  },
});
