/**
 * Lines a member really types that plain-language understanding must not misread: a question
 * without its "?" is not a log, a statement with a question tag is, a log's topic is not a
 * question, and "add <credential> <date word> …" tracks the credential. Found in review.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  // An RMA needs no category, so a misread log is not stopped by the CMA category question.
  await t.say('credential add RMA certified 2025-01-10');
});
afterEach(() => t.close());

const activities = () => t.database.sqlite.prepare('SELECT completed_on, amount, unit, category FROM activities WHERE deleted_at IS NULL ORDER BY id').all();
const credentials = () => (t.database.sqlite.prepare('SELECT code FROM credentials ORDER BY code').all() as { code: string }[]).map((r) => r.code);

describe('a question without its question mark', () => {
  // DID now also matches a sentence that starts with "did" without "I"; its lookahead only excludes
  // pronouns, so "did the …" reads as a statement and is logged a second time.
  it.each(['did the 2 hour webinar count', 'did the 1 hour CPR class count toward my RMA'])('"%s" logs nothing', async (said) => {
    await t.say(said);
    expect(activities()).toEqual([]);
  });
});

describe('a statement with a question tag', () => {
  // Before 82721c4 these were logged; now any line ending in "?" is never a log, and the member is
  // told "I don't know the command “I”".
  it('"I did 2 hours of clinical training yesterday, does it count?" is not answered as an unknown command', async () => {
    const reply = await t.say('I did 2 hours of clinical training yesterday, does it count?');
    expect(problemCodes(reply)).not.toContain('unknown-command');
    expect(activities()).toEqual([{ completed_on: '2026-11-23', amount: '2', unit: 'hours', category: 'clinical' }]);
  });
});

describe('a log whose topic contains "how much … need"', () => {
  // NEED's new ".*" lets any later "need/left/more" after "how much/many" win over the log statement.
  it('"I did 2 hours of training on how much water patients need" is logged, not answered with need', async () => {
    await t.say('I did 2 hours of training on how much water patients need');
    expect(activities()).toEqual([{ completed_on: '2026-11-24', amount: '2', unit: 'hours', category: null }]);
  });
});

describe('"add <code> expires …" with the words the credential command itself accepts', () => {
  // CODE_AFTER_ADD lists CREDENTIAL_CODES only (not CPR, which `credential add CPR …` accepts as
  // BLS) and only "expires|certified" (not "expiring", "issued", "renewed", which it also accepts).
  it('"add CPR expires 2027-03-31" tracks the BLS card', async () => {
    await t.say('add CPR expires 2027-03-31');
    expect(credentials()).toContain('BLS');
  });

  it('"add CPR expires 2026-03-31" (an expired card) does not log a card issued on its expiry date', async () => {
    await t.say('add CPR expires 2026-03-31');
    expect(activities()).toEqual([]);
  });

  it('"add CMA expiring 2027-02-28" tracks the CMA', async () => {
    await t.say('add CMA expiring 2027-02-28');
    expect(credentials()).toContain('CMA');
  });
});

describe('a title starting with a category in the plural', () => {
  it('"log 3h Clinicals preceptor training" is logged with that title, not refused as a misspelt category', async () => {
    const reply = await t.say('log 3h Clinicals preceptor training');
    expect(reply.tone).toBe('success');
    expect(activities()).toHaveLength(1);
  });
});
