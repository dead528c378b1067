import { z } from 'zod';
import { defineCommand, type CommandContext, type SchemaContext } from '../command.js';
import type { ActivityPatch } from '../ports.js';
import { errorReply, problem, reply, type Block } from '../reply.js';
import { toCategory } from '../text/aliases.js';
import { describeActivity } from '../views/describe.js';
import { outcomeLine } from '../views/outcome-line.js';
import { loadStanding } from '../views/load-standing.js';
import {
  amountField, amountProblems, booleanField, categoryField, dateField, MAX_PROVIDER_LENGTH, MAX_TITLE_LENGTH, providerField, titleField, unitField,
} from './activity-fields.js';
import { activityIdField, findOwnActivity, isProblem } from './activity-ref.js';
import { latestActivity } from './delete.js';
import { EDIT_FIELDS, editedField, fieldValue, type EditField } from './edit-fields.js';
import { EXAMPLE_VALUES, parseEditWords, shown, splitAmount, toEditField } from './read-edit-words.js';

const USAGE = 'edit <id> <amount|unit|category|title|provider|date|aama> <value>';
const FIELDS = EDIT_FIELDS;

function editSchema(ctx: SchemaContext) {
  const valueFields = {
    amount: amountField, unit: unitField, category: categoryField, title: titleField,
    provider: providerField, date: dateField(ctx, 'past'), aama: booleanField,
  };
  return z
    .object({
      id: activityIdField.optional(),
      /** Text only: "the last one" instead of an id (see parseEditWords), with what could be read of the change. */
      last: z.literal(true).optional(),
      // Checked with the value below: the line to type instead names both.
      field: z.string().optional(),
      // Trimmed: a blank value from a typed option would otherwise clear the title it was meant to change.
      value: z.string().trim().optional(),
      /** Text only: the reply to a field word that is not one (see parseEditWords). */
      fieldAdvice: z.string().optional(),
    })
    .transform((input, zctx) => {
      const fail = (code: string, message: string, path: string) => {
        zctx.addIssue({ code: 'custom', message, params: { code }, path: [path] });
        return z.NEVER;
      };
      if (input.last) return { last: true as const, field: input.field === undefined ? undefined : toEditField(input.field), value: input.value || undefined };
      if (input.id === undefined) return fail('invalid-id', 'Give the activity id from `history`, e.g. `12`.', 'id');
      const { id } = input;
      if (input.fieldAdvice) return fail('unknown-field', input.fieldAdvice, 'field');
      const field = input.field === undefined ? undefined : toEditField(input.field);
      if (input.field === undefined) fail('invalid-field', `Say which field to change: ${FIELDS.join(', ')}.`, 'field');
      else if (!field) fail('unknown-field', `“${input.field}” is not a field I can edit. Use ${FIELDS.join(', ')}.`, 'field');
      if (!input.value) {
        const example = `edit ${id} ${field ?? 'date'} ${EXAMPLE_VALUES[field ?? 'date']}`;
        fail('invalid-value', `${field === 'aama' ? 'Say yes or no' : `Give the new ${field ?? 'value'}`}, e.g. \`${example}\`.`, 'value');
      }
      if (!field || !input.value) return z.NEVER;
      const patch: ActivityPatch = {};
      let value: string = input.value;
      if (field === 'amount') {
        // "edit 12 amount 3h" changes the unit too.
        const { words, typed, rest } = splitAmount(value);
        if (rest !== undefined) {
          zctx.addIssue({ code: 'custom', message: oneFieldMessage(id, typed, rest), params: { code: 'one-field-at-a-time' } });
          return z.NEVER;
        }
        if (words?.unitWord) Object.assign(patch, parseField(valueFields.unit, words.unitWord, 'unit', zctx));
        value = words?.amount ?? value;
      }
      Object.assign(patch, parseField(valueFields[field], value, field, zctx));
      return { id, patch };
    });
}

function oneFieldMessage(id: number, amount: string, rest: string): string {
  const next = toCategory(rest) ? `category ${rest}` : /^aama$/i.test(rest) ? 'aama yes' : `<field> ${rest}`;
  return `\`edit\` changes one field at a time: \`edit ${id} amount ${amount}\`, then \`edit ${id} ${next}\`.`;
}

