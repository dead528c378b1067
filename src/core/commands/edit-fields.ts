/**
 * The fields `edit` changes, by the word it takes, and what each changes in an activity: `edit`
 * reads them, and the Undo button of an edit names one for `undo edit <id> <field>` to put back.
 */
import type { ActivityPatch, StoredActivity } from '../ports.js';
import { quantity } from '../views/describe.js';

export const EDIT_FIELDS = ['amount', 'unit', 'category', 'title', 'provider', 'date', 'aama'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** An amount comes with its unit ("edit 12 amount 3h"). */
export const EDITED_KEYS: Record<EditField, readonly (keyof ActivityPatch)[]> = {
  amount: ['amount', 'unit'], unit: ['unit'], category: ['category'], title: ['title'], provider: ['provider'], date: ['completedOn'], aama: ['aamaApproved'],
};

/**
 * The word for what a patch changed: the narrowest field covering every key it sets, so a unit
 * changed alone is `unit` (the field the member typed, as `undo edit <id> unit` reads it) and an
 * amount, with its unit or without, is `amount`.
 */
export function editedField(patch: ActivityPatch): EditField {
  const set = (Object.keys(patch) as (keyof ActivityPatch)[]).filter((key) => patch[key] !== undefined);
  const covering = EDIT_FIELDS.filter((field) => set.every((key) => EDITED_KEYS[field].includes(key)));
  return covering.reduce((narrowest, field) => (EDITED_KEYS[field].length < EDITED_KEYS[narrowest].length ? field : narrowest));
}

/** What a field of the activity holds, for "#2 is already 90 minutes". */
export function fieldValue(activity: StoredActivity, key: keyof ActivityPatch): string {
  switch (key) {
    case 'amount':
    case 'unit':
      return quantity(activity.amount, activity.unit);
    case 'completedOn':
      return `dated ${activity.completedOn}`;
    case 'aamaApproved':
      return activity.aamaApproved ? 'AAMA-approved' : 'not AAMA-approved';
    case 'title':
      return `titled “${activity.title ?? ''}”`;
    case 'provider':
      return `from ${activity.provider ?? ''}`;
    default:
      return String(activity[key] ?? '');
  }
}

/** The value `edit <id> <field> <value>` takes to set the field as the activity has it; none for a field it has not. */
export function typedValue(activity: StoredActivity, field: EditField): string | undefined {
  const quoted = (text: string | undefined) => (text && !text.includes('"') ? `"${text}"` : undefined);
  switch (field) {
    case 'amount':
      return `${activity.amount} ${activity.unit}`;
    case 'unit':
      return activity.unit;
    case 'date':
      return activity.completedOn;
    case 'aama':
      return activity.aamaApproved ? 'yes' : 'no';
    case 'category':
      return activity.category ?? undefined;
    case 'title':
      return quoted(activity.title);
    case 'provider':
      return quoted(activity.provider);
  }
}
