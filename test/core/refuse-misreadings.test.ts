import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, problemCodes, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

const refuses = (line: string) => refusedCodes(t, line);

describe('never logs a misread line', () => {
  it('refuses an impossible date in plain language as the typed command does', async () => {
    expect(await refuses('I did 2 hours of training on 2026-02-30')).toEqual(['impossible-date']);
  });

  it.each([
    'log 2h clinical on 26-11-01',
    'log 2h clinical on 01.11.2026',
    'log 2h clinical on 11/01/26',
    'log 2h clinical on 5.6',
    'I did 2 hours clinical on 26-11-01',
  ])('refuses the two-way numeric date in "%s"', async (line) => {
    expect(await refuses(line)).toEqual(['ambiguous-date']);
  });

  it('refuses a two-way numeric date when editing', async () => {
    await t.say('log 2h clinical Sepsis on 2026-11-02');
    expect(await refuses('edit 1 date 26-11-01')).toEqual(['ambiguous-date']);
  });

  it('reads a numeric date that reads one way only', async () => {
    await t.say('log 2h clinical on 24.11.2026');
    await t.say('log 2h clinical on 11/23/2026');
    await t.say('log 2h clinical on 2026/11/01');
    await t.say('log 2h clinical on 1 Nov 2026');
    await t.say('log 2h clinical on Nov 2, 2026');
    // Slashes read as in the US, month first, when that is a date.
    await t.say('log 2h clinical on 11/01/2026');
    await t.say('log 2h clinical on 5/6');
    await t.say('log 2h clinical on 24/10/2026');
    expect(t.database.sqlite.prepare('SELECT completed_on FROM activities ORDER BY id').all()).toEqual(
      ['2026-11-24', '2026-11-23', '2026-11-01', '2026-11-01', '2026-11-02', '2026-11-01', '2026-05-06', '2026-10-24'].map((on) => ({ completed_on: on })),
    );
  });

  it.each(['log 2h clinical on Nov 25', 'log 2h clinical on 26/11', 'log 2h clinical this friday', 'log 2h clinical on next friday'])(
    'refuses a yearless date still ahead this year in "%s" instead of moving it back',
    async (line) => {
      expect(await refuses(line)).toEqual(['future-date']);
    },
  );

  it('says which date last year a yearless future date would be', async () => {
    expect(await t.text('log 2h clinical on Nov 25')).toContain('type 2025-11-25 if you meant last year');
  });

  it('keeps a bare weekday and "last friday" as the one already past', async () => {
    await t.say('log 2h clinical on friday');
    await t.say('log 2h clinical last friday');
    expect(t.database.sqlite.prepare('SELECT completed_on FROM activities ORDER BY id').all()).toEqual([{ completed_on: '2026-11-20' }, { completed_on: '2026-11-20' }]);
  });

  it.each(['log 2 h 30 min clinical', 'log 2h 30min clinical', 'I did 2 hours clinical and 1 hour admin yesterday'])(
    'refuses a second amount in "%s"',
    async (line) => {
      expect(await refuses(line)).toEqual(['two-amounts']);
    },
  );

  it.each(['log 2h clinical Work on wards on 2026-11-01', 'log 2h clinical Training from the hospital from Relias'])(
    'refuses a repeated unquoted keyword in "%s"',
    async (line) => {
      expect(await refuses(line)).toEqual(['repeated-keyword']);
    },
  );

  it('reads a keyword inside a quoted title as the title', async () => {
    await t.say('log 2h clinical "Work on wards" on 2026-11-01');
    expect(t.database.sqlite.prepare('SELECT title, completed_on FROM activities').get()).toEqual({ title: 'Work on wards', completed_on: '2026-11-01' });
  });

  it('refuses a category word with title words on both sides', async () => {
    expect(await refuses('log 2h Anatomy for admin staff')).toEqual(['ambiguous-category']);
  });

  it('reads a category word right after the amount or after the title', async () => {
    await t.say('log 2h clinical Phlebotomy basics');
    await t.say('log 90min admin Coding update');
    await t.say('log 2h Sepsis clinical on Nov 1');
    await t.say('log 2h admin "Anatomy for staff"');
    expect(t.database.sqlite.prepare('SELECT category, title FROM activities ORDER BY id').all()).toEqual([
      { category: 'clinical', title: 'Phlebotomy basics' },
      { category: 'administrative', title: 'Coding update' },
      { category: 'clinical', title: 'Sepsis' },
      { category: 'administrative', title: 'Anatomy for staff' },
    ]);
  });

  it.each(['oops wrong window', 'Oops I meant 3 hours'])('leaves data alone on "%s"', async (said) => {
    await t.say('log 2h clinical Sepsis');
    const before = t.snapshot();
    await t.say(said);
    expect(t.snapshot()).toBe(before);
  });

  it.each(['undo that', 'take that back'])('undoes on the explicit request "%s"', async (said) => {
    await t.say('log 2h clinical Sepsis');
    await t.say(said);
    expect(t.database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities WHERE deleted_at IS NULL').get()).toEqual({ n: 0 });
  });

  it('refuses a second CPR card with the same issue date and names the first', async () => {
    await t.say('log cpr on 2024-06-20');
    const reply = await t.say('log cpr on 2024-06-20');
    expect(problemCodes(reply)).toEqual(['duplicate-card']);
    expect(await t.text('log cpr on 2024-06-20')).toContain('#1');
    expect(t.database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities').get()).toEqual({ n: 1 });
    expect((await t.say('log cpr on 2026-06-20')).tone).toBe('success');
  });

  it('asks for the date after a bare "on"', async () => {
    expect(await refuses('log 2h clinical on')).toEqual(['missing-date']);
  });

  it.each(['log 2h clinical on Feb 30', 'log 2h clinical on November 31', 'I did 2h clinical on Feb 30'])('calls "%s" not a real date', async (line) => {
    expect(await refuses(line)).toEqual(['impossible-date']);
  });
});
