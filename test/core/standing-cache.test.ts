import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/core/index.js';
import { createSqliteStore, openDatabase, type DatabaseHandle } from '../../src/storage/index.js';
import { makeActor } from './make-bot.js';

let dir: string;
let database: DatabaseHandle;
let bot: Bot;
let nowAt: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ceu-cache-'));
  database = openDatabase(join(dir, 'ceu.sqlite'));
  nowAt = '2026-11-24T12:00:00Z';
  bot = createBot({ store: createSqliteStore(database), clock: { now: () => new Date(nowAt) } });
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const say = (text: string, actor = {}) => bot.handle({ actor: makeActor(actor), conversation: { id: 'c', isDirect: true }, input: { kind: 'text', text } });
const rma = async () => ((await say('status --json')).blocks[0] as any).value.credentials[0];

describe('reused evaluations', () => {
  it('reflect every change: log, edit, delete, undo, credential and rule changes, and a new day', async () => {
    await say('credential add RMA expires 2026-12-31');
    expect((await rma()).earned).toBe(0);
    await say('log 3h');
    expect((await rma()).earned).toBe(3);
    await say('edit 1 amount 5h');
    expect((await rma()).earned).toBe(5);
    await say('delete 1');
    expect((await rma()).earned).toBe(0);
    await say('undo');
    expect((await rma()).earned).toBe(5);
    await say('credential add RMA expires 2027-12-31');
    expect((await rma()).cycle.end).toBe('2027-12-31');
    await say('settings rule amt.pointsPerContactHour 2', { userId: 'boss', isAdmin: true });
    expect((await rma()).earned).toBe(10);
    const before = (await rma()).daysLeft;
    nowAt = '2026-11-25T12:00:00Z';
    expect((await rma()).daysLeft).toBe(before - 1);
  });

  it("never hands one member another's standing", async () => {
    await say('credential add RMA expires 2026-12-31');
    await say('log 3h');
    await say('credential add RMA expires 2026-12-31', { userId: 'bob' });
    expect(((await say('status --json', { userId: 'bob' })).blocks[0] as any).value.credentials[0].earned).toBe(0);
    expect((await rma()).earned).toBe(3);
  });
});
