import { z } from 'zod';
import type { RawOptions } from '../command.js';
import { joinTokens, type Token } from '../text/tokenize.js';

/** A field that refuses leftover words, so a typo is reported instead of silently ignored. */
export function unexpectedWords(message: string) {
  return z
    .string()
    .optional()
    .refine((value) => value === undefined, { message, params: { code: 'unexpected-words' } });
}

export function noWords(tokens: Token[]): RawOptions {
  return tokens.length > 0 ? { unexpected: joinTokens(tokens) } : {};
}
