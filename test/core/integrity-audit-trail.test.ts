/**
 * "Edits and deletes leave an audit trail": after every command that changes data, each changed
 * row's previous values must be readable from the audit entry written with it (its `before`), and
 * its new values from that entry's `after`. Checked on every table, whatever the command.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/index.js';
import { dumpTables } from '../storage/dump-tables.js';
import { makeBot, type TestBot } from './make-bot.js';

type Row = Record<string, unknown>;
type Tables = Record<string, Row[]>;
interface AuditRow { entity: string; entity_id: string; action: string; before: string | null; after: string | null }

/** The columns of a row that its audit entries must be able to give back, as the entry names them. */
const TRACKED: Record<string, { entity: string; key: (row: Row) => string; columns: Record<string, string> }> = {
  activities: {
    entity: 'activity',
    key: (row) => String(row.id),
    columns: { completed_on: 'completedOn', amount: 'amount', unit: 'unit', category: 'category', title: 'title', provider: 'provider', aama_approved: 'aamaApproved', deleted_at: 'deletedAt' },
  },
  credentials: { entity: 'credential', key: (row) => String(row.id), columns: { expires_on: 'expiresOn', certified_on: 'certifiedOn', snoozed_until: 'snoozedUntil' } },
  members: {
    entity: 'member',
    key: (row) => String(row.id),
    columns: { tz: 'tz', nudges: 'nudges', quiet_hours: 'quietHours', paused_until: 'pausedUntil', digest_named: 'digestNamed', named_admin: 'namedAdmin' },
  },
  workspaces: {
    entity: 'workspace',
    key: () => 'workspace',
    columns: { nudge_ladder: 'nudge-ladder', digest_channel_id: 'digest.channelId', digest_weekday: 'digest.weekday', digest_time: 'digest.time', digest_tz: 'digest.tz' },
  },
  rule_settings: { entity: 'rule-setting', key: (row) => String(row.key), columns: { value: 'value' } },
};

