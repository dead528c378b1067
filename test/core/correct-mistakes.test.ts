import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

const activityRows = () => t.database.sqlite.prepare('SELECT id, amount, unit, category, completed_on, deleted_at FROM activities ORDER BY id').all() as any[];

describe('edit', () => {
  it('changes one field and keeps the previous version in the audit trail', async () => {
    await t.say('log 2h clinical Sepsis on 2026-11-01');
    const reply = await t.say('edit 1 date 2026-11-02');
    expect(reply.tone).toBe('success');
    expect(activityRows()[0].completed_on).toBe('2026-11-02');
    const audit = t.database.sqlite.prepare("SELECT before FROM audit WHERE action = 'edit'").get() as { before: string };
    expect(JSON.parse(audit.before)).toMatchObject({ completedOn: '2026-11-01' });
  });

  it('changes amount and unit together', async () => {
    await t.say('log 2h clinical Sepsis');
    await t.say('edit #1 amount 90min');
    expect(activityRows()[0]).toMatchObject({ amount: '90', unit: 'minutes' });
  });

  const refusals: Array<[string, string[]]> = [
    ['edit 1 colour blue', ['unknown-field']],
    ['edit 1 category surgery', ['unknown-category']],
    ['edit 1 date 2030-01-01', ['future-date']],
    ['edit 1 amount 900h', ['amount-too-large']],
    ['edit x date 2026-11-01', ['invalid-id']],
    ['edit 99 date 2026-11-01', ['activity-not-found']],
    ['edit 1', ['invalid-field', 'invalid-value']],
  ];
  it.each(refusals)('%s is refused with %j and changes nothing', async (line, codes) => {
    await t.say('log 2h clinical Sepsis on 2026-11-01');
    const before = t.snapshot();
    const reply = await t.say(line);
    expect(problemCodes(reply)).toEqual(codes);
    expect(reply.usage).toMatch(/^edit /);
    expect(t.snapshot()).toBe(before);
  });

  it.each([
    ['log 90min clinical A', 'edit 1 unit min', '#1 is already 90 minutes'],
    ['log 3h clinical A', 'edit 1 amount 3', '#1 is already 3 hours'],
    ['log 3h clinical A', 'edit 1 amount 3.0 hours', '#1 is already 3 hours'],
    ['log 3h clinical A on 2026-11-01', 'edit 1 date 2026-11-01', '#1 is already dated 2026-11-01'],
  ])('after `%s`, refuses `%s`, which changes nothing, and uses no undo step', async (log, edit, says) => {
    await t.say(log);
    const before = t.snapshot();
    const reply = await t.say(edit);
    expect(problemCodes(reply)).toEqual(['nothing-to-change']);
    expect(reply.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).toContain(says);
    expect(t.snapshot()).toBe(before);
  });

  it.each([
    ['edit 1 amount 2h clinical', '`edit 1 amount 2h`, then `edit 1 category clinical`'],
    ['edit 1 amount 2 clinical', '`edit 1 amount 2`, then `edit 1 category clinical`'],
    ['edit 1 amount 2 hours aama', '`edit 1 amount 2 hours`, then `edit 1 aama yes`'],
  ])('`%s` is refused as one field at a time and changes nothing', async (line, says) => {
    await t.say('log 3h general A');
    const before = t.snapshot();
    const reply = await t.say(line);
    expect(problemCodes(reply)).toEqual(['one-field-at-a-time']);
    expect(reply.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).toContain(says);
    expect(t.snapshot()).toBe(before);
  });

  it('still reads an amount and its unit written apart', async () => {
    await t.say('log 3h general A');
    await t.say('edit 1 amount 90 min');
    expect(activityRows()[0]).toMatchObject({ amount: '90', unit: 'minutes' });
  });

  it("refuses to edit or delete someone else's activity", async () => {
    await t.say('log 2h clinical Sepsis', { userId: 'bob', displayName: 'bob' });
    const before = t.snapshot();
    expect(problemCodes(await t.say('edit 1 date 2026-11-01'))).toEqual(['not-your-activity']);
    expect(problemCodes(await t.say('delete 1'))).toEqual(['not-your-activity']);
    expect(t.snapshot()).toBe(before);
  });

  it("cannot see another workspace's activity at all", async () => {
    await t.say('log 2h clinical Sepsis', { tenantId: 'other-clinic' });
    expect(problemCodes(await t.say('delete 1'))).toEqual(['activity-not-found']);
  });
});

