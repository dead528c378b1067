import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot();
});
afterEach(() => t.close());

async function statusJson(): Promise<any> {
  const reply = await t.say('status --json');
  const block = reply.blocks.find((b) => b.kind === 'json');
  return block && 'value' in block ? block.value : undefined;
}

describe('log', () => {
  it('records the example from the docs with title, provider, date and AAMA approval', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    const reply = await t.say('log 2h clinical "Phlebotomy basics" from Relias on 2026-11-01 aama');
    expect(reply.tone).toBe('success');
    const row = t.database.sqlite.prepare('SELECT * FROM activities').get() as any;
    expect(row).toMatchObject({ amount: '2', unit: 'hours', category: 'clinical', title: 'Phlebotomy basics', provider: 'Relias', completed_on: '2026-11-01', aama_approved: 1 });
  });

  it('credits one activity to every credential that accepts it and shows the new totals', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    await t.say('credential add RMA expires 2027-04-30');
    await t.say('credential add CCMA expires 2027-08-31');
    const text = await t.text('log 4h clinical Sepsis on 2026-10-01 aama');
    expect(text).toContain('CMA: +4 points clinical, AAMA-approved; now 4 of 60 points');
    expect(text).toContain('RMA: +4 points; now 4 of 30 points');
    expect(text).toContain('CCMA: +2 credits; now 2 of 10 credits');
  });

  it('reads every unit and date form the docs show', async () => {
    await t.say('credential add RMA expires 2027-04-30');
    for (const line of [
      'log 90min admin Coding update',
      'log 3 ceu general yesterday',
      'log 0.5 iacet clinical Sepsis',
      'log 2 college-credits clinical Pharmacology on 2025-10-15',
      'log 1 nha credit general last friday',
      'log 2 points gen on Nov 1',
    ]) {
      expect((await t.say(line)).tone, line).toBe('success');
    }
    const rows = t.database.sqlite.prepare('SELECT amount, unit, category, title, completed_on FROM activities ORDER BY id').all();
    expect(rows).toEqual([
      { amount: '90', unit: 'minutes', category: 'administrative', title: 'Coding update', completed_on: '2026-11-24' },
      { amount: '3', unit: 'ceu', category: 'general', title: null, completed_on: '2026-11-23' },
      { amount: '0.5', unit: 'iacet', category: 'clinical', title: 'Sepsis', completed_on: '2026-11-24' },
      { amount: '2', unit: 'college-credits', category: 'clinical', title: 'Pharmacology', completed_on: '2025-10-15' },
      { amount: '1', unit: 'nha-credits', category: 'general', title: null, completed_on: '2026-11-20' },
      { amount: '2', unit: 'points', category: 'general', title: null, completed_on: '2026-11-01' },
    ]);
    // AMT points: 1 per hour or CEU, 10 per IACET CEU, 15 per college credit (unverified setting), 2 per NHA credit.
    expect((await statusJson()).credentials[0].earned).toBe(1.5 + 3 + 5 + 30 + 2 + 2);
  });

  it('logs a CPR card by issue date and offers to track its expiry without adding it unasked', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    const text = await t.text('log cpr on 2024-06-20');
    expect(text).toContain('CMA: +4 points clinical');
    expect(text).toContain('credential add BLS certified 2024-06-20');
    expect((await statusJson()).credentials.map((c: any) => c.code)).toEqual(['CMA']);
  });

  it('renews a tracked BLS card from the newest card logged', async () => {
    await t.say('credential add BLS certified 2024-03-10');
    expect(await t.text('log cpr on 2026-06-20')).toContain('BLS: card valid through 2028-06-30');
    await t.say('undo');
    expect((await statusJson()).credentials[0]).toMatchObject({ code: 'BLS', state: 'expired', cycle: { end: '2026-03-31' } });
  });

  it('reads a date written at the end without "on", and refuses one in the future', async () => {
    await t.say('log 2h clinical Sepsis Nov 1');
    await t.say('log 1h general Ethics last week');
    expect(t.database.sqlite.prepare('SELECT title, completed_on FROM activities ORDER BY id').all()).toEqual([
      { title: 'Sepsis', completed_on: '2026-11-01' },
      { title: 'Ethics', completed_on: '2026-11-17' },
    ]);
    expect(problemCodes(await t.say('log 2h clinical tomorrow'))).toEqual(['future-date']);
  });

  it('keeps a bare month in the title, and asks for the day after "on"', async () => {
    await t.say('log 2h clinical Coding update March');
    expect(t.database.sqlite.prepare('SELECT title FROM activities').get()).toEqual({ title: 'Coding update March' });
    expect(problemCodes(await t.say('log 2h clinical on November'))).toEqual(['imprecise-date']);
  });

  it('says what a CMA activity counts for and what is still needed (worked example 3)', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    await t.say('log 40 points admin aama on 2026-01-01');
    expect(await t.text('log 20 points admin on 2026-01-02')).toContain('now 60 of 60 points, 20 still needed');
  });

  it('keeps an exact decimal as printed', async () => {
    await t.say('log 1.25h general Ethics');
    expect(t.database.sqlite.prepare('SELECT amount FROM activities').get()).toEqual({ amount: '1.25' });
  });

  it('answers structured options of the wrong shape with a specific problem, never a throw', async () => {
    for (const options of [null, [], 'log 2h']) {
      expect(problemCodes(await t.structured('log', options as never))).toEqual(['invalid-options']);
    }
    expect(problemCodes(await t.structured('log', { amount: 2, unit: 5, category: 7 }))).toEqual(['invalid-unit', 'invalid-category']);
  });

  it('reads a comma as a thousands separator or a decimal comma', async () => {
    await t.say('log 1,000min general Marathon');
    await t.say('log 1,5h general Short');
    expect(t.database.sqlite.prepare('SELECT amount FROM activities ORDER BY id').all()).toEqual([{ amount: '1000' }, { amount: '1.5' }]);
  });

  it('accepts structured options through the same schema', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    const reply = await t.structured('log', { amount: 1.5, unit: 'h', category: 'gen', title: 'Ethics', date: '2026-11-02', aama: true });
    expect(reply.tone).toBe('success');
    expect(t.database.sqlite.prepare('SELECT amount, unit, category FROM activities').get()).toEqual({ amount: '1.5', unit: 'hours', category: 'general' });
  });
});

