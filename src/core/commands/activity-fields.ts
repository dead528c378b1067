/**
 * zod fields shared by `log` and `edit`: an amount as an exact decimal string, a unit word, a
 * category word and a date in words. Every refusal carries a stable code and says what to type.
 */
import { z } from 'zod';
import type { SchemaContext } from '../command.js';
import type { Unit } from '../rules/types.js';
import { CATEGORY_WORDS_HELP, UNIT_WORDS_HELP, nearCategory, nearUnit, toCategory, toUnit } from '../text/aliases.js';
import { resolveDate } from '../text/resolve-date.js';
import { normalizeDecimal } from '../text/read-amount.js';
import { problem, type Problem } from '../reply.js';

/** The most one entry may claim, in hours: more is almost surely a typo (an issue's rule). */
export const MAX_HOURS_PER_ENTRY = 100;

/** Hours each unit stands for, only to catch absurd amounts; the rules engine converts exactly. */
const HOURS_PER_UNIT: Record<Unit, number> = {
  hours: 1, minutes: 1 / 60, ceu: 1, iacet: 10, 'college-credits': 15, 'nha-credits': 2, points: 1, card: 0,
};

function issue(ctx: z.RefinementCtx, code: string, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

export const amountField = z
  .union([z.string(), z.number()], { error: 'Say how much, e.g. `2h`, `90min` or `3 ceu`.' })
  .transform((value, ctx) => {
    const text = normalizeDecimal(String(value).trim());
    if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(text)) {
      return issue(ctx, 'invalid-amount', `“${value}” is not an amount. Start with a number, e.g. \`2h\` or \`1.5 ceu\`.`);
    }
    if (Number(text) <= 0) return issue(ctx, 'amount-not-positive', 'The amount must be more than zero, e.g. `2h`.');
    if (/\.\d{3,}$/.test(text)) return issue(ctx, 'too-many-decimals', 'Use at most 2 decimals, e.g. `1.25h`.');
    return text.replace(/^\+/, '').replace(/^\./, '0.');
  });

export const unitField = z
  .string({ error: `Say what unit the amount is in: ${UNIT_WORDS_HELP}, e.g. \`2h\` or \`3 ceu\`.` })
  .transform((word, ctx) => toUnit(word) ?? issue(ctx, 'unknown-unit', unknownUnitMessage(word)));

function unknownUnitMessage(word: string): string {
  // Three units print as "credits": which one decides how much it counts.
  if (/^(ce[- ]?)?credits?$/i.test(word)) {
    return 'Which credits? Type `nha-credits` (NHA), `college-credits` (a college course) or `points` (AAMA or AMT points), as the certificate prints them.';
  }
  const meant = nearUnit(word);
  return `“${word}” is not a unit I know.${meant ? ` Did you mean “${meant}”?` : ''} Use ${UNIT_WORDS_HELP}.`;
}

export const categoryField = z.string({ error: `The category is a word: ${CATEGORY_WORDS_HELP}.` }).transform((word, ctx) => {
  const meant = nearCategory(word);
  const hint = meant ? ` Did you mean “${meant}”?` : '';
  return toCategory(word) ?? issue(ctx, 'unknown-category', `“${word}” is not a category.${hint} Use ${CATEGORY_WORDS_HELP}.`);
});

/** The longest title and provider kept; the commands' option declarations carry them to the platforms. */
export const MAX_TITLE_LENGTH = 200;
export const MAX_PROVIDER_LENGTH = 100;

export const titleField = z
  .string({ error: 'The title is text, e.g. "Phlebotomy basics".' })
  .trim()
  .max(MAX_TITLE_LENGTH, { error: `Keep the title under ${MAX_TITLE_LENGTH} characters.` });
export const providerField = z
  .string({ error: 'The provider is text, e.g. Relias.' })
  .trim()
  .max(MAX_PROVIDER_LENGTH, { error: `Keep the provider under ${MAX_PROVIDER_LENGTH} characters.` })
  .refine((v) => v.length > 0, { message: 'Say who gave it after `from`, e.g. `from Relias`.', params: { code: 'missing-provider' } });

export function dateField(ctx: SchemaContext, direction: 'past' | 'future' | 'any', field = 'date', monthOnly: 'end' | 'start' | 'refuse' = 'refuse') {
  return z.string({ error: `The ${field} is a date such as 2026-11-01 or "yesterday".` }).transform((text, zctx) => {
    const result = resolveDate(text, { today: ctx.today, direction, field, monthOnly });
    return result.ok ? result.on : issue(zctx, result.problem.code, result.problem.message);
  });
}

/** A platform-hosted file: only https links, as the platforms serve them. */
export const certificateField = z.object(
  {
    url: z.url({ protocol: /^https$/, error: 'The certificate must be an https link.' }),
    name: z.string().trim().min(1).max(200, { error: 'Keep the file name under 200 characters.' }),
  },
  { error: 'Attach the certificate as a file.' },
);

export const booleanField = z.union([z.boolean(), z.string()], { error: 'Say yes or no.' }).transform((value, ctx) => {
  if (typeof value === 'boolean') return value;
  const word = value.toLowerCase();
  if (['yes', 'y', 'true', 'on', 'aama'].includes(word)) return true;
  if (['no', 'n', 'false', 'off'].includes(word)) return false;
  return issue(ctx, 'invalid-boolean', `“${value}” should be yes or no.`);
});

/** Cross-field checks on an amount once its unit is known. */
export function amountProblems(amount: string, unit: Unit): Problem[] {
  const problems: Problem[] = [];
  const hours = Number(amount) * HOURS_PER_UNIT[unit];
  if (hours > MAX_HOURS_PER_ENTRY) {
    problems.push(problem('amount-too-large', `${amount} ${unit} is more than ${MAX_HOURS_PER_ENTRY} hours in one entry. Check the number, or log each course separately.`, 'amount'));
  }
  // RULES.md: "0.1 CEU" is almost surely an IACET CEU (10 contact hours each): ask, never guess.
  if (unit === 'ceu' && Number(amount) < 1) {
    problems.push(problem('ambiguous-ceu', `${amount} CEU looks like IACET CEUs (1 IACET CEU = 10 contact hours). If the certificate says IACET, type \`${amount} iacet\`; if it means contact hours, type \`${amount}h\`.`, 'unit'));
  }
  return problems;
}

export function checkAmount(amount: string, unit: Unit, ctx: z.RefinementCtx): void {
  for (const p of amountProblems(amount, unit)) ctx.addIssue({ code: 'custom', message: p.message, params: { code: p.code }, path: [p.field ?? 'amount'] });
}
