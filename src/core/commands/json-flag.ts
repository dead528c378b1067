/** `--json` (or `json`) as the only option of `status` and `need`. */
import { z } from 'zod';
import type { RawOptions } from '../command.js';
import type { Token } from '../text/tokenize.js';
import { unexpectedWords } from './unexpected-words.js';

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

export const jsonFlagSchema = z.object({
  json: z.boolean().optional(),
  unexpected: unexpectedWords('Nothing goes after this command except `--json`.'),
});
