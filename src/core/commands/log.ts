import { z } from 'zod';
import { defineCommand, type CommandContext, type SchemaContext } from '../command.js';
import type { NewActivity, StoredActivity } from '../ports.js';
import { errorReply, problem, reply, type Block } from '../reply.js';
import { UNITS, type Evaluation, type Unit } from '../rules/types.js';
import { describeActivity, formatNumber, quantity } from '../views/describe.js';
import { outcomeLine } from '../views/outcome-line.js';
import { currentCycle, loadStanding } from '../views/load-standing.js';
import { evaluate } from '../rules/index.js';
import {
  amountField, booleanField, categoryField, certificateField, checkAmount, dateField, MAX_PROVIDER_LENGTH, MAX_TITLE_LENGTH, providerField, titleField,
  unitField,
} from './activity-fields.js';
import { parseLogWords, type SecondAmount } from './parse-log-words.js';
import { withUnit } from './read-edit-words.js';
import { UNIT_WORDS_HELP, CATEGORY_WORDS_HELP, nearCategory } from '../text/aliases.js';

const USAGE = 'log <amount><unit> [category] ["title"] [on <date>] [from <provider>] [aama]';

function logSchema(ctx: SchemaContext) {
  return z
    .object({
      amount: amountField.optional(),
      unit: unitField.optional(),
      cpr: booleanField.optional(),
      category: categoryField.optional(),
      title: titleField.optional(),
      provider: providerField.optional(),
      date: dateField(ctx, 'past').optional(),
      aama: booleanField.optional(),
      certificate: certificateField.optional(),
      secondCategory: z
        .string()
        .optional()
        .refine((v) => v === undefined, { message: 'Give one category; quote a title that contains a category word, e.g. `log 2h admin "Clinical coding"`.', params: { code: 'two-categories' } }),
      ...textOnlyRefusals,
      // A hint only (see parseLogWords): the activity is logged as typed.
      providerAfterForm: z.string().optional(),
    })
    .superRefine(
      (value, zctx) => {
        const fail = (code: string, message: string, field: string) => zctx.addIssue({ code: 'custom', message, params: { code }, path: [field] });
        if (value.amountNotFirst !== undefined) return;
        if (value.cpr) {
          if (value.amount !== undefined || value.unit !== undefined) fail('card-with-amount', 'A CPR/BLS card is logged by its issue date alone: `log cpr on 2024-06-20`.', 'amount');
        } else if (value.amount === undefined) {
          fail('missing-amount', 'Say how much, as printed on the certificate, e.g. `log 2h clinical ...` or `log 3 ceu general ...`.', 'amount');
        } else if (value.unit === undefined) {
          fail('missing-unit', `Say what unit ${value.amount} is in: ${UNIT_WORDS_HELP}, e.g. \`${value.amount}h\`.`, 'unit');
        } else checkAmount(value.amount, value.unit, zctx);
      },
      // Run even when another field failed, so every problem is reported at once.
      { when: ({ value }) => isCheckable(value) },
    )
    .transform(({ cpr, amount, unit, secondCategory: _, secondAmount: _a, repeatedKeyword: _k, categoryInTitle: _c, categoryTypo: _t, amountNotFirst: _n, ...rest }) => ({ ...rest, amount: cpr ? '1' : amount!, unit: cpr ? ('card' as const) : unit! }));
}

/** What parseLogWords flags instead of guessing: present only when the typed line was ambiguous. */
const refused = (code: string, message: (word: string) => string) =>
  z.string().optional().refine((v) => v === undefined, { error: (iss) => message(String(iss.input)), params: { code } });

const textOnlyRefusals = {
  secondAmount: z
    .object({ typed: z.string(), line: z.string(), together: z.boolean() })
    .optional()
    .refine((v) => v === undefined, { error: (iss) => twoAmountsMessage(iss.input as SecondAmount), params: { code: 'two-amounts' } }),
  repeatedKeyword: refused('repeated-keyword', (word) => `\`${word}\` appears twice, so I can't tell which is part of the title. Quote the title, e.g. \`log 2h clinical "Work on wards" on 2026-11-01\`.`),
  categoryTypo: refused('category-typo', categoryTypoMessage),
  amountNotFirst: refused('amount-first', (line) => `The amount comes first: \`${line}\`.`),
  categoryInTitle: refused('ambiguous-category', (word) => `“${word}” sits inside the title, so I can't tell whether it is the category. Quote the title or put the category right after the amount, e.g. \`log 2h ${word} "Anatomy for staff"\`.`),
};

/** "1h 15min" is one amount written as two: their sum to type; other pairs are two activities. */
function twoAmountsMessage({ typed, line, together }: SecondAmount): string {
  return together
    ? `One entry holds one amount, and “${typed}” is a second one. Together they are one amount: \`${line}\`.`
    : `One entry holds one amount, and “${typed}” is a second one. Log each separately: ${line}.`;
}

