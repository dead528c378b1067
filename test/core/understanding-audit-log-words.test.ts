/**
 * `log` lines as members really type them (found in an audit of ~250 phrasings): a date after
 * `from`, after the provider or before a full stop, "of" after the unit, commas between the parts,
 * "aama approved", the category first, curly single quotes and a polite word at the end must be
 * read as meant, never stored as a title or provider with the date silently set to today.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

const logged = () => t.database.sqlite.prepare('SELECT completed_on, amount, unit, category, title, provider, aama_approved AS aama FROM activities ORDER BY id').all();
const row = (completed_on: string, amount: string, unit: string, category: string | null, title: string | null = null, provider: string | null = null, aama = 0) =>
  ({ completed_on, amount, unit, category, title, provider, aama });

describe('a date the member gave is never dropped into another field', () => {
  it.each([
    ['log 90 minutes of clinical from yesterday', row('2026-11-23', '90', 'minutes', 'clinical')],
    ['log 2 CEUs general from yesterday', row('2026-11-23', '2', 'ceu', 'general')],
    ['log 2h clinical from last tuesday', row('2026-11-17', '2', 'hours', 'clinical')],
    ['log 2h clinical from Relias yesterday', row('2026-11-23', '2', 'hours', 'clinical', null, 'Relias')],
    ['log 2h clinical HIPAA from Relias on yesterday', row('2026-11-23', '2', 'hours', 'clinical', 'HIPAA', 'Relias')],
    ['log 2h clinical HIPAA from Relias Nov 2', row('2026-11-02', '2', 'hours', 'clinical', 'HIPAA', 'Relias')],
    ['log 2h clinical yesterday.', row('2026-11-23', '2', 'hours', 'clinical')],
    ['log 2h clinical yesterday please', row('2026-11-23', '2', 'hours', 'clinical')],
    ['log 2h clinical HIPAA yesterday, thanks!', row('2026-11-23', '2', 'hours', 'clinical', 'HIPAA')],
  ])('"%s"', async (line, expected) => {
    expect((await t.say(line)).tone, line).toBe('success');
    expect(logged()).toEqual([expected]);
  });
});

describe('words around the parts', () => {
  it.each([
    ['log 2 hours of clinical', row('2026-11-24', '2', 'hours', 'clinical')],
    ['log 2 hours of clinical training', row('2026-11-24', '2', 'hours', 'clinical', 'training')],
    ['log 2h, clinical, HIPAA', row('2026-11-24', '2', 'hours', 'clinical', 'HIPAA')],
    ['log 2h clinical, HIPAA, yesterday', row('2026-11-23', '2', 'hours', 'clinical', 'HIPAA')],
    ['Log 2h clinical.', row('2026-11-24', '2', 'hours', 'clinical')],
    ['log 2h clinical AAMA approved', row('2026-11-24', '2', 'hours', 'clinical', null, null, 1)],
    ['log 3 ceu general aama approved yesterday', row('2026-11-23', '3', 'ceu', 'general', null, null, 1)],
    ['log clinical 2h Sepsis', row('2026-11-24', '2', 'hours', 'clinical', 'Sepsis')],
    ['log clinical 2 hours', row('2026-11-24', '2', 'hours', 'clinical')],
    ['log 2h clinical ‘Phlebotomy basics’ from Relias', row('2026-11-24', '2', 'hours', 'clinical', 'Phlebotomy basics', 'Relias')],
    ['log 2h clinical please', row('2026-11-24', '2', 'hours', 'clinical')],
    ['log 2h clinical, thanks', row('2026-11-24', '2', 'hours', 'clinical')],
    ['please log 2h clinical', row('2026-11-24', '2', 'hours', 'clinical')],
    ['can you log 2h clinical Sepsis', row('2026-11-24', '2', 'hours', 'clinical', 'Sepsis')],
  ])('"%s"', async (line, expected) => {
    expect((await t.say(line)).tone, line).toBe('success');
    expect(logged()).toEqual([expected]);
  });

  it('keeps commas and an apostrophe inside a title', async () => {
    await t.say('log 2h clinical Sepsis, shock and fluids');
    await t.say('log 1h general Women’s health');
    expect(logged()).toEqual([row('2026-11-24', '2', 'hours', 'clinical', 'Sepsis, shock and fluids'), row('2026-11-24', '1', 'hours', 'general', 'Women’s health')]);
  });

  it('keeps a title that ends in a word that is also a courtesy, or in an emoji, as typed', async () => {
    await t.say('log 1h clinical Stroke and TIA');
    await t.say('log 1h general Giving thanks');
    await t.say('log 1h general Cheers');
    await t.say('log 1h general Patient thank you notes');
    await t.say('log 1h general Team huddle 🙂');
    await t.say('edit 1 title Stroke and TIA update');
    expect(logged().map((r) => (r as { title: string }).title)).toEqual(['Stroke and TIA update', 'Giving thanks', 'Cheers', 'Patient thank you notes', 'Team huddle 🙂']);
  });

  it('reads "I\'d like to log …" as the log it asks for', async () => {
    expect((await t.say('I\'d like to log 2h clinical Sepsis')).tone).toBe('success');
    expect(logged()).toEqual([row('2026-11-24', '2', 'hours', 'clinical', 'Sepsis')]);
  });

  it('keeps a title and a provider as typed: abbreviations, a dash inside, the full stop of "Inc."', async () => {
    await t.say('log 1h clinical HIPAA - Part 2 from St. Mary\'s');
    await t.say('log 1h general Coding, billing etc. from Relias Inc.');
    await t.say('log 1h general Sepsis. from Relias.');
    await t.say('log 1h clinical Wound care. from AHA.');
    expect(logged().map((r) => { const { title, provider } = r as { title: string; provider: string }; return [title, provider]; })).toEqual([
      ['HIPAA - Part 2', 'St. Mary\'s'],
      ['Coding, billing etc.', 'Relias Inc.'],
      ['Sepsis', 'Relias'],
      ['Wound care', 'AHA'],
    ]);
  });

  it('keeps a quoted title that ends in a polite word', async () => {
    await t.say('log 1h general "Say please"');
    expect(logged()).toEqual([row('2026-11-24', '1', 'hours', 'general', 'Say please')]);
  });

  it('still refuses a second category after a comma', async () => {
    expect(problemCodes(await t.say('log 2h clinical, admin'))).toEqual(['two-categories']);
    expect(logged()).toEqual([]);
  });
});

describe('more log lines from the audit', () => {
  it('leaves a dash between the parts out of the title', async () => {
    await t.say('log 2h clinical — HIPAA');
    expect(logged()).toEqual([row('2026-11-24', '2', 'hours', 'clinical', 'HIPAA')]);
  });

  it('reads "from AAMA" as the provider, not as the keyword with no provider, and as AAMA-approved', async () => {
    await t.say('log 2h clinical from AAMA aama');
    await t.say('log 3h admin Coding from AAMA');
    expect(logged()).toEqual([row('2026-11-24', '2', 'hours', 'clinical', null, 'AAMA', 1), row('2026-11-24', '3', 'hours', 'administrative', 'Coding', 'AAMA', 1)]);
  });

  it('answers "1h30m" as two amounts, suggesting one', async () => {
    const reply = await t.say('log 1h30m clinical');
    expect(problemCodes(reply)).toEqual(['two-amounts']);
    expect(logged()).toEqual([]);
  });
});
