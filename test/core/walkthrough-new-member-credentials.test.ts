/**
 * A brand-new member adding a credential the way it is typed on a phone: the code with full stops
 * or a comma after it ("C.M.A.", "CMA,"), "add my RMA, expires March 2027", a statement of what they
 * hold ("I'm a CCMA, certified …", "cma expires feb 2027"), a card's two-digit year, "2027-02".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeBot, refusedCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-25T15:00:00Z');
});
afterEach(() => t.close());

const held = () => t.database.sqlite.prepare('SELECT code, expires_on FROM credentials WHERE removed_at IS NULL ORDER BY id').all();
const logged = () => t.database.sqlite.prepare('SELECT amount FROM activities').all();

describe('a credential code typed with punctuation', () => {
  it.each(['credential add C.M.A. expires 2027-02-28', 'credential add CMA, expires 2/28/2027', 'credential add cma. expires Feb 2027'])('"%s" tracks the CMA', async (line) => {
    const reply = await t.say(line);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(held()).toEqual([{ code: 'CMA', expires_on: '2027-02-28' }]);
  });
});

describe('"add" followed by a credential, not an amount', () => {
  it.each([
    ['add my RMA, expires March 2027', { code: 'RMA', expires_on: '2027-03-31' }],
    ['add my CMA expires 02/2027', { code: 'CMA', expires_on: '2027-02-28' }],
    ['i need to add my ccma certified 2025-06-15', { code: 'CCMA', expires_on: '2027-06-14' }],
  ])('"%s" adds the credential instead of reading a log', async (line, credential) => {
    const reply = await t.say(line);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(held()).toEqual([credential]);
    expect(logged()).toEqual([]);
  });

  it.each(['add cma', 'add my CMA', 'i need to add my cma'])('"%s" asks for the date on the card, changing nothing', async (line) => {
    expect(await refusedCodes(t, line)).toEqual(['missing-date']);
    expect(await t.text(line)).toContain('`credential add CMA expires');
  });

  it('"add cpr" still logs a CPR card, as `log cpr` does', async () => {
    expect((await t.say('add cpr on 2026-11-20')).tone).toBe('success');
    expect(held()).toEqual([]);
    expect(logged()).toEqual([{ amount: '1' }]);
  });
});

describe('what a member holds, said as a statement', () => {
  it.each([
    ['cma expires feb 2027', { code: 'CMA', expires_on: '2027-02-28' }],
    ['CMA exp 02/2027', { code: 'CMA', expires_on: '2027-02-28' }],
  ])('"%s" tracks it', async (said, credential) => {
    const reply = await t.say(said);
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(held()).toEqual([credential]);
  });

  // "I'm a CMA, certified 2010-05-01" may describe a CMA already tracked, which adding would overwrite.
  it.each([
    ['i have a cma that expires feb 2027', 'credential add CMA expires feb 2027', { code: 'CMA', expires_on: '2027-02-28' }],
    ["I'm a CCMA, certified 2025-06-15", 'credential add CCMA certified 2025-06-15', { code: 'CCMA', expires_on: '2027-06-14' }],
    ['I am an RMA certified 2024-05-01', 'credential add RMA certified 2024-05-01', { code: 'RMA', expires_on: '2027-04-30' }],
  ])('"%s" is offered as the line that tracks it, saved only when its button is pressed', async (said, line, credential) => {
    const reply = await t.say(said);
    expect(renderText(reply)).toContain(`To track it, type \`${line}\``);
    expect(held()).toEqual([]);
    const button = reply.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])).find((b) => b.label === 'Track it')!;
    expect((await t.say(button.command)).tone).toBe('success');
    expect(held()).toEqual([credential]);
  });

  it.each(["I'm a CMA", 'I have a CMA'])('"%s" gives the line to type with the date on the card, changing nothing', async (said) => {
    const before = t.snapshot();
    expect(await t.text(said)).toContain('`credential add CMA <expires|certified> <date>`');
    expect(t.snapshot()).toBe(before);
  });

  it("\"I'm a CMA, certified 2010-05-01\" leaves a CMA already tracked as it was", async () => {
    await t.say('credential add CMA expires 2027-03-31');
    await t.say("I'm a CMA, certified 2010-05-01");
    expect(held()).toEqual([{ code: 'CMA', expires_on: '2027-03-31' }]);
  });

  it('"cma expires when?" asks, and adds nothing', async () => {
    expect((await t.say('cma expires when?')).tone).not.toBe('success');
    expect(held()).toEqual([]);
  });
});

describe('an expiry as a card may print it', () => {
  it('"my CMA expires 2/28/27" is refused for its two-digit year, offering the date it most likely is', async () => {
    expect(await refusedCodes(t, 'my CMA expires 2/28/27')).toEqual(['ambiguous-date']);
    expect(await t.text('my CMA expires 2/28/27')).toContain('2027-02-28');
  });

  it('`credential add CMA expires 2/28/27` offers 2027-02-28 to type', async () => {
    expect(await t.text('credential add CMA expires 2/28/27')).toContain('2027-02-28');
  });

  it('`credential add CMA expires 2027-02` reads the month, as 02/2027 is', async () => {
    const reply = await t.say('credential add CMA expires 2027-02');
    expect(reply.tone, renderText(reply)).toBe('success');
    expect(held()).toEqual([{ code: 'CMA', expires_on: '2027-02-28' }]);
  });
});

describe('"add" with a credential and a date that says nothing of what it is', () => {
  it('"add cma 2027-02-28" asks which date it is, as `credential add CMA 2027-02-28` does', async () => {
    expect(await refusedCodes(t, 'add cma 2027-02-28')).toEqual(['missing-date']);
    expect(await t.text('add cma 2027-02-28')).toContain('`credential add CMA expires 2027-02-28`');
  });
});
