/** `--json` (or `json`) as the only option of `status` and `need`. */
import { z } from 'zod';
import type { RawOptions } from '../command.js';
import { toCredentialCode } from '../text/aliases.js';
import type { Token } from '../text/tokenize.js';

export function parseJsonFlag(tokens: Token[]): RawOptions {
  const raw: RawOptions = {};
  const extra: string[] = [];
  for (const token of tokens) {
    // Phones turn `--` into a dash (iOS: "—json"), which is the same flag.
    if (['--json', 'json', '-j', '—json', '–json', '-json'].includes(token.text.toLowerCase())) raw.json = true;
    else extra.push(token.text);
  }
  if (extra.length > 0) raw.unexpected = extra.join(' ');
  return raw;
}

/**
 * "status CMA", "need for my RMA": the command answers for every credential at once, so it says
 * so, and where one credential's own activities are.
 */
export function jsonFlagSchema(command: string) {
  return z.object({
    json: z.boolean().optional(),
    unexpected: z
      .string()
      .optional()
      .refine((value) => value === undefined, {
        error: (iss) => {
          const code = String(iss.input).split(/\s+/).map(toCredentialCode).find(Boolean);
          return code
            ? `\`${command}\` answers for every credential you hold, ${code} included: type \`${command}\` alone. For what counted toward ${code}: \`history ${code}\`.`
            : 'Nothing goes after this command except `--json`.';
        },
        params: { code: 'unexpected-words' },
      }),
  });
}
