import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/index.js';
import { makeActor, makeBot, type TestBot } from './make-bot.js';
import { createSqliteStore } from '../../src/storage/index.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot();
});
afterEach(() => t.close());

describe('autocomplete suggestions', () => {
  it("offers the member's own providers, activities and credentials, filtered by what is typed", async () => {
    const bot = createBot({ store: createSqliteStore(t.database), clock: { now: () => new Date('2026-11-24T12:00:00Z') } });
    await t.say('credential add RMA expires 2027-04-30');
    await t.say('log 2h general Ethics from Relias on 2026-11-01');
    await t.say('log 1h general Coding from relias');
    await t.say('log 1h general Sepsis from CEUfast');
    await t.say('log 1h general Other from Hidden', { userId: 'bob' });
    expect(await bot.complete(makeActor(), 'providers', 're')).toEqual([{ name: 'relias', value: 'relias' }]);
    expect((await bot.complete(makeActor(), 'providers', '')).map((c) => c.value)).toEqual(['CEUfast', 'relias']);
    expect(await bot.complete(makeActor(), 'activities', 'sepsis')).toEqual([{ name: '#3 2026-11-24 1 hour general “Sepsis” from CEUfast', value: '3' }]);
    expect(await bot.complete(makeActor(), 'credentials', '')).toEqual([{ name: 'RMA', value: 'RMA' }]);
    expect(await bot.complete(makeActor({ userId: 'stranger' }), 'activities', '')).toEqual([]);
  });

  it('matches an activity id typed in digits by its start, not every activity whose date holds the digit', async () => {
    const bot = createBot({ store: createSqliteStore(t.database), clock: { now: () => new Date('2026-11-24T12:00:00Z') } });
    for (let i = 1; i <= 12; i++) await t.say(`log 1h general Item ${i} on 2026-11-${String(i).padStart(2, '0')}`);
    const ids = async (typed: string) => (await bot.complete(makeActor(), 'activities', typed)).map((c) => c.value);
    expect(await ids('1')).toEqual(['1', '10', '11', '12']);
    expect(await ids('12')).toEqual(['12']);
    expect(await ids('#1')).toEqual(['1', '10', '11', '12']);
    expect(await ids(' 2 ')).toEqual(['2']);
    expect(await ids('13')).toEqual([]);
    // Other text still matches the description, a date included.
    expect(await ids('2026-11-1')).toEqual(['12', '11', '10']);
    expect(await ids('item 7')).toEqual(['7']);
  });

  it('never offers more than 25', async () => {
    const bot = createBot({ store: createSqliteStore(t.database), clock: { now: () => new Date('2026-11-24T12:00:00Z') } });
    for (let i = 0; i < 30; i++) await t.say(`log 1h general Item ${i}`);
    expect(await bot.complete(makeActor(), 'activities', 'item')).toHaveLength(25);
  });
});
