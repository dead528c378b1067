/**
 * Seeds the benchmark database straight through better-sqlite3: 500,000 activities through
 * `bot.handle` (parse, audit row, transaction per call) would take minutes, and the benchmark is
 * about reading, so only the rows matter. They must match src/storage/schema.ts exactly, since
 * the bot reads them back through its own prepared statements.
 */
import type Database from 'better-sqlite3';

export const WORKSPACE = { platform: 'console', externalId: 'bench' } as const;

export interface SeedOptions {
  members: number;
  activitiesPerMember: number;
  /** Same seed, same rows: runs stay comparable. */
  seed: number;
}

export interface SeedResult {
  workspaceId: number;
  /** user_id of member i is userIds[i]; its row id is i + 1 (fresh database, AUTOINCREMENT). */
  userIds: string[];
  activityCount: number;
}

// The three credentials of the issue, one per rule pack that has CE requirements of its own.
const CREDENTIALS = [
  { code: 'CMA', expiresOn: '2027-02-28' },
  { code: 'RMA', expiresOn: '2027-04-30' },
  { code: 'CCMA', expiresOn: '2027-08-31' },
] as const;

// Amounts as certificates print them; minutes get their own so a 1.5-minute course never appears.
const AMOUNTS: Record<string, readonly string[]> = {
  hours: ['1', '1.5', '2', '2.5', '3', '0.5'],
  minutes: ['30', '45', '50', '60', '90', '120'],
  ceu: ['1', '1.5', '2', '0.5'],
  points: ['1', '2', '3', '1.5'],
};
const UNITS = Object.keys(AMOUNTS);
const CATEGORIES = ['administrative', 'clinical', 'general'] as const;
const TITLES = ['HIPAA refresher', 'Phlebotomy update', 'Billing and coding', 'Infection control', 'Patient communication', null];
const PROVIDERS = ['AAMA e-Learning Center', 'NHA', 'Local hospital', 'CEU4U', null];

/** mulberry32: tiny, fast, deterministic; Math.random cannot be seeded. */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// Dates spread over 2022-01-01..2026-12-31: most fall in the cycles, some before them (outside
// the window) and a few after the bench clock (future), as a real member's log would.
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAY_SPAN = (Date.UTC(2026, 11, 31) - FIRST_DAY) / DAY_MS + 1;

export function seedDatabase(sqlite: Database.Database, options: SeedOptions): SeedResult {
  const random = makeRandom(options.seed);
  const nowAt = '2026-11-24T12:00:00.000Z';
  const insertWorkspace = sqlite.prepare('insert into workspaces (platform, external_id) values (?, ?) returning id').pluck();
  const insertMember = sqlite.prepare('insert into members (workspace_id, user_id, display_name) values (?, ?, ?)');
  const insertCredential = sqlite.prepare(
    `insert into credentials (member_id, workspace_id, code, expires_on, certified_on, created_at, updated_at)
     values (?, ?, ?, ?, null, ?, ?)`,
  );
  const insertActivity = sqlite.prepare(
    `insert into activities (member_id, workspace_id, completed_on, amount, unit, category, title, provider,
       aama_approved, created_at, updated_at, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const userIds = Array.from({ length: options.members }, (_, i) => `m${String(i + 1).padStart(5, '0')}`);
  let activityCount = 0;

  const seed = sqlite.transaction((): number => {
    const workspaceId = insertWorkspace.get(WORKSPACE.platform, WORKSPACE.externalId) as number;
    // display_name = user_id, the name the bench actor reports, so ensureMember never renames.
    for (const userId of userIds) insertMember.run(workspaceId, userId, userId);
    for (let memberId = 1; memberId <= options.members; memberId++) {
      for (const c of CREDENTIALS) insertCredential.run(memberId, workspaceId, c.code, c.expiresOn, nowAt, nowAt);
    }
    // Round-robin over members: a member logs over years, so in a real file their rows are
    // scattered across the table, not packed into a few pages. Both the bot and the floor pay
    // the same page reads for it.
    for (let round = 0; round < options.activitiesPerMember; round++) {
      for (let memberId = 1; memberId <= options.members; memberId++) {
        const unit = pick(random, UNITS);
        const completedOn = new Date(FIRST_DAY + Math.floor(random() * DAY_SPAN) * DAY_MS).toISOString().slice(0, 10);
        // ~3% without a category: AAMA then excludes them ("no-category"), a real branch.
        const category = random() < 0.03 ? null : pick(random, CATEGORIES);
        insertActivity.run(
          memberId, workspaceId, completedOn, pick(random, AMOUNTS[unit] ?? ['1']), unit, category,
          pick(random, TITLES), pick(random, PROVIDERS), random() < 0.5 ? 1 : 0, nowAt, nowAt, null,
        );
        activityCount++;
      }
    }
    return workspaceId;
  });

  // No ANALYZE afterwards: the app never runs it, so the planner sees what production sees.
  const workspaceId = seed();
  return { workspaceId, userIds, activityCount };
}
