/**
 * Which members a change makes due for the scheduler at once (next_check_at = NULL). Every change
 * is audited inside its own transaction, so the audit log asks this after each entry it writes:
 * one place, and a new kind of change cannot forget it.
 */
import type { AuditEntry } from './create-audit-log.js';

/** `entity_id` of workspace settings in the audit trail. */
export const NUDGE_LADDER = 'nudge-ladder';
export const DIGEST = 'digest';

export type DueAfterChange = 'member' | 'workspace' | 'none';

export function dueAfterChange(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'action'>): DueAfterChange {
  switch (entry.entity) {
    case 'activity':
    case 'credential':
      return 'member';
    case 'member':
      // `admin` is written in the naming admin's scope, and being an admin changes no reminder.
      return entry.action === 'settings' ? 'member' : 'none';
    case 'rule-setting':
      return 'workspace'; // the figures every member's standing is computed with
    case 'workspace':
      return entry.entityId === NUDGE_LADDER ? 'workspace' : 'none'; // a digest is not a member's reminder
  }
}
