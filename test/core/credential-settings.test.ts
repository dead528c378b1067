import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T12:00:00Z');
  // First contact creates the member row (identity, not user data); refusals must change nothing after it.
  await t.say('settings');
});
afterEach(() => t.close());

const credentialRows = () => t.database.sqlite.prepare('SELECT code, expires_on, certified_on, removed_at FROM credentials ORDER BY id').all();

describe('credential renew … on <date>', () => {
  it('dates a CMA renewal from the day it was made, not the day it is told', async () => {
    // Renewed in December, told in late January: 60 months from the end of December.
    const late = makeBot('2027-01-25T12:00:00Z');
    try {
      await late.say('credential add CMA expires 2027-02-28');
      const text = renderText(await late.say('credential renew CMA on 2026-12-15'));
      expect(text).toContain('Renewed CMA on 2026-12-15: the new cycle runs 2027-01-01 to 2031-12-31');
      expect(late.database.sqlite.prepare("SELECT expires_on FROM credentials WHERE code = 'CMA'").pluck().get()).toBe('2031-12-31');
    } finally {
      late.close();
    }
  });

  it('refuses a renewal date outside the last 180 days of the cycle, or an expiry in its place, changing nothing', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    expect(problemCodes(await t.say('credential renew CMA on 2026-06-01'))).toEqual(['renew-too-early']);
    expect(problemCodes(await t.say('credential renew CMA expires 2032-02-29'))).toEqual(['unexpected-words']);
    const future = await t.say('credential renew CMA on 2026-12-25');
    expect(renderText(future)).toContain('renewal date: 2026-12-25 is in the future');
    expect(credentialRows()).toMatchObject([{ code: 'CMA', expires_on: '2027-02-28' }]);
  });
});

describe('credential', () => {
  it('reads a month-and-year expiry, as cards print it, as the last day of that month', async () => {
    await t.say('credential add CMA expires Feb 2027');
    await t.say('credential add BLS expires 03/2027');
    expect(credentialRows()).toMatchObject([{ code: 'CMA', expires_on: '2027-02-28' }, { code: 'BLS', expires_on: '2027-03-31' }]);
  });

  it('says a certification date cannot be in the future', async () => {
    const reply = await t.say('credential add CMA certified tomorrow');
    expect(reply.problems?.[0]?.message).toContain('use a date on or before today');
  });

  it('computes the expiry from a certification date per body', async () => {
    await t.say('credential add CMA certified 2022-02-15');
    await t.say('credential add RMA certified 2025-05-01');
    await t.say('credential add CCMA certified 2025-09-01');
    await t.say('credential add NCMA certified 2026-03-01');
    await t.say('credential add BLS certified 2025-03-10');
    expect(credentialRows()).toEqual([
      { code: 'CMA', expires_on: '2027-02-28', certified_on: '2022-02-15', removed_at: null },
      { code: 'RMA', expires_on: '2028-04-30', certified_on: '2025-05-01', removed_at: null },
      { code: 'CCMA', expires_on: '2027-08-31', certified_on: '2025-09-01', removed_at: null },
      { code: 'NCMA', expires_on: '2027-02-28', certified_on: '2026-03-01', removed_at: null },
      { code: 'BLS', expires_on: '2027-03-31', certified_on: '2025-03-10', removed_at: null },
    ]);
  });

  it('replaces the dates on renewal, lists, and removes without losing activities', async () => {
    await t.say('credential add cma expires 2027-02-28');
    await t.say('log 2h clinical A aama');
    await t.say('credential add CMA expires 2032-02-29');
    expect(await t.text('credential list')).toContain('CMA (AAMA): cycle 2027-03-01 to 2032-02-29');
    expect((await t.say('credential remove CMA')).tone).toBe('success');
    expect(await t.text('credentials')).toContain('no credentials');
    expect(t.database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities WHERE deleted_at IS NULL').get()).toEqual({ n: 1 });
  });

  it('says what a second `credential add` changed', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    expect(await t.text('credential add CMA expires 2031-02-28')).toContain('Changed CMA expiry from 2027-02-28 to 2031-02-28.');
    expect(await t.text('credential add RMA certified 2025-05-01')).toContain('Tracking');
    expect(await t.text('credential add RMA certified 2025-06-01')).toMatch(/Changed RMA expiry from \S+ to \S+ and certification date from 2025-05-01 to 2025-06-01\./);
  });

  it('says the same dates are already tracked and changes nothing', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    await t.say('credential add RMA certified 2025-05-01');
    const before = t.snapshot();
    const again = await t.say('credential add CMA expires 2027-02-28');
    expect(again.tone).toBe('info');
    expect(renderText(again)).toContain('already track CMA');
    expect((await t.say('credential add RMA certified 2025-05-01')).tone).toBe('info');
    expect(t.snapshot()).toBe(before);
  });

  it('asks for the expiry or the certification date when neither is given', async () => {
    expect(await t.text('credential add CMA')).toContain('Give the expiry or the certification date: `credential add CMA expires 2027-02-28` or `credential add CMA certified 2025-05-01`.');
  });

  const refusals: Array<[string, string[]]> = [
    ['credential add XYZ expires 2027-01-01', ['unknown-credential']],
    ['credential add CMA', ['missing-date']],
    ['credential add CMA expires 2027-01-31 certified 2022-01-01', ['missing-date']],
    // A CMA runs to the end of a month (RULES.md): the 15th is a misread card.
    ['credential add CMA expires 2027-03-15', ['cma-expiry-month-end']],
    ['credential add CMA certified 2027-01-01', ['future-date']],
    ['credential add CMA expires 2040-01-31', ['expiry-too-far']],
    ['credential add CMA expires 2027-02-31', ['impossible-date']],
    ['credential remove RMA', ['credential-not-held']],
    ['credential frobnicate CMA', ['invalid-action']],
    ['credential list CMA', ['unexpected-words']],
  ];
  it.each(refusals)('%s is refused with %j and changes nothing', async (line, codes) => {
    const before = t.snapshot();
    const reply = await t.say(line);
    expect(problemCodes(reply)).toEqual(codes);
    expect(reply.usage).toMatch(/^credential /);
    expect(t.snapshot()).toBe(before);
  });
});

