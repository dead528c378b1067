/**
 * What `team`, `status` and `need` say about expired credentials (RULES.md: an expired credential
 * may not be used; AAMA's CE route stays open 90 days, then only the exam renews a CMA).
 * On 2026-11-24: a CMA that expired 2026-06-30 is 147 days lapsed and its CE route closed 2026-09-28;
 * one that expired 2026-09-30 is 55 days lapsed with CE accepted until 2026-12-29 (35 days left).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
const admin = { userId: 'dana', isAdmin: true };
const lineOf = (text: string, who: string) => {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(`@${who}`));
  return lines.slice(at, at + 2).join('\n');
};

beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2026-06-30', { userId: 'lee' });
  await t.say('credential add CMA expires 2026-09-30', { userId: 'kim' });
  await t.say('credential add NCMA expires 2026-06-30', { userId: 'nia' });
  await t.say('credential add RMA expires 2026-10-31', { userId: 'ray' });
  await t.say('credential add CCMA expires 2026-10-31', { userId: 'cc' });
  await t.say('credential add BLS expires 2026-10-31', { userId: 'bo' });
  await t.say('credential add RMA expires 2026-12-14', { userId: 'val' });
});
afterEach(() => t.close());

describe('team on lapsed credentials', () => {
  it('counts the days since expiry, says "expired", and names the exam instead of CE once only the exam is left', async () => {
    const lee = lineOf(await t.text('team', admin), 'lee');
    expect(lee).toContain('CMA: expired 2026-06-30 (147 days ago), may not be used until renewed; exam required (CE route closed after 2026-09-28)');
    expect(lee).not.toContain('57 days ago');
    expect(lee).not.toContain('needs');
  });

  it('says until when CE is still accepted in a grace period, with what it still needs', async () => {
    const text = await t.text('team', admin);
    expect(lineOf(text, 'kim')).toContain('CMA: expired 2026-09-30 (55 days ago), may not be used until renewed; CE accepted until 2026-12-29 (35 days left); needs 10 administrative');
    expect(lineOf(text, 'nia')).toContain('NCMA: expired 2026-06-30 (147 days ago), may not be used until renewed; CE accepted until 2031-06-30 (1679 days left); needs 14 more hours');
  });

  it('dates the CE deadline by the grace period’s end when non-AAMA credit moves the submit-by date earlier', async () => {
    await t.say('log 20 points administrative on 2026-01-01', { userId: 'kim' });
    const text = await t.text('team', admin);
    expect(lineOf(text, 'kim')).toContain('CMA: expired 2026-09-30 (55 days ago), may not be used until renewed; CE accepted until 2026-12-29 (35 days left)');
    expect(await t.text('status', { userId: 'kim' })).toContain('CE is still accepted until 2026-12-29 (35 days left).');
  });

  it('names no CE gap where the body describes no CE route, and a card by its expiry', async () => {
    const text = await t.text('team', admin);
    expect(lineOf(text, 'ray')).toContain('RMA: expired 2026-10-31 (24 days ago), may not be used until renewed; no CE route known (contact AMT about reinstatement)');
    expect(lineOf(text, 'cc')).toContain('CCMA: expired 2026-10-31 (24 days ago), may not be used until renewed; no CE route known (contact NHA about reinstatement)');
    expect(lineOf(text, 'bo')).toContain('BLS: card expired 2026-10-31 (24 days ago); needs a renewal course');
    expect(text).not.toMatch(/RMA: expired[^\n]*needs/);
  });

  it('ranks every member with an expired credential above members whose credentials are still valid', async () => {
    const text = await t.text('team', admin);
    const order = ['lee', 'kim', 'nia', 'ray', 'cc', 'bo', 'val'].map((who) => text.indexOf(`@${who}`));
    const valid = order.pop()!;
    for (const lapsed of order) expect(lapsed).toBeLessThan(valid);
  });

  it('puts those CE can still save first, nearest CE deadline first, then the most recently lapsed', async () => {
    const text = await t.text('team', admin);
    const at = (who: string) => text.indexOf(`@${who}`);
    expect(at('kim')).toBeLessThan(at('nia')); // 35 days of CE left, before NCMA's years
    expect(at('nia')).toBeLessThan(at('ray'));
    for (const recent of ['ray', 'cc', 'bo']) expect(at(recent)).toBeLessThan(at('lee')); // 24 days lapsed before 147
  });
});

describe('need and status on lapsed credentials', () => {
  it('need dates a closed CE route by its close, not by the expiry, and says the credential may not be used', async () => {
    const text = await t.text('need', { userId: 'lee' });
    expect(text).not.toContain('exam required since 2026-06-30');
    expect(text).toContain('Your CMA expired on 2026-06-30 (147 days ago); you may not use the credential until it is renewed.');
    expect(text).toContain('The CE route closed after 2026-09-28');
  });

  it('status in a grace period says plainly that the credential may not be used, and until when CE is accepted', async () => {
    const text = await t.text('status', { userId: 'kim' });
    expect(text).toContain('Your CMA expired on 2026-09-30 (55 days ago); you may not use the credential until it is renewed. CE is still accepted until 2026-12-29 (35 days left).');
  });

  it('need in a grace period says it too', async () => {
    expect(await t.text('need', { userId: 'nia' })).toContain('Your NCMA expired on 2026-06-30 (147 days ago); you may not use the credential until it is renewed. CE is still accepted until 2031-06-30 (1679 days left).');
  });

  it('status says it for credentials with no CE route, and for an expired card', async () => {
    expect(await t.text('status', { userId: 'ray' })).toContain('Your RMA expired on 2026-10-31 (24 days ago); you may not use the credential until it is renewed.');
    expect(await t.text('status', { userId: 'cc' })).toContain('Your CCMA expired on 2026-10-31 (24 days ago); you may not use the credential until it is renewed.');
    expect(await t.text('status', { userId: 'lee' })).toContain('Your CMA expired on 2026-06-30 (147 days ago); you may not use the credential until it is renewed.');
    expect(await t.text('status', { userId: 'bo' })).toContain('Your BLS card expired on 2026-10-31 (24 days ago); it does not certify you until you take a renewal course.');
  });

  it('keeps status --json as it was: the CE deadline in daysLeft and submitBy', async () => {
    const json = JSON.parse(await t.text('status --json', { userId: 'lee' }));
    expect(json.credentials[0]).toMatchObject({ state: 'exam-required', submitBy: '2026-09-28', daysLeft: -57, remaining: 60 });
    expect(Object.keys(json.credentials[0])).toEqual(['code', 'body', 'unit', 'cycle', 'state', 'required', 'earned', 'remaining', 'requirements', 'submitBy', 'daysLeft']);
  });
});
