import { z } from 'zod';
import { defineCommand, type RawOptions } from '../command.js';
import { shiftDate } from '../nudges/local-time.js';
import { errorReply, problem, reply } from '../reply.js';
import { CREDENTIAL_CODES, type CredentialCode } from '../rules/types.js';
import { CREDENTIAL_WORDS_HELP, toCredentialCode } from '../text/aliases.js';

const USAGE = 'snooze <credential> [<days>] | snooze <credential> off';
const MAX_DAYS = 90;
const REMINDER_WORDS = /^(my|the|reminders?|nudges?|notifications?)$/i;

export const snoozeCommand = defineCommand({
  name: 'snooze',
  mutates: true,
  summary: 'Hold reminders about one credential for a while (a week unless you say).',
  usage: USAGE,
  examples: ['snooze CMA', 'snooze RMA 14', 'snooze CMA off'],
  options: [
    { name: 'credential', type: 'string', description: 'Credential', required: true, choices: CREDENTIAL_CODES },
    { name: 'days', type: 'integer', description: 'How many days (default 7)', min: 1, max: MAX_DAYS },
    { name: 'off', type: 'boolean', description: 'Wake reminders up again' },
  ],
  parseText(tokens) {
    // "snooze my CMA reminders", "snooze reminders about CMA": the words say what a snooze is.
    const words = tokens.map((t) => t.text).filter((w) => !REMINDER_WORDS.test(w));
    if (words[0]?.toLowerCase() === 'about') words.shift();
    const raw: RawOptions = {};
    if (words[0]) raw.credential = words.shift();
    if (words[0]?.toLowerCase() === 'off') {
      words.shift();
      raw.off = true;
    } else if (words[0]) {
      if (words[0].toLowerCase() === 'for') words.shift();
      raw.days = words.shift();
      if (/^days?$/i.test(words[0] ?? '')) words.shift();
      else if (/^weeks?$/i.test(words[0] ?? '')) raw.days = String(Number(raw.days) * 7), words.shift();
    }
    if (words.length) raw.unexpected = words.join(' ');
    return raw;
  },
  schema: () =>
    z.object({
      credential: z.string({ error: `Say which credential, e.g. \`snooze CMA\` (${CREDENTIAL_WORDS_HELP}).` }).transform((word, ctx) => {
        const code = toCredentialCode(word);
        if (!code) ctx.addIssue({ code: 'custom', message: `“${word}” is not a credential I track. Use one of ${CREDENTIAL_WORDS_HELP}.`, params: { code: 'unknown-credential' } });
        return code ?? (z.NEVER as CredentialCode);
      }),
      days: z.coerce
        .number({ error: 'Say how many days as a number, e.g. `snooze CMA 14`.' })
        .int({ message: 'Say a whole number of days, e.g. `snooze CMA 14`.' })
        .min(1, { message: 'Snooze for at least 1 day.' })
        .max(MAX_DAYS, { message: `Snooze for at most ${MAX_DAYS} days; to stop reminders altogether, \`settings nudges off\`.` })
        .optional(),
      off: z.boolean().optional(),
      unexpected: z.string().optional().refine((v) => v === undefined, { message: 'After the credential, say a number of days or `off`, e.g. `snooze CMA 14`.', params: { code: 'unexpected-words' } }),
    }),
  run(ctx, { credential, days, off }) {
    const until = off ? null : shiftDate(ctx.today, days ?? 7);
    if (!ctx.store.snoozeCredential(ctx.member, credential, until, ctx.now.toISOString())) {
      return errorReply([problem('credential-not-held', `You do not hold ${credential}. \`credential list\` shows yours.`)], USAGE);
    }
    return reply([{ kind: 'paragraph', text: until ? `Reminders about your ${credential} are snoozed until ${until}.` : `Reminders about your ${credential} are back on.` }], 'success');
  },
});
