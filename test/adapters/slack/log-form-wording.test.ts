/**
 * What the "Log an activity" modal says: hints fit for each input (a list, a calendar, a box to
 * tick), errors worded for the form (Slack shows them as plain text under the input, backticks and
 * all), and a title typed with `/ceu log` longer than the form's limit neither cut nor lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSlashCommand, makeViewSubmission, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import { makeLogFormValues } from '../../fakes/slack-log-form.js';
import type { SlackStateValues } from '../../fakes/slack-interaction-payloads.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

type Block = { block_id: string; optional?: boolean; hint?: { text: string }; element: { type: string; initial_value?: string; max_length?: number } };

async function openForm(text: string): Promise<Record<string, Block>> {
  const since = s.fake.mark();
  await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, text));
  const opened = await s.fake.waitForCallSince(since, 'views.open');
  return Object.fromEntries((opened.body.view as { blocks: Block[] }).blocks.map((b) => [b.block_id, b]));
}

/** The form sent with `changes`: what Slack answers on the ack (field errors), parsed. */
async function send(changes: SlackStateValues): Promise<{ response_action?: string; errors?: Record<string, string> }> {
  const answer = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', makeLogFormValues(changes)));
  return answer.text ? JSON.parse(answer.text) : {};
}

const number = (value: string | null) => ({ value: { type: 'number_input', value } });
const select = (value: string | null) => ({ value: { type: 'static_select', selected_option: value === null ? null : { value } } });
const ticked = { value: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } };

describe('the log form’s hints', () => {
  it('say what each input takes as picked or entered there, not the words and formats of a typed command', async () => {
    const form = await openForm('log');
    const hints = Object.fromEntries(Object.entries(form).map(([id, b]) => [id, b.hint?.text]));
    // A date picker needs no date formats; a list needs no typed aliases.
    expect(hints.date).not.toMatch(/2026-11-01|yesterday|Nov 1/);
    expect(hints.unit).not.toMatch(/\bh, min\b/);
    expect(hints.category).not.toMatch(/\(admin\)|\(clin\)|\(gen\)/);
    // Slack shows "(optional)" on these itself: the hint says when one is needed after all.
    expect(form.amount!.optional).toBe(true);
    expect(hints.amount).toContain('CPR/BLS card');
    expect(hints.category).toContain('CMA');
    for (const hint of Object.values(hints)) expect(hint ?? '').not.toMatch(/optional|`/i);
  });

  it('leaves a box to tick without a hint repeating what the box says', async () => {
    const form = await openForm('log');
    expect(form.aama!.hint).toBeUndefined();
    expect(form.cpr!.hint).toBeUndefined();
  });
});

describe('the log form’s errors', () => {
  beforeEach(async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'credential add CMA expires 2027-02-28'));
  });

  it('speak about the input, with no backticks and no command to type', async () => {
    const answers = [
      await send({ amount: number(null) }),
      await send({ unit: select(null) }),
      await send({ category: select(null) }),
      await send({ amount: number('0.5'), unit: select('ceu') }),
      await send({ amount: number('1.255') }),
      await send({ cpr: ticked }),
    ];
    for (const answer of answers) {
      expect(answer.response_action).toBe('errors');
      for (const message of Object.values(answer.errors!)) {
        expect(message).not.toContain('`');
        expect(message).not.toMatch(/\blog \d|\blog cpr\b|\btype\b/);
      }
    }
    const [noAmount, noUnit, noCategory, ceu, decimals, card] = answers.map((a) => a.errors!);
    expect(noAmount!.amount).toMatch(/^Enter the amount .*such as 2 or 1\.5/);
    expect(noUnit!.unit).toBe('Choose the unit printed on the certificate.');
    expect(noCategory!.category).toBe('Your CMA counts points by category: choose administrative, clinical or general.');
    expect(ceu!.unit).toContain('choose iacet');
    expect(decimals!.amount).toBe('Use at most 2 decimals, such as 1.25.');
    expect(card!.amount).toContain('untick CPR/BLS card');
    expect(s.activityCount()).toBe(0);
  });

  it('drop the field’s name in front of a message already shown under that field', async () => {
    const answer = await send({ date: { value: { type: 'datepicker', selected_date: '2027-01-01' } } });
    expect(answer.errors!.date).toMatch(/^2027-01-01 is in the future/);
  });

  it('read a provider of only spaces as left empty, not as a provider missing after `from`', async () => {
    const answer = await send({ provider: { value: { type: 'plain_text_input', value: '   ' } } });
    expect(answer).toEqual({});
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(dm.body)).toContain('Logged #1 2026-11-01 2 hours clinical “Phlebotomy basics” (AAMA-approved).');
  });
});

describe('a title typed with `/ceu log` longer than the form takes', () => {
  const title = `${'Infection control in the outpatient clinic, '.repeat(5)}module 7`;

  it('opens the form with the whole title, and a hint saying how much to shorten it', async () => {
    expect(title.length).toBeGreaterThan(200);
    const form = await openForm(`log clinical "${title}" from Relias`);
    expect(form.title!.element.initial_value).toBe(title);
    expect(form.title!.hint!.text).toBe(`A title holds at most 200 characters, and the one you typed has ${title.length}: shorten it before you send the form.`);
    expect(form.provider!.element).toMatchObject({ initial_value: 'Relias', max_length: 100 });
    expect(form.provider!.hint!.text).toBe('Who gave it, e.g. Relias');
  });

  it('is refused on the title when sent unshortened, and logged once shortened', async () => {
    const form = await openForm(`log clinical "${title}"`);
    const sentTitle = (value: string) => ({ title: { value: { type: 'plain_text_input', value } } });
    const refused = await send(sentTitle(form.title!.element.initial_value!));
    expect(Object.keys(refused.errors!)).toEqual(['title']);
    expect(s.activityCount()).toBe(0);
    expect(await send(sentTitle(title.slice(-60)))).toEqual({});
    expect(s.activityCount()).toBe(1);
  });
});
