/**
 * Seeds the sweep benchmark: many workspaces of many sizes, each member with three credentials whose
 * expiries are spread evenly over their cycles (so on a given day only the members near a deadline
 * are in a reminder window), about 20 activities over the last five years, and the settings real
 * members have: time zones (their own or the platform's, or none), quiet hours, pauses, opt-outs,
 * snoozes. Straight through better-sqlite3, as bench/seed.ts does; the rows must match
 * src/storage/schema.ts. Every member is left never checked (next_check_at null): all due.
 */
import type Database from 'better-sqlite3';
import { makeRandom } from './seed.js';

export interface WorkspacePlan {
  platform: 'slack' | 'discord';
  externalId: string;
  members: number;
  /** Weekly digest, if the admins configured one. */
  digest?: { channelId: string; weekday: number; time: string; tz: string };
  ladder?: number[];
}

export interface SchedulerSeedOptions {
  workspaces: WorkspacePlan[];
  /** The calendar day the benchmark starts on: expiries are spread around it. */
  today: string;
  seed: number;
}

export interface SchedulerSeedResult {
  members: number;
  credentials: number;
  activities: number;
  /** Workspace row ids, in the order of `options.workspaces`. */
  workspaceIds: number[];
  settings: { ownTz: number; platformTz: number; noTz: number; quietHours: number; paused: number; optedOut: number; snoozed: number };
}

const DAY_MS = 86_400_000;
/** Where members are: mostly US zones (medical assistants are a US credential), a few abroad. */
const ZONES: ReadonlyArray<[string, number]> = [
  ['America/New_York', 0.34], ['America/Chicago', 0.26], ['America/Denver', 0.07], ['America/Phoenix', 0.03],
  ['America/Los_Angeles', 0.2], ['America/Anchorage', 0.01], ['Pacific/Honolulu', 0.02], ['America/Puerto_Rico', 0.02],
  ['Europe/London', 0.03], ['Asia/Manila', 0.02],
];
const QUIET_HOURS = ['12:00-13:00', '18:00-08:00', '21:00-07:00', '08:00-18:00', '09:00-10:00'];
/** Each member holds one of each slot: AAMA or AMT, then NHA or NCCT, then a BLS card. */
const SLOTS: ReadonlyArray<ReadonlyArray<[string, number]>> = [
  [['CMA', 0.6], ['RMA', 0.4]],
  [['CCMA', 0.7], ['NCMA', 0.3]],
  [['BLS', 1]],
];
/** Cycle length and whether it ends on a month's last day (src/core/rules/packs: AAMA 60 months, AMT 3 years, NHA 2, NCCT 1, AHA card 24 months). */
const CYCLES: Record<string, { months: number; monthEnd: boolean }> = {
  CMA: { months: 60, monthEnd: true }, RMA: { months: 36, monthEnd: false }, CCMA: { months: 24, monthEnd: false },
  NCMA: { months: 12, monthEnd: false }, BLS: { months: 24, monthEnd: true },
};
const AMOUNTS: Record<string, readonly string[]> = {
  hours: ['1', '1.5', '2', '2.5', '3', '4', '6'],
  minutes: ['60', '90', '120', '180'],
  ceu: ['1', '1.5', '2'],
  points: ['1', '2', '3', '1.5'],
};
const UNITS = Object.keys(AMOUNTS);
const CATEGORIES = ['administrative', 'clinical', 'general'] as const;
const TITLES = ['HIPAA refresher', 'Phlebotomy update', 'Billing and coding', 'Infection control', 'Patient communication', null];
const PROVIDERS = ['AAMA e-Learning Center', 'NHA', 'Local hospital', 'CEU4U', null];

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last day of the cycle that starts on `startMs`, as the rule packs count it. */
function cycleEnd(code: string, startMs: number): string {
  const { months, monthEnd } = CYCLES[code]!;
  const start = new Date(startMs);
  if (monthEnd) return iso(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months + 1, 0));
  return iso(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()) - DAY_MS);
}