describe('log refuses bad input, says what to type and changes nothing', () => {
  const cases: Array<[string, string[]]> = [
    ['log', ['missing-amount']],
    ['log 3 card', ['unknown-unit']],
    ['log cpr 2h on 2024-06-20', ['card-with-amount']],
    ['log 2h clinical admin', ['two-categories']],
    ['log 2h clinical from', ['missing-provider']],
    ['log 2 clinical', ['missing-unit']],
    ['log 2 hourz clinical', ['unknown-unit']],
    ['log 2xyz clinical', ['unknown-unit']],
    ['log 0h clinical', ['amount-not-positive']],
    ['log -3h clinical', ['amount-not-positive']],
    ['log 500h clinical', ['amount-too-large']],
    ['log 7 college-credits clinical', ['amount-too-large']],
    ['log 1.255h clinical', ['too-many-decimals']],
    ['log 0.1 ceu clinical', ['ambiguous-ceu']],
    ['log abc clinical', ['invalid-amount']],
    ['log 2h clinical on 2027-01-01', ['future-date']],
    ['log 2h clinical on 2026-02-30', ['impossible-date']],
    ['log 2h clinical on the day after payday', ['unreadable-date']],
    ['log 2h', ['missing-category']],
    ['log 500h clinical on 2026-02-30', ['impossible-date', 'amount-too-large']],
    ['log 2 ceu clinical from ' + 'x'.repeat(101), ['invalid-provider']],
  ];
  it.each(cases)('%s → %j', async (line, codes) => {
    await t.say('credential add CMA expires 2027-02-28');
    const before = t.snapshot();
    const reply = await t.say(line);
    expect(reply.tone).toBe('error');
    expect(problemCodes(reply)).toEqual(codes);
    expect(reply.usage).toMatch(/^log </);
    expect(t.snapshot()).toBe(before);
  });

  it('lists every problem at once', async () => {
    const reply = await t.say('log 2 hourz bogus-category on 2026-13-01');
    expect(problemCodes(reply)).toEqual(expect.arrayContaining(['unknown-unit', 'impossible-date']));
  });

  it('answers an unknown command with a suggestion and changes nothing', async () => {
    const before = t.snapshot();
    const reply = await t.say('lgo 2h clinical');
    expect(problemCodes(reply)).toEqual(['unknown-command']);
    expect(reply.blocks[0]).toMatchObject({ text: expect.stringContaining('Did you mean `log`?') });
    expect(t.snapshot()).toBe(before);
  });
});
