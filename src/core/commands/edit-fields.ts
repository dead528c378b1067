/**
 * The fields `edit` changes, by the word it takes, and what each changes in an activity: `edit`
 * reads them, and the Undo button of an edit names one for `undo edit <id> <field>` to put back.
 */
import type { ActivityPatch } from '../ports.js';

export const EDIT_FIELDS = ['amount', 'unit', 'category', 'title', 'provider', 'date', 'aama'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** An amount comes with its unit ("edit 12 amount 3h"). */
export const EDITED_KEYS: Record<EditField, readonly (keyof ActivityPatch)[]> = {
  amount: ['amount', 'unit'], unit: ['unit'], category: ['category'], title: ['title'], provider: ['provider'], date: ['completedOn'], aama: ['aamaApproved'],
};

/** The word for what a patch changed: the first field whose keys it sets (amount before unit). */
export function editedField(patch: ActivityPatch): EditField {
  return EDIT_FIELDS.find((field) => EDITED_KEYS[field].some((key) => patch[key] !== undefined))!;
}
