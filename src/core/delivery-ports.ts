/**
 * The delivery ports: what the core plans (PlannedMessage), what the scheduler needs from storage
 * (SchedulerStore: due members, the outbox and its delivery states) and what each platform's
 * notifier does. Re-exported by ports.ts, with which it shares the member types.
 */
import type { DigestSchedule, Member, Platform, TeamMember } from './ports.js';
import type { Reply } from './reply.js';
import type { SavedTally } from './rules/tally.js';

/** Where a planned message goes: the member's DM, or a channel of the workspace. */
export type OutboxTarget = { kind: 'direct'; userId: string } | { kind: 'channel'; channelId: string };

export type MessageKind = 'nudge' | 'pace' | 'renewal' | 'digest';

/** A message the core decided is due; `key` is unique per workspace, so planning twice inserts once. */
export interface PlannedMessage {
  key: string;
  /**
   * Messages that replace each other (one credential's reminders of one kind in one cycle: a
   * later ladder stage replaces an earlier one). One still waiting when a newer one of its series
   * is planned (after an outage, say) is dropped unsent: it would say stale things.
   */
  series?: string;
  /**
   * A ladder stage's first instant (local midnight of its day). A message of the same series sent
   * since then reminded the member within this stage already (the ladder changed after it went
   * out): this one is not added, or every ladder change would start a round of reminders. A pace
   * note uses it the same way: one sent in the last four weeks covers the next pace period's.
   */
  stageFrom?: string;
  workspaceId: number;
  memberId: number | null; // null for a channel post
  target: OutboxTarget;
  kind: MessageKind;
  reply: Reply;
}

export interface OutboxMessage extends PlannedMessage {
  id: number;
  platform: Platform;
  tenantId: string;
  /** Send attempts so far, including the one this claim starts. */
  attempts: number;
  createdAt: string;
  /**
   * A DM to a member: their zone and quiet hours as they are at the claim, so a retry or a late
   * send stays inside their hours. Absent for a channel post, which is nobody's night.
   */
  recipient?: Pick<Member, 'tz' | 'platformTz' | 'quietHours'>;
  /**
   * A DM to a member: their data version at the claim. A change since (a log, a setting, a pause,
   * a credential removed) means the message was planned from data that no longer holds.
   */
  dataVersion?: number;
}

export interface OutboxCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
}

export interface NextCheck {
  memberId: number;
  at: string;
  dataVersion?: number;
  tallies?: SavedTally[];
}

/** What the scheduler needs from storage: due members, the outbox and its delivery states. */
export interface SchedulerStore {
  /** Members whose next check is due (a member never checked, or changed since, is due), by id after `afterId`. */
  listDueMembers(nowAt: string, afterId: number, limit: number): TeamMember[];
  /**
   * When to look at each member again, and tallies counted afresh to save. A check carrying the
   * `dataVersion` it was planned from is dropped if the member changed since (they stay due).
   */
  setNextChecks(checks: NextCheck[]): void;
  /** One page of a workspace's members (by id, after `afterId`) with their data: a digest, a page at a time. */
  listTeamPage(workspaceId: number, afterId: number, limit: number): TeamMember[];
  /** Workspaces with a digest configured. */
  listDigests(): { workspaceId: number; platform: Platform; digest: DigestSchedule }[];
  /** Inserts the messages whose (workspace, key) is new, in one transaction; returns how many were new. */
  enqueue(messages: PlannedMessage[], nowAt: string): number;
  hasMessage(workspaceId: number, key: string): boolean;
  /** Up to `limit` messages due by `nowAt`, oldest first, each marked sending with attempts + 1. */
  /** `platforms`: only messages for these (the ones running in this process); all when omitted. */
  claimDue(nowAt: string, limit: number, platforms?: readonly Platform[]): OutboxMessage[];
  markSent(id: number, nowAt: string): void;
  /**
   * Back to pending, to try again at `nextAttemptAt`. `counted: false` when the platform only said
   * to wait (Retry-After, a pause): the claim is not counted as an attempt, as with `release`.
   */
  markRetry(id: number, nextAttemptAt: string, error: string, counted?: boolean): void;
  /** Back to pending without counting the claim as an attempt: it was never sent (a pause, a stop). */
  release(id: number, nextAttemptAt: string): void;
  /**
   * Given up for good because the recipient cannot be reached (closed DMs, an unknown user or
   * channel): a DM failure marks the member unreachable and keeps the note for them; a channel post
   * the bot may not make is kept for the admin who set the digest in that channel, while it is
   * still the digest's channel.
   */
  markFailed(id: number, error: string, nowAt: string): void;
  /**
   * Given up for good for a reason that is not the recipient's (a platform down through every
   * retry, a message the platform refuses): nobody is marked unreachable and no note is kept.
   */
  markAbandoned(id: number, error: string, nowAt: string): void;
  /**
   * A member's reminder that failed on every try of a transient failure (an outage): removed, and
   * the member made due, so the next sweep plans it again from their data as it is then.
   */
  replan(id: number): void;
  /**
   * Whether a claimed message still stands, checked just before it is sent, put back or retried:
   * not when it is gone or was settled elsewhere, nor when it is a DM whose member changed since
   * the claim (`dataVersion`). That one is withdrawn, as a change withdraws the member's messages
   * still pending, and the member made due so the sweep plans afresh. One lookup by primary key.
   */
  confirmClaim(message: Pick<OutboxMessage, 'id' | 'dataVersion'>): boolean;
  /** At start-up: messages left "sending" by a crash go back to pending (at most one duplicate). */
  requeueInterrupted(): number;
  /** When the next pending message falls due, if any. */
  nextDueAt(platforms?: readonly Platform[]): string | undefined;
  countOutbox(): OutboxCounts;
}

/** A platform's documented pace: at most `count` messages every `perMs`. */
export interface RateLimit {
  count: number;
  perMs: number;
}

export type DeliveryResult =
  | { ok: true }
  /**
   * `permanent`: retrying cannot help (closed DMs, unknown channel). `retryAfterMs`: the platform
   * said when to try again (429 Retry-After); `scope` says whether the pause is for this target only.
   */
  | {
    ok: false; permanent: boolean; reason: string; retryAfterMs?: number; scope?: 'target' | 'global';
    /**
     * With `permanent`: the recipient cannot be reached there (closed DMs, an unknown user or
     * channel), so a DM's member is marked unreachable. For a channel post, also when the bot may
     * not post in that channel (not invited, no permission, archived): the admin who chose the
     * channel is told, as only they can fix it. Absent when the failure is not theirs (the message
     * itself refused, an outage, a DM refused for the bot's permissions): nobody is blamed.
     */
    unreachable?: boolean;
  };

/** Delivers planned messages on one platform; each adapter has one (`notifier.ts`). */
export interface Notifier {
  readonly platform: Platform;
  /** The drainer keeps within these: overall, and per DM or channel. */
  readonly limits: { global: RateLimit; perTarget: RateLimit };
  send(message: OutboxMessage): Promise<DeliveryResult>;
}