describe('delete and undo', () => {
  it('soft-deletes: the row stays, the activity stops counting, undo brings it back', async () => {
    await t.say('log 4h clinical Sepsis aama');
    await t.say('delete 1');
    expect(activityRows()[0].deleted_at).not.toBeNull();
    expect(await t.text('history')).toContain('Nothing logged yet');
    const undo = await t.say('undo');
    expect(undo.tone).toBe('success');
    expect(activityRows()[0].deleted_at).toBeNull();
    expect(await t.text('history')).toContain('#1');
  });

  it('undoes the last log, then the edit before it, in order', async () => {
    await t.say('log 2h clinical A on 2026-11-01');
    await t.say('edit 1 amount 3h');
    await t.say('log 1h general B');
    expect(await t.text('undo')).toContain('Undid the log of #2');
    expect(await t.text('undo')).toContain('Undid the edit');
    expect(activityRows()[0]).toMatchObject({ amount: '2' });
    expect(await t.text('undo')).toContain('Undid the log of #1');
    expect((await t.say('undo')).tone).toBe('warning');
  });

  it('understands "undo that"', async () => {
    await t.say('log 2h clinical A');
    expect(await t.text('undo that')).toContain('Undid the log of #1');
  });

  it("undo never touches another member's changes", async () => {
    await t.say('log 2h clinical A', { userId: 'bob' });
    expect((await t.say('undo')).tone).toBe('warning');
    expect(activityRows()[0].deleted_at).toBeNull();
  });
});

describe('history', () => {
  it('lists ids, what counted and why something did not count', async () => {
    await t.say('log 4h clinical A aama on 2026-11-01');
    await t.say('log 30min general Short talk');
    await t.say('log 2h admin Old on 2021-01-01');
    const text = await t.text('history');
    expect(text).toContain('#1 2026-11-01 4 hours clinical “A” (AAMA-approved)');
    expect(text).toContain('CMA: +4 points clinical, AAMA-approved');
    expect(text).toMatch(/#2 .*\n\s+CMA: not counted: .*contact hour/i);
    expect(text).toMatch(/#3 .*\n\s+CMA: not counted: .*2022-03-01/);
  });

  it('paginates 10 a page, newest first', async () => {
    for (let i = 1; i <= 25; i++) await t.say(`log 1h clinical Item ${i} aama on 2026-10-${String(i).padStart(2, '0')}`);
    const first = await t.text('history');
    expect(first).toContain('page 1 of 3');
    expect(first).toContain('`history page 2`');
    expect(await t.text('history page 3')).toContain('#1 2026-10-01');
  });

  it('refuses an unknown credential filter, two filters and a page that is not a number', async () => {
    expect(problemCodes(await t.say('history XYZ'))).toEqual(['unknown-credential']);
    expect(problemCodes(await t.say('history CMA RMA'))).toEqual(['unexpected-words']);
    expect(problemCodes(await t.say('history page 1e3'))).toEqual(['invalid-page']);
  });

  it("refuses to turn a course into a CPR card, or change a card's amount", async () => {
    await t.say('log 3 ceu clinical A');
    await t.say('log cpr on 2025-01-10');
    expect(problemCodes(await t.say('edit 1 unit card'))).toEqual(['unknown-unit']);
    expect(problemCodes(await t.say('edit 2 amount 5'))).toEqual(['card-amount']);
  });
});