/** SQLite's 1/0 and JSON text, as the audit's JSON would hold them. */
function normalise(value: unknown, table = ''): unknown {
  if (typeof value === 'string' && (table === 'rule_settings' || /^[[{]/.test(value))) return JSON.parse(value);
  return value === undefined ? null : value;
}

/** What the entries say a column was (`side` = before) or became (after); undefined if none of them says. */
function fromAudit(entries: AuditRow[], table: string, column: string, side: 'before' | 'after'): { said: boolean; value?: unknown } {
  const name = TRACKED[table]!.columns[column]!;
  for (const entry of side === 'before' ? entries : [...entries].reverse()) {
    const raw = entry[side] === null ? null : (JSON.parse(entry[side]!) as unknown);
    if (table === 'rule_settings') return { said: true, value: raw };
    if (table === 'workspaces') {
      const [setting, field] = name.split('.');
      if (entry.entity_id !== setting) continue;
      if (!field) return { said: true, value: raw };
      return { said: true, value: raw === null ? null : (raw as Row)[field] ?? null };
    }
    if (raw === null) {
      // A log's `before` (nothing) and a removal's `after` (gone) say the row did not count then.
      if (table === 'activities' && column === 'deleted_at') return { said: true, value: side === 'before' ? 'absent' : 'removed' };
      continue;
    }
    if (name in (raw as Row)) {
      const value = (raw as Row)[name];
      return { said: true, value: typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null) };
    }
  }
  return { said: false };
}

/** Every tracked column that changed and that the new audit entries cannot give back, described. */
function unrecoverable(before: Tables, after: Tables, audit: AuditRow[]): string[] {
  const gaps: string[] = [];
  for (const [table, spec] of Object.entries(TRACKED)) {
    const old = new Map((before[table] ?? []).map((row) => [spec.key(row), row]));
    for (const row of after[table] ?? []) {
      const previous = old.get(spec.key(row));
      const entries = audit.filter((a) => a.entity === spec.entity && (table === 'workspaces' || a.entity_id === spec.key(row)));
      for (const column of Object.keys(spec.columns)) {
        const was = previous === undefined ? undefined : normalise(previous[column], table);
        const now = normalise(row[column], table);
        if (previous !== undefined && JSON.stringify(was) === JSON.stringify(now)) continue;
        if (previous === undefined && (now === null || table === 'members' || (table === 'activities' && column !== 'amount'))) continue;
        const said = fromAudit(entries, table, column, 'before');
        const says = fromAudit(entries, table, column, 'after');
        // A new row: its entry says there was nothing before.
        const beforeOk = previous === undefined ? entries.some((e) => e.before === null) : said.said && JSON.stringify(said.value) === JSON.stringify(was);
        const afterOk = says.said && (JSON.stringify(says.value) === JSON.stringify(now) || (column === 'deleted_at' && now !== null && says.value !== null));
        if (!beforeOk) gaps.push(`${table} ${spec.key(row)}.${column}: was ${JSON.stringify(was)}, audit says ${JSON.stringify(said)}`);
        if (!afterOk) gaps.push(`${table} ${spec.key(row)}.${column}: now ${JSON.stringify(now)}, audit says ${JSON.stringify(says)}`);
      }
    }
    for (const [key, row] of old) {
      if (!(after[table] ?? []).some((r) => spec.key(r) === key) && !audit.some((a) => a.entity === spec.entity && a.entity_id === key)) gaps.push(`${table} ${key} vanished unaudited: ${JSON.stringify(row)}`);
    }
  }
  return gaps;
}

let t: TestBot;
const boss: Partial<Actor> = { userId: 'boss', isAdmin: true };
const tables = () => dumpTables(t.database.sqlite) as Tables;
const auditAfter = (id: number) => t.database.sqlite.prepare('select * from audit where id > ? order by id').all(id) as (AuditRow & { id: number })[];
const lastAuditId = () => (t.database.sqlite.prepare('select coalesce(max(id), 0) from audit').pluck().get() as number);

beforeEach(async () => {
  t = makeBot();
  await t.say('status', boss);
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('credential add RMA certified 2024-05-01');
  await t.say('log 2h clinical "Sepsis" from Relias on 2026-11-01 aama');
  await t.say('log 3h general "Ethics" on 2026-10-01');
  await t.say('snooze RMA 14');
  await t.say('settings quiet 21:00-07:00');
  await t.say('digest channel #team weekly tuesday 08:00', boss);
  await t.say('settings ladder 90 30 7', boss);
  await t.say('settings rule ncma.hoursPerYear 12', boss);
});
afterEach(() => t.close());

const changes: Array<[string, Partial<Actor>?]> = [
  ['log 1h admin "Coding" from AHA on 2026-11-20'],
  ['edit 1 amount 90min'],
  ['edit 1 date 2026-10-15'],
  ['edit 1 title "Sepsis update"'],
  ['edit 1 provider Medscape'],
  ['edit 1 category general'],
  ['edit 1 aama no'],
  ['delete 2'],
  ['undo anyway'],
  ['credential add CMA expires 2027-01-31'],
  ['credential add CMA certified 2025-01-01'],
  ['credential add NCMA expires 2027-06-30'],
  ['credential renew CMA'],
  ['credential remove RMA'],
  ['snooze CMA'],
  ['snooze RMA off'],
  ['settings tz America/Chicago nudges off'],
  ['settings quiet off named off'],
  ['pause until 2027-01-15'],
  ['admin add @alice', boss],
  ['digest channel #front-desk', boss],
  ['digest off', boss],
  ['settings ladder default', boss],
  ['settings ladder 60 14', boss],
  ['settings rule ncma.hoursPerYear 10', boss],
  ['settings rule ncma.hoursPerYear default', boss],
];

describe('every change can be read back from the audit trail', () => {
  it.each(changes)('`%s`', async (line, actor) => {
    const before = tables();
    const mark = lastAuditId();
    const reply = await t.say(line, actor);
    expect(reply.tone).toBe('success');
    const after = tables();
    const entries = auditAfter(mark);
    expect(entries.length).toBeGreaterThan(0);
    expect(unrecoverable(before, after, entries)).toEqual([]);
  });

  it('undo after undo, and undo anyway, each leave the state they replaced in the trail', async () => {
    await t.say('edit 1 amount 3h');
    await t.say('delete 1');
    await t.say('settings tz Europe/London');
    await t.say('log 1h admin Coding');
    await t.say('edit 3 amount 2h');
    await t.say('delete 3');
    for (const line of ['undo', 'undo', 'undo', 'undo anyway', 'undo anyway', 'undo anyway']) {
      const before = tables();
      const mark = lastAuditId();
      expect((await t.say(line)).tone).toBe('success');
      expect(unrecoverable(before, tables(), auditAfter(mark))).toEqual([]);
    }
  });
});