export function seedSchedulerDatabase(sqlite: Database.Database, options: SchedulerSeedOptions): SchedulerSeedResult {
  const random = makeRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = (items: ReadonlyArray<[string, number]>): string => {
    let r = random();
    for (const [item, weight] of items) if ((r -= weight) < 0) return item;
    return items[items.length - 1]![0];
  };
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  const createdAt = `${options.today}T00:00:00.000Z`;
  const insertWorkspace = sqlite.prepare(
    `insert into workspaces (platform, external_id, nudge_ladder, digest_channel_id, digest_weekday, digest_time, digest_tz)
     values (?, ?, ?, ?, ?, ?, ?) returning id`,
  ).pluck();
  const insertMember = sqlite.prepare(
    `insert into members (workspace_id, user_id, display_name, tz, nudges, quiet_hours, paused_until, platform_tz, digest_named)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
  ).pluck();
  const insertCredential = sqlite.prepare(
    `insert into credentials (member_id, workspace_id, code, expires_on, certified_on, created_at, updated_at, snoozed_until)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertActivity = sqlite.prepare(
    `insert into activities (member_id, workspace_id, completed_on, amount, unit, category, title, provider,
       aama_approved, created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)`,
  );
  const settings = { ownTz: 0, platformTz: 0, noTz: 0, quietHours: 0, paused: 0, optedOut: 0, snoozed: 0 };
  let members = 0;
  let credentials = 0;
  let activities = 0;
  // Activities are inserted after all members, round by round, so a member's rows are scattered
  // over the table as years of logging leave them (bench/seed.ts does the same).
  const pending: Array<{ memberId: number; workspaceId: number; count: number }> = [];

  const seed = sqlite.transaction((): number[] => {
    const workspaceIds: number[] = [];
    for (const plan of options.workspaces) {
      const d = plan.digest;
      const workspaceId = insertWorkspace.get(plan.platform, plan.externalId, plan.ladder ? JSON.stringify(plan.ladder) : null,
        d?.channelId ?? null, d?.weekday ?? null, d?.time ?? null, d?.tz ?? null) as number;
      workspaceIds.push(workspaceId);
      for (let i = 0; i < plan.members; i++) {
        const userId = plan.platform === 'slack' ? `U${workspaceId}X${i}` : `4${String(members).padStart(17, '0')}`;
        const zone = weighted(ZONES);
        // Slack reports a zone for everyone; on Discord only members who set one have it.
        const r = random();
        const ownTz = r < 0.15 ? zone : null;
        const platformTz = plan.platform === 'slack' && !ownTz ? zone : null;
        if (ownTz) settings.ownTz++;
        else if (platformTz) settings.platformTz++;
        else settings.noTz++;
        const quiet = random() < 0.05 ? pick(QUIET_HOURS) : null;
        const paused = random() < 0.02 ? iso(todayMs + Math.floor(1 + random() * 45) * DAY_MS) : null;
        const nudges = random() < 0.03 ? 0 : 1;
        settings.quietHours += quiet ? 1 : 0;
        settings.paused += paused ? 1 : 0;
        settings.optedOut += 1 - nudges;
        const memberId = insertMember.get(workspaceId, userId, `Member ${members + 1}`, ownTz, nudges, quiet, paused, platformTz, random() < 0.9 ? 1 : 0) as number;
        members++;
        for (const slot of SLOTS) {
          const code = weighted(slot);
          // The cycle started anywhere from one cycle ago to today; 4% lapsed up to ~8 months ago.
          const cycleDays = (CYCLES[code]!.months * 365.25) / 12;
          const back = random() < 0.04 ? cycleDays + random() * 240 : random() * cycleDays;
          const startMs = todayMs - Math.floor(back) * DAY_MS;
          const snoozed = random() < 0.01 ? iso(todayMs + Math.floor(1 + random() * 7) * DAY_MS) : null;
          settings.snoozed += snoozed ? 1 : 0;
          insertCredential.run(memberId, workspaceId, code, cycleEnd(code, startMs), iso(startMs), createdAt, createdAt, snoozed);
          credentials++;
          // The card behind most BLS credentials is logged too (it is what renews BLS).
          if (code === 'BLS' && random() < 0.8) {
            insertActivity.run(memberId, workspaceId, iso(startMs), '1', 'card', null, 'BLS provider card', 'AHA', 0, createdAt, createdAt);
            activities++;
          }
        }
        // Diligence varies: 4 to 36 activities, 20 on average.
        pending.push({ memberId, workspaceId, count: 4 + Math.floor(random() * 33) });
      }
    }
    for (let round = 0; pending.some((p) => p.count > round); round++) {
      for (const p of pending) {
        if (p.count <= round) continue;
        const unit = pick(UNITS);
        const completedOn = iso(todayMs - Math.floor(random() * 3 * 365) * DAY_MS);
        const category = random() < 0.03 ? null : pick(CATEGORIES);
        insertActivity.run(p.memberId, p.workspaceId, completedOn, pick(AMOUNTS[unit]!), unit, category, pick(TITLES), pick(PROVIDERS),
          random() < 0.5 ? 1 : 0, createdAt, createdAt);
        activities++;
      }
    }
    return workspaceIds;
  });

  const workspaceIds = seed();
  return { members, credentials, activities, workspaceIds, settings };
}
