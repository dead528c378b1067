import type { DigestSchedule, Platform, PlannedMessage, TeamMember } from '../ports.js';

export interface DigestSlot {
  /** Outbox key for this week's post, e.g. "digest:2026-11-23". */
  key: string;
  /** ISO instant the post falls due. */
  dueAt: string;
}

/** This week's slot when `now` is within a day after it (a post more than a day late is skipped). */
export function currentDigestSlot(schedule: DigestSchedule, now: Date): DigestSlot | undefined {
  throw new Error('WIP');
}

export interface DigestInput {
  workspaceId: number;
  platform: Platform;
  schedule: DigestSchedule;
  slot: DigestSlot;
  team: TeamMember[];
  overrides: Record<string, number | boolean>;
  now: Date;
}

export function buildDigest(input: DigestInput): PlannedMessage {
  throw new Error('WIP');
}
