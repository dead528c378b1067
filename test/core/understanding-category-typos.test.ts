import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../storage/dump-tables.js';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
afterEach(() => t.close());

async function holding(code: 'RMA' | 'CMA'): Promise<TestBot> {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say(code === 'RMA' ? 'credential add RMA certified 2025-01-10' : 'credential add CMA expires 2027-02-28');
  return t;
}

async function refusal(line: string) {
  const before = dumpTables(t.database.sqlite);
  const reply = await t.say(line);
  expect(reply.tone, line).toBe('error');
  expect(dumpTables(t.database.sqlite), line).toEqual(before);
  return reply;
}

const titles = () => t.database.sqlite.prepare('SELECT category, title, provider FROM activities ORDER BY id').all();

describe('a misspelt category right after the amount', () => {
  it.each([
    ['log 2h clinial', 'clinical'],
    ['log 2h genral Ethics', 'general'],
    ['log 2h Clincal Sepsis update', 'clinical'],
    ['log 1h adminstrative Coding', 'administrative'],
    ['log 1h gneral Ethics', 'general'],
  ])('"%s" is refused, naming %s, when only an RMA is held', async (line, category) => {
    await holding('RMA');
    const reply = await refusal(line);
    expect(problemCodes(reply)).toEqual(['category-typo']);
    expect(reply.problems![0]!.message).toContain(`“${category}”`);
    // Says how to keep the word as a title instead.
    expect(reply.problems![0]!.message).toMatch(/quote/i);
  });

  it('with a CMA held, says which category "clinial" looks like instead of only asking for one', async () => {
    await holding('CMA');
    const reply = await refusal('log 2h clinial');
    expect(problemCodes(reply)).toEqual(['category-typo']);
    expect(reply.problems![0]!.message).toContain('“clinical”');
  });

  it('keeps the misspelt word when the title is quoted', async () => {
    await holding('RMA');
    expect((await t.say('log 2h "clinial"')).tone).toBe('success');
    expect(titles()).toEqual([{ category: null, title: 'clinial', provider: null }]);
  });

  it.each(['Clinic workflow', 'Clinician safety', 'Generic drugs', 'Administration of vaccines', 'Clerical skills', 'Central lines', 'Admit process'])(
    'logs the real title "%s" as typed',
    async (title) => {
      await holding('RMA');
      expect((await t.say(`log 2h ${title}`)).tone, title).toBe('success');
      expect(titles()).toEqual([{ category: null, title, provider: null }]);
    },
  );

  it('keeps a quoted title that starts with a category word', async () => {
    await holding('RMA');
    expect((await t.say('log 2h "General anesthesia basics"')).tone).toBe('success');
    expect(titles()).toEqual([{ category: null, title: 'General anesthesia basics', provider: null }]);
  });

  it('refuses a misspelt category in a plain statement too', async () => {
    await holding('RMA');
    const reply = await refusal('I did 2 hours of clinial training yesterday');
    expect(problemCodes(reply)).toEqual(['category-typo']);
  });

  it('suggests the category when editing to a misspelt one', async () => {
    await holding('CMA');
    await t.say('log 2h clinical Sepsis');
    const reply = await refusal('edit 1 category genral');
    expect(reply.problems![0]!.message).toContain('“general”');
  });
});

describe('"form" typed for "from"', () => {
  it('logs the title as typed (form is a real title word) and says how to make the last word the provider', async () => {
    await holding('CMA');
    const reply = await t.say('log 2h clinical form Relias');
    expect(reply.tone).toBe('success');
    expect(titles()).toEqual([{ category: 'clinical', title: 'form Relias', provider: null }]);
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('edit 1 provider Relias');
  });

  it('gives no such hint for a title that merely contains "form"', async () => {
    await holding('CMA');
    const reply = await t.say('log 1h admin Consent form review from Relias');
    expect(JSON.stringify(reply.blocks)).not.toContain('edit 1 provider');
  });
});
