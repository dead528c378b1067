/**
 * A brand-new member's first messages: "what is this", "how do I start", "how do I log hours", a
 * log typed without the word `log` ("2h clinical"), an amount in words ("log two hours …"), and
 * help that says where to start for someone who holds no credential yet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-25T15:00:00Z');
});
afterEach(() => t.close());

const logged = () => t.database.sqlite.prepare('SELECT completed_on, amount, unit, category, title FROM activities ORDER BY id').all();
const row = (completed_on: string, amount: string, unit: string, category: string | null, title: string | null = null) => ({ completed_on, amount, unit, category, title });

describe('first words to the bot', () => {
  it.each(['what is this', 'what is this?', 'what does this do', 'who are you', 'how do i start', 'get started', 'good morning', 'how do i use this', 'what do i do'])(
    '"%s" gets the overview, not "I didn\'t understand that"',
    async (said) => {
      const reply = await t.say(said);
      expect(reply.tone, renderText(reply)).not.toBe('error');
      expect(renderText(reply)).toContain('ceu-bot keeps your continuing education on track');
    },
  );

  it.each([
    ['how do i log hours', 'Usage: log '],
    ['how do I add my cert', 'Usage: credential '],
    ['how do i add my cma?', 'Usage: credential '],
    ['how do I delete an entry', 'Usage: delete '],
    ['how do i fix a mistake', 'Usage: edit '],
  ])('"%s" gets the help of the command it asks about', async (said, usage) => {
    expect(await t.text(said)).toContain(usage);
  });

  it('help tells a member with no credential to add one first', async () => {
    expect(await t.text('hi')).toMatch(/Start by adding .*`credential add CMA expires 2027-02-28`/);
  });

  it('help leaves out that first step once a credential is held', async () => {
    await t.say('credential add CMA expires 2027-02-28');
    expect(await t.text('help')).not.toContain('Start by adding');
  });
});

describe('a log typed without the word `log`', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
  });

  it.each([
    ['2h clinical', row('2026-11-25', '2', 'hours', 'clinical')],
    ['2 hours clinical yesterday', row('2026-11-24', '2', 'hours', 'clinical')],
    ['clinical 2h Phlebotomy', row('2026-11-25', '2', 'hours', 'clinical', 'Phlebotomy')],
    ['1.5 ceus general from Relias', row('2026-11-25', '1.5', 'ceu', 'general')],
  ])('"%s" is offered as the log line, saved only when its button is pressed', async (line, expected) => {
    const reply = await t.say(line);
    expect(renderText(reply)).toContain(`I saved nothing yet. To log it, type \`log ${line}\``);
    expect(logged()).toEqual([]);
    const button = reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])).find((b) => b.label === 'Log it')!;
    expect((await t.say(button.command)).tone).toBe('success');
    expect(logged()).toEqual([expected]);
  });

  it.each(['2h clinical doesnt count', '2 hours clinical yesterday didnt save', '60 points in 5 years', '5 minutes late'])('"%s" logs nothing', async (said) => {
    await t.say(said);
    expect(logged()).toEqual([]);
  });

  it.each(['2 hours left?', '30 points needed', '2 hours left'])('"%s" logs nothing', async (said) => {
    await t.say(said);
    expect(logged()).toEqual([]);
  });
});

describe('an amount in words after `log`', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
  });

  it.each([
    ['log two hours general', row('2026-11-25', '2', 'hours', 'general')],
    ['log an hour general Ethics', row('2026-11-25', '1', 'hours', 'general', 'Ethics')],
    ['log half an hour clinical', row('2026-11-25', '0.5', 'hours', 'clinical')],
  ])('"%s" is logged', async (line, expected) => {
    const reply = await t.say(line);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(logged()).toEqual([expected]);
  });

  it('keeps a number word in a quoted title as typed', async () => {
    await t.say('log 1h general "Two hours to save a life"');
    expect(logged()).toEqual([row('2026-11-25', '1', 'hours', 'general', 'Two hours to save a life')]);
  });
});

describe('questions typed fast on a phone', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
  });

  it.each(['whens my cma due', 'when’s my cma due', 'is my cma still good', 'my hours', 'my points', 'total hours', 'my total'])('"%s" gets the status', async (said) => {
    expect(await t.text(said)).toContain('Submit by');
  });
});

describe('a credential named alone, or before what was done', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
  });

  it('"I\'m a CMA and I did 2 hours clinical today" logs the 2 hours without "\'m CMA" as a title', async () => {
    expect((await t.say("I'm a CMA and I did 2 hours clinical today")).tone).toBe('success');
    expect(logged()).toEqual([row('2026-11-25', '2', 'hours', 'clinical')]);
  });

  it('still refuses two amounts said in two clauses', async () => {
    expect((await t.say('I did 2 hours clinical and I did 1 hour admin')).problems?.map((p) => p.code)).toEqual(['two-amounts']);
    expect(logged()).toEqual([]);
  });

  it.each(['CMA', 'cma?', 'RMA'])('"%s" says how to see or track that credential', async (said) => {
    const text = await t.text(said);
    expect(text).toContain('`status`');
    expect(text).toContain(`\`credential add ${said.replace('?', '').toUpperCase()} expires`);
  });
});

describe('units as certificates and members word them', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
  });

  it.each([
    ['log 2 CE hours clinical', row('2026-11-25', '2', 'hours', 'clinical')],
    ['log 3 contact hrs clinical', row('2026-11-25', '3', 'hours', 'clinical')],
    ['log 1 ce hour general', row('2026-11-25', '1', 'hours', 'general')],
  ])('"%s" is logged in hours', async (line, expected) => {
    const reply = await t.say(line);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(logged()).toEqual([expected]);
  });

  it('"log 2 ce credits" asks which credits, as "log 2 credits" does', async () => {
    const reply = await t.say('log 2 ce credits clinical');
    expect(reply.problems?.map((p) => p.code)).toEqual(['unknown-unit']);
    expect(renderText(reply)).toContain('Which credits?');
    expect(logged()).toEqual([]);
  });
});

describe('a CPR/BLS card renewed, said without "I"', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
  });

  const cards = () => t.database.sqlite.prepare("SELECT completed_on FROM activities WHERE unit = 'card'").all();

  it.each([
    ['just did my bls renewal', '2026-11-25'],
    ['got my bls card today', '2026-11-25'],
    ['renewed my cpr yesterday', '2026-11-24'],
  ])('"%s" logs the card', async (said, on) => {
    const reply = await t.say(said);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(cards()).toEqual([{ completed_on: on }]);
  });

  it.each(['did my bls count', 'did my bls count?', 'got my bls card?'])('"%s" logs nothing', async (said) => {
    await t.say(said);
    expect(cards()).toEqual([]);
  });
});

describe('lines that only look like a log or a card (review)', () => {
  beforeEach(async () => {
    await t.say('credential add RMA expires 2027-04-30');
    await t.say('log 2h general "First" on 2026-11-01');
  });

  it.each([
    'did my cpr expire', 'did my bls lapse', 'got my cpr reminder', 'got the bls email', 'did my cpr card get renewed',
    'what if I do 2h clinical', 'I do 2h clinical every month', 'my coworker says I did 2h clinical', 'I did 2h clinical?',
    'add an hour to the last one', 'add one hour to #1', 'add two hours to my last entry',
  ])('"%s" writes nothing', async (said) => {
    const before = t.snapshot();
    await t.say(said);
    expect(t.snapshot()).toBe(before);
  });

  it('"add an hour to the last one" names the activity and the edit line', async () => {
    expect(await t.text('add an hour to the last one')).toContain('`edit 1 amount <value>`');
  });

  it('"add bls card expires 06/2027" tracks the card, and logs none', async () => {
    await t.say('add bls card expires 06/2027');
    expect(t.database.sqlite.prepare("select expires_on from credentials where code = 'BLS'").pluck().all()).toEqual(['2027-06-30']);
    expect(logged()).toHaveLength(1);
  });

  it('"renewed my cpr yesterday" still logs the card', async () => {
    expect((await t.say('renewed my cpr yesterday')).tone).toBe('success');
    expect(logged()).toHaveLength(2);
  });
});

describe('a line starting with an amount, whatever follows (review)', () => {
  beforeEach(async () => {
    await t.say('credential add CMA expires 2027-02-28');
  });

  it.each(['10 points general in 5 years, I got that from the AAMA site', '3 hours general is what I earned yesterday'])('"%s" is offered, not logged', async (said) => {
    const before = t.snapshot();
    expect(await t.text(said)).toContain('I saved nothing yet.');
    expect(t.snapshot()).toBe(before);
  });

  it('keeps a title word that reads like thanks in the line it offers', async () => {
    expect(await t.text('2h general Giving thanks')).toContain('`log 2h general Giving thanks`');
  });
});