describe('settings and pause', () => {
  it('saves time zone, nudges and quiet hours together and shows them', async () => {
    const reply = await t.text('settings tz America/Chicago nudges off quiet 21:00-07:00');
    expect(reply).toContain('Time zone: America/Chicago');
    expect(reply).toContain('Nudges: off');
    expect(reply).toContain('Quiet hours: 21:00-07:00');
    expect(await t.text('settings')).toContain('Time zone: America/Chicago');
  });

  it('stores a zone with its capitals, keeps the name typed, and names the zone an abbreviation means', async () => {
    expect(await t.text('settings tz europe/london')).toContain('Time zone: Europe/London');
    expect(await t.text('settings tz Asia/Kathmandu')).toContain('Time zone: Asia/Kathmandu');
    expect(await t.text('settings tz utc')).toContain('Time zone: UTC');
    expect(await t.text('settings tz EST')).toContain('type the zone\'s name, e.g. `settings tz America/New_York`');
  });

  const refusals: Array<[string, string[]]> = [
    ['settings tz Mars/Olympus', ['unknown-time-zone']],
    ['settings tz est', ['abbreviated-time-zone']],
    ['settings tz EST5EDT', ['unknown-time-zone']],
    ['settings quiet 9pm-7am', ['invalid-quiet-hours']],
    ['settings nudges maybe', ['invalid-boolean']],
    ['settings colour blue', ['unknown-setting']],
    ['pause until 2020-01-01', ['pause-in-past']],
    ['pause until whenever', ['unreadable-date']],
    ['pause', ['invalid-until']],
  ];
  it.each(refusals)('%s is refused with %j and changes nothing', async (line, codes) => {
    const before = t.snapshot();
    expect(problemCodes(await t.say(line))).toEqual(codes);
    expect(t.snapshot()).toBe(before);
  });

  it('pauses until a date in words and resumes', async () => {
    expect(await t.text('pause until Jan 15')).toContain('paused until 2027-01-15');
    expect(await t.text('settings')).toContain('Paused until: 2027-01-15');
    await t.say('pause off');
    expect(await t.text('settings')).toContain('Paused until: not paused');
  });

  it('lists the unverified rule figures and lets only an admin change one', async () => {
    expect(await t.text('settings rules')).toMatch(/ncma\.hoursPerYear = 14 \(default, unverified\)/);
    const before = t.snapshot();
    expect(problemCodes(await t.say('settings rule ncma.hoursPerYear 12'))).toEqual(['admin-only']);
    expect(t.snapshot()).toBe(before);
    expect((await t.say('settings rule ncma.hoursPerYear 12', { isAdmin: true })).tone).toBe('success');
    expect(await t.text('settings rules')).toContain('ncma.hoursPerYear = 12 (set by an admin)');
    expect(problemCodes(await t.say('settings rule ncma.hoursPerYear lots', { isAdmin: true }))).toEqual(['invalid-rule-value']);
    expect(problemCodes(await t.say('settings rule nope 1', { isAdmin: true }))).toEqual(['unknown-rule-setting']);
    expect(problemCodes(await t.say('settings rule ncma.hoursPerYear 0', { isAdmin: true }))).toEqual(['invalid-rule-value']);
    expect(problemCodes(await t.say('settings rule cma.cprCountsAsApproved 3', { isAdmin: true }))).toEqual(['invalid-rule-value']);
  });
});

describe('help', () => {
  it('lists every command with usage, generated from the declarations', async () => {
    const text = await t.text('help');
    for (const name of ['log', 'status', 'need', 'history', 'undo', 'delete', 'edit', 'credential', 'settings', 'pause', 'help']) {
      expect(text).toMatch(new RegExp(`- ${name}\\b`));
    }
  });

  it('shows examples for one command and suggests on a typo', async () => {
    expect(await t.text('help log')).toContain('e.g. log cpr on 2024-06-20');
    expect(await t.text('help stauts')).toContain('Did you mean `status`?');
  });

  it('treats an empty message or a bare /ceu as help', async () => {
    expect(await t.text('/ceu')).toContain('ceu-bot keeps your continuing education on track');
  });
});

describe('tracking a BLS card', () => {
  let b: TestBot;
  beforeEach(async () => {
    b = makeBot();
    await b.say('credential add CMA expires 2027-02-28');
  });
  afterEach(() => b.close());

  it('tells a CMA holder to log the card too, for its 4 clinical points, naming its date', async () => {
    expect(await b.text('credential add BLS certified 2025-03-10')).toContain('To count this card toward your CMA (4 clinical points), log it too: `log cpr on 2025-03-10`.');
  });

  it('says nothing more when that card is logged already', async () => {
    await b.say('log cpr on 2025-03-10');
    expect(await b.text('credential add BLS certified 2025-03-10')).not.toContain('log it too');
  });
});
