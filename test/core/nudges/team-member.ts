/** Plain TeamMember values for the planner's pure tests. */
import type { StoredActivity, StoredCredential, TeamMember } from '../../../src/core/index.js';

let nextId = 1;

export function teamMember(overrides: Partial<TeamMember> = {}): TeamMember {
  return {
    workspaceId: 1, memberId: 7, userId: 'U07', displayName: 'Alice', namedAdmin: false,
    tz: 'UTC', nudges: true, quietHours: null, pausedUntil: null, digestNamed: true, unreachableSince: null, platformTz: null,
    credentials: [], activities: [],
    ...overrides,
  };
}

export function credential(code: StoredCredential['code'], expiresOn: string, extra: Partial<StoredCredential> = {}): StoredCredential {
  return { code, expiresOn, certifiedOn: null, snoozedUntil: null, ...extra };
}

/** AAMA-approved points in one category, completed on `on`. */
export function points(amount: number, category: 'administrative' | 'clinical' | 'general', on: string, aamaApproved = true): StoredActivity {
  return { id: nextId++, memberId: 7, createdAt: `${on}T12:00:00Z`, completedOn: on, amount: String(amount), unit: 'points', category, aamaApproved };
}