/**
 * The line a CMA holder's log without a category could have been, keeping what was typed ("1 hours"
 * was offered for "1 hour"): the category word is the one to choose.
 */
function withCategoryLine(options: { amount: string; unit: Unit; title?: string | undefined; date?: string | undefined; provider?: string | undefined; aama?: boolean | undefined }): string {
  return [
    `log ${withUnit(options.amount, options.unit)} clinical`,
    options.title ? `"${options.title.replace(/"/g, '')}"` : '',
    options.date ? `on ${options.date}` : '',
    options.provider ? `from ${options.provider}` : '',
    // "from AAMA" already marks it.
    options.aama && !/^aama$/i.test(options.provider ?? '') ? 'aama' : '',
  ].filter(Boolean).join(' ');
}

function categoryTypoMessage(word: string): string {
  const category = nearCategory(word);
  return `“${word}” looks like the category “${category}”, misspelt: type \`${category}\` after the amount, e.g. \`log 2h ${category} …\`. If “${word}” is part of the title, quote the title to keep it as typed, e.g. \`log 2h "${word} …"\`.`;
}

/** The amount and unit parsed (or absent): only then can they be checked against each other. */
function isCheckable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, unit } = value as { amount?: unknown; unit?: unknown };
  const amountOk = amount === undefined || (typeof amount === 'string' && /^\d*\.?\d+$/.test(amount));
  return amountOk && (unit === undefined || (UNITS as readonly unknown[]).includes(unit));
}

export const logCommand = defineCommand({
  name: 'log',
  aliases: ['add', 'record'],
  mutates: true,
  summary: 'Record an activity once; it counts toward every credential you hold that accepts it.',
  usage: USAGE,
  examples: [
    'log 2h clinical "Phlebotomy basics" from Relias on 2026-11-01 aama',
    'log 90min admin Coding update',
    'log 3 ceu general yesterday',
    'log 0.5 iacet clinical Sepsis',
    'log 2 college-credits clinical Pharmacology on 2023-10-15',
    'log cpr on 2024-06-20',
  ],
  options: [
    { name: 'amount', type: 'number', description: 'How much, as printed on the certificate', min: 0.01, max: 6000 },
    { name: 'unit', type: 'string', description: `Unit as printed: ${UNIT_WORDS_HELP}`, choices: ['hours', 'minutes', 'ceu', 'iacet', 'college-credits', 'nha-credits', 'points'] },
    { name: 'cpr', type: 'boolean', description: 'A CPR/BLS card, logged by its issue date (no amount)' },
    { name: 'category', type: 'string', description: `CMA category: ${CATEGORY_WORDS_HELP}`, choices: ['administrative', 'clinical', 'general'] },
    { name: 'title', type: 'string', description: 'Course title', maxLength: MAX_TITLE_LENGTH },
    { name: 'date', type: 'date', description: 'Completion date (default today): 2026-11-01, yesterday, Nov 1' },
    { name: 'provider', type: 'string', description: 'Who gave it, e.g. Relias', autocomplete: 'providers', maxLength: MAX_PROVIDER_LENGTH },
    { name: 'aama', type: 'boolean', description: 'AAMA-approved CEU' },
    { name: 'certificate', type: 'attachment', description: 'The certificate (kept with the activity for audits)' },
  ],
  parseText: parseLogWords,
  schema: logSchema,
  run(ctx, options) {
    const credentials = ctx.store.listCredentials(ctx.member);
    if (options.unit !== 'card' && !options.category && credentials.some((c) => c.code === 'CMA')) {
      return errorReply(
        [problem('missing-category', `Your CMA counts points by category: add ${CATEGORY_WORDS_HELP}, e.g. \`${withCategoryLine(options)}\`.`, 'category')],
        USAGE,
      );
    }
    if (options.unit === 'card') {
      const issuedOn = options.date ?? ctx.today;
      const same = ctx.store.listActivities(ctx.member).find((a) => a.unit === 'card' && a.completedOn === issuedOn);
      // A card is one event: the same issue date twice is a repeat, and would count its hours twice.
      if (same) return errorReply([problem('duplicate-card', `You logged a CPR card issued ${issuedOn} already (#${same.id}).`, 'date')], USAGE);
    }
    const activity: NewActivity = {
      completedOn: options.date ?? ctx.today,
      amount: options.amount,
      unit: options.unit!,
      aamaApproved: options.aama ?? false,
      ...(options.category ? { category: options.category } : {}),
      ...(options.title ? { title: options.title } : {}),
      ...(options.provider ? { provider: options.provider } : {}),
      ...(options.certificate ? { certificate: options.certificate } : {}),
    };
    const logged = ctx.store.addActivity(ctx.member, activity, ctx.now.toISOString());
    const trackedCard: Block[] = logged.unit === 'card' && !credentials.some((c) => c.code === 'BLS')
      ? [{ kind: 'paragraph', text: `To be reminded before this card expires, track it too: \`credential add BLS certified ${logged.completedOn}\`.` }]
      : [];
    const { evaluations, countedBefore } = standingWithAndWithout(ctx, logged.id);
    const blocks: Block[] = [{ kind: 'paragraph', text: `Logged ${describeActivity(logged)}.` }, ...trackedCard, ...fromTypedAsForm(logged, options.providerAfterForm)];
    blocks.push(...countedBlocks(logged, evaluations, countedBefore));
    blocks.push({
      kind: 'actions',
      buttons: [
        // Deletes this activity, not "the last change": a later log must not be the one undone.
        { actionId: 'undo', label: 'Undo', command: `delete ${logged.id}`, style: 'danger' },
        { actionId: 'log-another', label: 'Log another', command: 'log' },
      ],
    });
    return { ...reply(blocks, 'success'), logged: logged.id };
  },
});

