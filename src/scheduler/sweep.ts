/**
 * One sweep: every member whose next check is due is planned by the core, page by page; each
 * page's messages are enqueued (the outbox ignores keys it has) before the members' next checks are
 * set, so a crash in between re-plans rather than loses. Tallies a page counted afresh are saved with
 * its next checks, tied to the data version they were counted from (src/core/rules/tally.ts). Pages are sized so that no synchronous
 * step (read, plan, write) holds the event loop for more than about 6 ms, and the loop gets a turn
 * between pages. Then each configured team digest whose weekly slot is open is built once.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { createDigestTally, currentDigestSlot, DEFAULT_LADDER, digestMessage, localTime, planMember, type PlanResult } from '../core/index.js';
import type { Clock, Logger, NextCheck, PlannedMessage, SchedulerStore, Store, TeamMember } from '../core/ports.js';

export interface SweepDeps {
  schedulerStore: SchedulerStore;
  store: Pick<Store, 'getWorkspaceSettings' | 'getRuleOverrides'>;
  clock: Clock;
  logger: Logger;
  /** Zone for members who have set none. */
  defaultTz: string;
  /** Checked between pages: a stopping scheduler ends the sweep early (the next one carries on). */
  shouldStop?: () => boolean;
}

export interface SweepStats {
  members: number;
  /** Messages the planner returned, and how many of them were new to the outbox. */
  planned: number;
  enqueued: number;
  digests: number;
  chunks: number;
  longestStepMs: number;
  durationMs: number;
}

const STEP_BUDGET_MS = 6;
const FIRST_CHUNK = 2;
const MAX_CHUNK = 2000;
/** Team members per digest step: a page costs about what a sweep page of due members does. */
const DIGEST_PAGE = 25;
/** A member the planner cannot handle (a bug) is looked at again after this, not on every sweep. */
const FAILED_PLAN_RETRY_MS = 3_600_000;

interface WorkspacePlanning {
  ladder: readonly number[];
  overrides: Record<string, number | boolean>;
}

export async function sweep(deps: SweepDeps): Promise<SweepStats> {
  const { schedulerStore: outbox, clock, logger } = deps;
  const now = clock.now();
  const nowAt = now.toISOString();
  const started = performance.now();
  const stats: SweepStats = { members: 0, planned: 0, enqueued: 0, digests: 0, chunks: 0, longestStepMs: 0, durationMs: 0 };
  const workspaces = new Map<number, WorkspacePlanning>();
  const planningFor = (workspaceId: number): WorkspacePlanning => {
    let planning = workspaces.get(workspaceId);
    if (!planning) {
      // Sorted once here, longest first, so the planner need not sort it for every member.
      const ladder = [...(deps.store.getWorkspaceSettings(workspaceId).ladder ?? DEFAULT_LADDER)].sort((x, y) => y - x);
      planning = { ladder, overrides: deps.store.getRuleOverrides(workspaceId) };
      workspaces.set(workspaceId, planning);
    }
    return planning;
  };
  const stepTook = (stepStarted: number): number => {
    const elapsedMs = performance.now() - stepStarted;
    stats.longestStepMs = Math.max(stats.longestStepMs, elapsedMs);
    return elapsedMs;
  };

  let afterId = 0;
  let chunk = FIRST_CHUNK;
  let perMemberMs = 0;
  while (!deps.shouldStop?.()) {
    const stepStarted = performance.now();
    const members = outbox.listDueMembers(nowAt, afterId, chunk);
    if (members.length === 0) break;
    const messages: PlannedMessage[] = [];
    const checks: NextCheck[] = [];
    for (const member of members) {
      const planned = planOne(member, planningFor(member.workspaceId));
      messages.push(...planned.messages);
      const check: NextCheck = { memberId: member.memberId, at: planned.nextCheckAt };
      if (member.dataVersion !== undefined) check.dataVersion = member.dataVersion;
      if (planned.tallies) check.tallies = planned.tallies;
      checks.push(check);
    }
    if (messages.length > 0) stats.enqueued += outbox.enqueue(messages, nowAt);
    outbox.setNextChecks(checks);
    const elapsedMs = stepTook(stepStarted);
    stats.members += members.length;
    stats.planned += messages.length;
    stats.chunks += 1;
    afterId = members[members.length - 1]!.memberId;
    if (members.length < chunk) break;
    // Costs per member vary (collections, larger histories): rise at once, settle slowly.
    const measured = elapsedMs / members.length;
    perMemberMs = Math.max(measured, perMemberMs * 0.7 + measured * 0.3);
    chunk = nextChunk(chunk, perMemberMs);
    await yieldToLoop();
  }

  for (const { workspaceId, platform, digest } of deps.shouldStop?.() ? [] : outbox.listDigests()) {
    if (deps.shouldStop?.()) break;
    const stepStarted = performance.now();
    try {
      const slot = currentDigestSlot(digest, now);
      if (slot && !outbox.hasMessage(workspaceId, slot.key)) {
        // A page of the team at a time, so a large workspace's digest never holds the loop long.
        const tally = createDigestTally(platform, localTime(now, digest.tz).date, planningFor(workspaceId).overrides);
        let pageStarted = stepStarted;
        for (let afterId = 0; ;) {
          const page = outbox.listTeamPage(workspaceId, afterId, DIGEST_PAGE);
          tally.add(page);
          stepTook(pageStarted);
          if (page.length < DIGEST_PAGE) break;
          afterId = page[page.length - 1]!.memberId;
          await yieldToLoop();
          pageStarted = performance.now();
        }
        stats.enqueued += outbox.enqueue([digestMessage({ workspaceId, schedule: digest, slot }, tally)], nowAt);
        stats.planned += 1;
        stats.digests += 1;
      } else {
        stepTook(stepStarted);
      }
    } catch (error) {
      logger.error({ workspaceId, err: errorFacts(error) }, 'sweep: could not build a team digest');
    }
    await yieldToLoop();
  }
  stats.durationMs = performance.now() - started;
  return stats;

  function planOne(member: TeamMember, planning: WorkspacePlanning): PlanResult {
    try {
      return planMember({ member, ladder: planning.ladder, overrides: planning.overrides, now, defaultTz: deps.defaultTz });
    } catch (error) {
      logger.error({ memberId: member.memberId, workspaceId: member.workspaceId, err: errorFacts(error) }, 'sweep: could not plan reminders for a member');
      return { messages: [], nextCheckAt: new Date(now.getTime() + FAILED_PLAN_RETRY_MS).toISOString() };
    }
  }
}

/** The next page size: what fits in 60% of the step budget at the estimated cost, growing at most fourfold. */
function nextChunk(chunk: number, perMemberMs: number): number {
  if (perMemberMs <= 0) return Math.min(MAX_CHUNK, chunk * 2);
  const fits = Math.floor((STEP_BUDGET_MS * 0.6) / perMemberMs);
  return Math.max(1, Math.min(MAX_CHUNK, fits, chunk * 4));
}

function errorFacts(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { message: String(error) };
}
