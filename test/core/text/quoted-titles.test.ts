/**
 * Titles with quotes inside them, as members type them on a keyboard or a phone (curly quotes):
 * kept as typed, never stored with stray quote marks or with words moved into another field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

let t: TestBot;
beforeEach(async () => {
  t = makeBot('2026-11-24T15:00:00Z');
  await t.say('credential add CMA expires 2027-02-28');
});
afterEach(() => t.close());

const logged = () => t.database.sqlite.prepare('SELECT title, provider FROM activities ORDER BY id').all();

describe('a typed `log` keeps the quotes inside a quoted title', () => {
  it.each([
    ['log 1h general "Intro to "HIPAA" basics" from Relias', 'Intro to "HIPAA" basics', 'Relias'],
    ['log 1h general “Intro to “HIPAA” basics” from Relias', 'Intro to “HIPAA” basics', 'Relias'],
    ["log 1h general 'Patient's rights'", "Patient's rights", null],
    ['log 1h general ‘Patient’s rights’', 'Patient’s rights', null],
    ["log 1h general 'Nurses' station safety' from Relias", "Nurses' station safety", 'Relias'],
    ['log 1h general "Size 14" gauge needles" from Relias', 'Size 14" gauge needles', 'Relias'],
    ['log 1h general "Intro to "HIPAA"-compliant charting"', 'Intro to "HIPAA"-compliant charting', null],
  ])('%s', async (line, title, provider) => {
    expect((await t.say(line)).tone, line).toBe('success');
    expect(logged()).toEqual([{ title, provider }]);
  });

  it('still reads two quoted phrases as two parts', async () => {
    await t.say('log 1h general "Sepsis" from "Relias Learning"');
    expect(logged()).toEqual([{ title: 'Sepsis', provider: 'Relias Learning' }]);
  });

  it('edits a title to one with quotes inside, as typed', async () => {
    await t.say('log 1h general Ethics');
    expect((await t.say('edit 1 title "Intro to "HIPAA" and "OSHA" basics"')).tone).toBe('success');
    expect(logged()).toEqual([{ title: 'Intro to "HIPAA" and "OSHA" basics', provider: null }]);
  });
});

describe('a sentence keeps the title it quotes as said', () => {
  it.each([
    ['I did 2 hours of clinical "Phlebotomy training course for the lab" from Relias', 'Phlebotomy training course for the lab', 'Relias'],
    ['I did 1 hour of general "Intro to "HIPAA" basics" from Relias', 'Intro to "HIPAA" basics', 'Relias'],
    ['I did 1 hour of general “Intro to “HIPAA” basics” yesterday', 'Intro to “HIPAA” basics', null],
    ["I did 1 hour of general 'Patient's rights' yesterday", "Patient's rights", null],
    ['I completed 3 CEUs in admin "Coding: ICD-10, part 2"', 'Coding: ICD-10, part 2', null],
  ])('%s', async (said, title, provider) => {
    expect((await t.say(said)).tone, said).toBe('success');
    expect(logged()).toEqual([{ title, provider }]);
  });
});
