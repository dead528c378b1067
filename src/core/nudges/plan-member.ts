import type { PlannedMessage, TeamMember } from '../ports.js';

export const DEFAULT_LADDER: readonly number[] = [120, 90, 60, 30, 14, 7, 1];

export interface PlanInput {
  member: TeamMember;
  /** Days before submit-by (the workspace's ladder, or DEFAULT_LADDER). */
  ladder: readonly number[];
  overrides: Record<string, number | boolean>;
  now: Date;
  /** Zone for a member who has set none. */
  defaultTz: string;
}

export interface PlanResult {
  /** Messages due now (within the member's delivery window); the outbox ignores keys it has. */
  messages: PlannedMessage[];
  /** ISO instant when something could next fall due for this member. */
  nextCheckAt: string;
}

export function planMember(input: PlanInput): PlanResult {
  throw new Error('WIP');
}
