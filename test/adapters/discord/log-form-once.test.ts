/**
 * One filled-in log form is one activity. Discord lets a member send a form again after it said
 * "interaction failed" (the first one may well have been saved), and a button pressed twice opens
 * two copies of the form: the second submission of the same activity is told it is logged
 * already, by its number, and logs nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeButtonInteraction, makeModalSubmitInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

let d: DiscordUnderTest;
beforeEach(async () => {
  d = await startDiscordUnderTest();
});
afterEach(async () => {
  await d.close();
});

const sepsis = { amount: '2h', category: 'clinical', title: 'Sepsis update', date: '', aama: '' };

/** `/ceu log` with `options` but no amount: the form Discord shows, by its custom id. */
async function formFromCommand(options: Array<{ name: string; type: number; value: string }> = []): Promise<string> {
  const opened = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'log', options }));
  expect(opened.body.type).toBe(9);
  return (opened.body.data as { custom_id: string }).custom_id;
}

describe('a form sent again', () => {
  it('logs once, and names the activity to the second submission', async () => {
    const form = await formFromCommand();
    const first = await d.fake.sendInteraction(makeModalSubmitInteraction(form, sepsis));
    expect(textOf(first.body)).toContain('Logged #1');
    const again = await d.fake.sendInteraction(makeModalSubmitInteraction(form, sepsis));
    expect(again.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(textOf(again.body)).toContain('#1 is already logged from this form');
    expect(d.activityCount()).toBe(1);
  });

  it('logs once when the form kept a provider the command gave', async () => {
    const form = await formFromCommand([{ name: 'provider', type: 3, value: 'Relias' }]);
    await d.fake.sendInteraction(makeModalSubmitInteraction(form, sepsis));
    const again = await d.fake.sendInteraction(makeModalSubmitInteraction(form, sepsis));
    expect(textOf(again.body)).toContain('#1 is already logged from this form');
    expect(d.activityCount()).toBe(1);
  });

  it('takes a corrected form after a refusal', async () => {
    const form = await formFromCommand();
    const refused = await d.fake.sendInteraction(makeModalSubmitInteraction(form, { ...sepsis, amount: '500h' }));
    expect(textOf(refused.body)).toContain('more than 100 hours');
    const corrected = await d.fake.sendInteraction(makeModalSubmitInteraction(form, sepsis));
    expect(textOf(corrected.body)).toContain('Logged #1');
  });

  it('logs each of two forms the member opened with /ceu log', async () => {
    const one = await formFromCommand();
    const two = await formFromCommand();
    await d.fake.sendInteraction(makeModalSubmitInteraction(one, sepsis));
    const second = await d.fake.sendInteraction(makeModalSubmitInteraction(two, sepsis));
    expect(textOf(second.body)).toContain('Logged #2');
  });
});

describe('two copies of the form from one button', () => {
  /** The button pressed twice: each press opens a form, whose submission carries the button's message. */
  async function pressTwice(): Promise<Array<(fields: Record<string, string>) => ReturnType<typeof d.fake.sendInteraction>>> {
    const messageId = '4000000000000000077';
    return Promise.all([0, 1].map(async () => {
      const press = makeButtonInteraction('ceu:log', { messageId });
      const opened = await d.fake.sendInteraction(press);
      const form = (opened.body.data as { custom_id: string }).custom_id;
      return (fields: Record<string, string>) => d.fake.sendInteraction(makeModalSubmitInteraction(form, fields, { overrides: { message: press.message } }));
    }));
  }

  it('logs the same activity once, naming it to the second copy', async () => {
    const [first, second] = await pressTwice();
    expect(textOf((await first!(sepsis)).body)).toContain('Logged #1');
    expect(textOf((await second!(sepsis)).body)).toContain('#1 is already logged from this form');
    expect(d.activityCount()).toBe(1);
  });

  it('logs a different activity from the second copy', async () => {
    const [first, second] = await pressTwice();
    await first!(sepsis);
    expect(textOf((await second!({ ...sepsis, title: 'Infection control' })).body)).toContain('Logged #2');
    expect(d.activityCount()).toBe(2);
  });
});