function sameValue(key: keyof ActivityPatch, current: unknown, next: unknown): boolean {
  return key === 'amount' ? Number(current) === Number(next) : current === next;
}

function parseField(schema: z.ZodType, value: string, field: string, zctx: z.RefinementCtx): ActivityPatch {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const i of parsed.error.issues) zctx.addIssue({ ...i, code: 'custom', params: (i as { params?: object }).params ?? { code: `invalid-${field}` } } as never);
    return {};
  }
  const key = field === 'date' ? 'completedOn' : field === 'aama' ? 'aamaApproved' : field;
  return { [key]: parsed.data } as ActivityPatch;
}

export const editCommand = defineCommand({
  name: 'edit',
  aliases: ['change', 'fix'],
  mutates: true,
  summary: 'Change one field of an activity you logged; the previous version stays in the audit trail.',
  usage: USAGE,
  examples: ['edit 12 date 2026-11-01', 'edit 12 amount 3h', 'edit 12 category general', 'edit 12 aama yes', 'edit 12 title "Sepsis update"'],
  options: [
    { name: 'id', type: 'integer', description: 'Activity id from history', required: true, autocomplete: 'activities' },
    { name: 'field', type: 'string', description: 'What to change', required: true, choices: FIELDS },
    // As long as the longest field it may hold (a title); each field's own schema judges the rest.
    { name: 'value', type: 'string', description: 'The new value', required: true, maxLength: Math.max(MAX_TITLE_LENGTH, MAX_PROVIDER_LENGTH) },
  ],
  parseText: parseEditWords,
  schema: editSchema,
  run(ctx, options) {
    if ('last' in options) return latestEdit(ctx, options);
    const { id, patch } = options;
    const found = findOwnActivity(ctx, id);
    if (isProblem(found)) return errorReply([found], USAGE);
    const merged = { ...found, ...patch };
    const problems = amountProblems(merged.amount, merged.unit);
    if (found.unit === 'card' && (patch.unit !== undefined || patch.amount !== undefined)) {
      problems.push({ code: 'card-amount', message: 'A CPR card is one card with an issue date: change its date, or delete it and log the course instead.', field: 'amount' });
    }
    if (problems.length > 0) return errorReply(problems, USAGE);
    const keys = Object.keys(patch) as (keyof ActivityPatch)[];
    if (keys.length > 0 && keys.every((key) => sameValue(key, found[key], patch[key]))) {
      return errorReply([problem('nothing-to-change', `#${id} is already ${fieldValue(found, keys[0]!)}: nothing to change.`)], USAGE);
    }
    const edited = ctx.store.editActivity(ctx.member, id, patch, ctx.now.toISOString());
    const { evaluations } = loadStanding(ctx);
    const blocks: Block[] = [
      { kind: 'paragraph', text: `Edited: ${describeActivity(edited)} (was: ${describeActivity(found)}).` },
    ];
    const counted = evaluations.map((e) => outcomeLine(e, id)).filter((t): t is string => Boolean(t));
    if (counted.length > 0) blocks.push({ kind: 'list', items: counted });
    // Aimed at this edit, by its audit id: the field it changed goes back, whatever else the member
    // changed since; pressed twice, or after a later edit of that field, it takes back no other edit.
    blocks.push({ kind: 'actions', buttons: [{ actionId: 'undo', label: 'Undo', command: `undo edit ${id} ${editedField(patch)} ${edited.auditId}` }] });
    return reply(blocks, 'success');
  },
});

/**
 * "change the last one to 3 hours": the latest log and the line that makes the change, with
 * whatever of it could be read; nothing is changed on a guess at which activity is meant.
 */
function latestEdit(ctx: CommandContext, { field, value }: { field?: EditField | undefined; value?: string | undefined }) {
  const latest = latestActivity(ctx);
  if (!latest) return errorReply([problem('which-activity', 'You have no activities to change. `history` lists what you logged.')], USAGE);
  const line = `edit ${latest.id} ${field ?? '<field>'} ${field && value ? shown(field, value) : (value ?? '<value>')}`;
  return errorReply(
    [problem('which-activity', `Say which activity by its id: your latest log is ${describeActivity(latest)}; to change it, type \`${line}\`. \`history\` lists the others.`)],
    USAGE,
  );
}
