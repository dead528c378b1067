/**
 * Ordinary sentences that plain-language rewording must not turn into a change: a renewal of a
 * membership, dues or a fee is not a renewal of the credential; a question or a relative phrase
 * about an expiry is not a new expiry; "1 hour webinar" is not activity #1; and a title that starts
 * with "To" keeps it. Each is answered with the line to type, changing nothing. Found in review.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  // Expiring within the renewal window, so that a misread renewal would go through.
  await t.say('credential add CMA expires 2026-12-31');
  await t.say('credential add RMA certified 2024-01-10');
});
afterEach(() => t.close());

const held = () => t.database.sqlite.prepare('SELECT code, expires_on FROM credentials WHERE removed_at IS NULL ORDER BY id').all();
const activity = () => t.database.sqlite.prepare('SELECT title, provider FROM activities WHERE id = 1').get();

describe('a renewal of something other than the credential', () => {
  it.each(['I renewed my CMA membership', 'i renewed my cma dues', 'I renewed my RMA fee', 'I renewed my CMA card last week', 'just renewed my CMA membership yesterday', 'I renewed my RMA with 30 points'])(
    '"%s" renews and logs nothing, and names `credential renew`',
    async (said) => {
      const before = t.snapshot();
      const reply = await t.say(said);
      // An error, or for dues and fees a warning that they renew nothing.
      expect(['error', 'warning'], renderText(reply)).toContain(reply.tone);
      expect(t.snapshot()).toBe(before);
      expect(renderText(reply)).toContain('credential renew');
    },
  );

  it.each(['did I renew my CMA?', 'I renewed my CMA?', 'have I renewed my CMA'])('the question "%s" renews nothing and is answered with status', async (said) => {
    const before = t.snapshot();
    const text = await t.text(said);
    expect(t.snapshot()).toBe(before);
    expect(text).toContain('CMA (AAMA)');
  });
});

describe('an expiry asked about or given without its date', () => {
  it.each(['my CMA expires next month?', 'my CMA expires 2027-01-31?', 'change my CMA expiration to 2027-01-31?'])('the question "%s" changes nothing and is answered with status', async (said) => {
    const before = t.snapshot();
    const reply = await t.say(said);
    expect(t.snapshot()).toBe(before);
    expect(renderText(reply)).toContain('Submit by');
  });

  it.each(['my CMA expires in 3 months', 'my CMA expires next month', 'change my CMA expiration to next year', 'my RMA expiration is soon'])(
    '"%s" changes nothing and gives the line with the date on the card',
    async (said) => {
      expect(await refusedCodes(t, said)).toEqual(['missing-date']);
      expect(await t.text(said)).toContain('`credential add');
    },
  );
});

describe('a field "of" something that is not an activity id', () => {
  beforeEach(async () => {
    await t.say('log 1h clinical Sepsis');
    await t.say('log 2h clinical Stroke');
  });

  it.each(['update the title of 1 hour webinar to HIPAA basics', 'change the provider for 2 hour course to Relias', 'change the amount of 2 to 3 hours', 'set the title of 1 HIPAA basics'])(
    '"%s" edits nothing and asks for the activity id',
    async (said) => {
      expect(await refusedCodes(t, said)).toEqual(['invalid-id']);
    },
  );
});

describe('"to" after `edit <id> title`', () => {
  beforeEach(async () => {
    await t.say('log 1h clinical Sepsis');
  });

  it('`edit 1 title To Kill a Mockingbird` keeps the whole title', async () => {
    expect((await t.say('edit 1 title To Kill a Mockingbird')).tone).toBe('success');
    expect(activity()).toMatchObject({ title: 'To Kill a Mockingbird' });
  });

  it('`edit 1 provider to Relias` still reads "to" as a joiner: no provider is named "To …"', async () => {
    expect((await t.say('edit 1 provider to Relias')).tone).toBe('success');
    expect(activity()).toMatchObject({ provider: 'Relias' });
  });
});
