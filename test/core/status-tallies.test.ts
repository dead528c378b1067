/**
 * `status` and `need` on saved tallies, on a real SQLite file: the first ask counts the member's
 * credit and saves it; later asks answer from it without reading activities; any audited change
 * or rule setting makes the next ask count afresh.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeTallies, encodeTallies } from '../../src/core/rules/tally.js';
import { createSqliteStore } from '../../src/storage/index.js';
import { createBot, renderText } from '../../src/core/index.js';
import { makeActor, makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot(); // 24 Nov 2026
});
afterEach(() => t.close());

interface Doc {
  credentials: Array<{ code: string; required: number; earned: number; remaining: number }>;
}
/** The tallies are saved once the reply is on its way: after the event loop's next turn. */
const replied = () => new Promise((resolve) => setImmediate(resolve));
const status = async (): Promise<Doc> => {
  const text = await t.text('status --json');
  await replied();
  return JSON.parse(text) as Doc;
};
const earned = (doc: Doc) => doc.credentials.map((c) => [c.code, c.earned]);
const saved = () =>
  t.database.sqlite
    .prepare('select m.data_version as version, t.data_version as talliesVersion, t.tallies from members m left join member_tallies t on t.member_id = m.id')
    .get() as { version: number; talliesVersion: number | null; tallies: string | null };
/** Activities gone behind the store's back (no audit, no new data version): only a saved tally still knows them. */
const eraseActivitiesBehindTheStore = () => t.database.sqlite.prepare('delete from activities').run();

async function setUp(): Promise<void> {
  await t.say('credential add CMA expires 2027-02-28');
  await t.say('credential add NCMA expires 2027-06-30');
  await t.say('log 4h clinical "Phlebotomy basics" from Relias on 2026-10-01 aama');
}

describe('status on saved tallies', () => {
  it('counts once, saves the tallies for the data version, then answers from them', async () => {
    await setUp();
    expect(saved().tallies).toBeNull();
    const first = await status();
    expect(earned(first)).toEqual([['CMA', 4], ['NCMA', 4]]);
    const { version, talliesVersion, tallies } = saved();
    expect(talliesVersion).toBe(version);
    expect(decodeTallies(tallies!)?.map((x) => x.code)).toEqual(['CMA', 'NCMA']);

    eraseActivitiesBehindTheStore();
    // Counting the (now missing) activities again would say 0: the answer came from the tallies.
    expect(await status()).toEqual(first);
    expect(await t.text('need')).toBe(await t.text('need'));
    expect(await t.text('need')).not.toContain('You have no credentials');
  });

  it('counts afresh after a log, an edit, a delete or an undo', async () => {
    await setUp();
    await status();
    await t.say('log 2h general "HIPAA refresher" on 2026-11-02 aama');
    expect(earned(await status())).toEqual([['CMA', 6], ['NCMA', 6]]);
    await t.say('undo');
    expect(earned(await status())).toEqual([['CMA', 4], ['NCMA', 4]]);
    await t.say('delete 1');
    expect(earned(await status())).toEqual([['CMA', 0], ['NCMA', 0]]);
    expect(saved().talliesVersion).toBe(saved().version);
  });

  it('counts afresh under a changed rule setting, and again when it is put back', async () => {
    await setUp();
    const before = await status();
    expect(before.credentials.find((c) => c.code === 'NCMA')!.required).toBe(14);
    expect((await t.say('settings rule ncma.hoursPerYear 12', { isAdmin: true })).tone).toBe('success');
    expect((await status()).credentials.find((c) => c.code === 'NCMA')!.required).toBe(12);
    await t.say('settings rule ncma.hoursPerYear default', { isAdmin: true });
    expect(await status()).toEqual(before);
  });

  it('gives the same answer from tallies as counted from the activities', async () => {
    await setUp();
    await t.say('log 1.5 CEU administrative "Coding update" on 2026-09-15');
    await t.say('log 3h general "Ethics" on 2025-01-10 aama');
    const counted = await t.text('status');
    const countedNeed = await t.text('need');
    await replied();
    expect(saved().tallies).not.toBeNull();
    expect(await t.text('status')).toBe(counted);
    expect(await t.text('need')).toBe(countedNeed);
    t.database.sqlite.prepare('delete from member_tallies').run();
    expect(await t.text('need')).toBe(countedNeed);
    expect(await t.text('status')).toBe(counted);
  });

  it('are dropped when the member changes between the answer and the save', async () => {
    await setUp();
    const before = JSON.parse(await t.text('status --json')) as Doc; // its save waits for the reply
    await t.say('log 2h general "HIPAA refresher" on 2026-11-02 aama'); // lands first
    await replied();
    expect(saved().tallies).toBeNull(); // counted for the old data: not kept
    expect(earned(before)).toEqual([['CMA', 4], ['NCMA', 4]]);
    expect(earned(await status())).toEqual([['CMA', 6], ['NCMA', 6]]);
    expect(saved().talliesVersion).toBe(saved().version);
  });

  it('are not saved for a data version the member has moved past', async () => {
    await setUp();
    const store = createSqliteStore(t.database);
    const member = store.loadMember({ workspaceId: 1, memberId: 1 });
    expect(member.dataVersion).toBe(saved().version);
    await t.say('log 2h general "HIPAA refresher" on 2026-11-02 aama');
    store.saveTallies(member, member.dataVersion!, []);
    expect(saved().tallies).toBeNull();
    store.saveTallies(member, saved().version, []);
    expect(saved()).toMatchObject({ tallies: encodeTallies([]), talliesVersion: saved().version });
    expect(() => store.loadMember({ workspaceId: 2, memberId: 1 })).toThrow(/no member 1 in workspace 2/);
  });

  it('still answers when the tallies cannot be saved, and says so in the log', async () => {
    await setUp();
    const expected = await status();
    t.database.sqlite.prepare('delete from member_tallies').run();
    // A real SQLite failure on the cache's write (as a full disk or a lock would give).
    t.database.sqlite.exec("create trigger no_tallies before insert on member_tallies begin select raise(abort, 'disk I/O error'); end");
    const warnings: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (obj: object, msg?: string) => void warnings.push(`${msg} ${JSON.stringify(obj)}`) };
    const bot = createBot({ store: createSqliteStore(t.database), clock: { now: () => new Date('2026-11-24T12:00:00Z') }, logger });
    const reply = await bot.handle({ actor: makeActor(), conversation: { id: 'c1', isDirect: true }, input: { kind: 'text', text: 'status --json' } });
    expect(JSON.parse(renderText(reply))).toEqual(expected);
    await replied();
    expect(saved().tallies).toBeNull();
    expect(warnings).toEqual([expect.stringMatching(/could not save tallies .*disk I\/O error/)]);
  });
});