/** "form Relias" at the end of a title is probably `from Relias`: say how to move it, without refusing a real title. */
function fromTypedAsForm(logged: StoredActivity, provider: string | undefined): Block[] {
  if (!provider) return [];
  const rest = (logged.title ?? '').replace(/\s*\bform\s+\S+$/, '');
  // A title cannot be emptied by `edit`, so a title that was only "form Relias" is logged again instead.
  const fix = rest
    ? `type \`edit ${logged.id} provider ${provider}\` and \`edit ${logged.id} title "${rest}"\``
    : `type \`edit ${logged.id} provider ${provider}\`, or \`delete ${logged.id}\` and log it again with \`from ${provider}\` to drop the title`;
  return [{ kind: 'paragraph', text: `If ${provider} is who gave it (\`from\`, not “form”), ${fix}.` }];
}

type CountedById = Map<number, number>;

/**
 * The standing with the new activity, and what each other activity counted without it: under a
 * full cap (the CMA's 30 non-AAMA points, chosen optimally) an activity can count in place of
 * another's points, and only another activity counting less says so (comparing totals would see a
 * cap wherever the total moved by less than the activity's exact credit).
 */
function standingWithAndWithout(ctx: CommandContext, activityId: number): { evaluations: Evaluation[]; countedBefore: Map<Evaluation, CountedById> } {
  const { credentials, activities, evaluations } = loadStanding(ctx);
  const others = activities.filter((a) => a.id !== activityId);
  const countedBefore = new Map(evaluations.map((e, i): [Evaluation, CountedById] => {
    const before = evaluate(currentCycle(credentials[i]!, others), others, ctx.today, ctx.overrides, { explain: true });
    return [e, new Map(before.activities.map((a) => [a.activityId, a.counted]))];
  }));
  return { evaluations, countedBefore };
}

function countedBlocks(logged: StoredActivity, evaluations: Evaluation[], countedBefore: Map<Evaluation, CountedById>): Block[] {
  if (evaluations.length === 0) {
    return [{ kind: 'paragraph', text: 'You hold no credentials yet, so it counts toward nothing for now. Add one, e.g. `credential add CMA expires 2027-02-28`, and it will count.' }];
  }
  const items = evaluations.flatMap((e) => {
    if (e.code === 'BLS') return logged.unit === 'card' ? [`BLS: card valid through ${e.cycle.end}`] : [];
    const left = e.remaining > 0 ? `, ${formatNumber(e.remaining)} still needed` : ', all met';
    const total = e.required > 0 ? `; now ${formatNumber(e.earned)} of ${quantity(e.required, e.unit)}${left}` : '';
    return [`${outcomeLine(e, logged.id) ?? `${e.code}: not counted`}${displaced(e, logged.id, countedBefore.get(e))}${total}`];
  });
  return items.length > 0 ? [{ kind: 'list', items }] : [];
}

/**
 * ", in place of 2 points other activities counted": what the other activities count less with it,
 * all told (the optimal choice under a cap may move points between them without any lost). From the
 * figures as shown, which add up to the totals: the previous total, plus this activity's figure,
 * less this, is the new total.
 */
function displaced(e: Evaluation, activityId: number, before: CountedById | undefined): string {
  const counted = e.activities.find((a) => a.activityId === activityId)?.counted ?? 0;
  if (before === undefined || counted === 0) return '';
  let lost = 0;
  for (const other of e.activities) {
    if (other.activityId !== activityId) lost += (before.get(other.activityId) ?? 0) - other.counted;
  }
  const replaced = Math.round(lost * 100) / 100;
  return replaced > 0 ? `, in place of ${quantity(replaced, e.unit)} other activities counted (a limit is reached)` : '';
}
