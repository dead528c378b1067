/**
 * One filled-in log form is one activity. Discord lets a member send a form again after it said
 * "interaction failed" (the first one may well have been saved), and a button pressed twice opens
 * two copies of the form: the second submission of the same activity is told it is logged
 * already, by its number, and logs nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeButtonInteraction, makeModalSubmitInteraction, makeSlashInteraction } from '../../fakes/discord-interactions.js';
import { startDiscord } from '../../../src/adapters/discord/start-discord.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { makeTestCore } from '../../support/make-test-core.js';
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

describe('the same button after the activity it logged is gone', () => {
  it('logs the activity again once the member undid it', async () => {
    const messageId = '4000000000000000078';
    const copy = async () => {
      const press = makeButtonInteraction('ceu:log', { messageId });
      const form = ((await d.fake.sendInteraction(press)).body.data as { custom_id: string }).custom_id;
      return (fields: Record<string, string>) => d.fake.sendInteraction(makeModalSubmitInteraction(form, fields, { overrides: { message: press.message } }));
    };
    const logged = await (await copy())(sepsis);
    expect(textOf(logged.body)).toContain('Logged #1');
    const undo = buttonsOf(logged.body).find((b) => b.label === 'Undo')!;
    expect(textOf((await d.fake.sendInteraction(makeButtonInteraction(undo.custom_id))).body)).toContain('Deleted #1');

    const again = await (await copy())(sepsis);
    expect(textOf(again.body)).toContain('Logged #2');
    expect(d.activityCount()).toBe(1);
    // And the one logged anew is the form's activity now: a further copy is told so.
    expect(textOf((await (await copy())(sepsis)).body)).toContain('#2 is already logged from this form');
    expect(d.activityCount()).toBe(1);
  });
});

describe('a reminder\'s button over days and restarts', () => {
  let mine: { fake: FakeDiscord; clock: { now: () => Date }; restart: () => Promise<void>; stop: () => Promise<void>; activityCount: () => number };
  beforeEach(async () => {
    // As startDiscordUnderTest, on a clock the test moves, and restartable on the same database.
    const fake = await startFakeDiscord();
    const core = makeTestCore({ nowAt: '2026-11-23T18:00:00Z' });
    const start = () => startDiscord({ bot: core.bot, logger: core.logger, token: fake.token, apiUrl: fake.apiUrl });
    let handle = await start();
    mine = {
      fake, clock: core.clock, activityCount: core.activityCount,
      restart: async () => { await handle.stop(); handle = await start(); },
      stop: async () => { await handle.stop(); await fake.close(); core.cleanup(); },
    };
  });
  afterEach(async () => {
    await mine.stop();
  });

  /** Log now on one reminder (its message), pressed and the form sent. */
  async function fromReminder(fields: Record<string, string>) {
    const press = makeButtonInteraction('ceu:log', { messageId: '4000000000000000079' });
    const form = ((await mine.fake.sendInteraction(press)).body.data as { custom_id: string }).custom_id;
    return mine.fake.sendInteraction(makeModalSubmitInteraction(form, fields, { overrides: { message: press.message } }));
  }

  it.each([['yesterday'], ['']])('logs the same words for a date (%j) the next day, which mean another day', async (date) => {
    const webinar = { amount: '1h', category: 'clinical', title: 'Webinar', date, aama: '' };
    expect(textOf((await fromReminder(webinar)).body)).toContain('Logged #1');
    mine.clock.now = () => new Date('2026-11-24T18:00:00Z');
    expect(textOf((await fromReminder(webinar)).body)).toContain('Logged #2');
    expect(mine.activityCount()).toBe(2);
  });

  it('still logs once the same activity for the same day sent the next day', async () => {
    expect(textOf((await fromReminder({ ...sepsis, date: 'today' })).body)).toContain('Logged #1');
    mine.clock.now = () => new Date('2026-11-24T18:00:00Z');
    expect(textOf((await fromReminder({ ...sepsis, date: 'yesterday' })).body)).toContain('#1 is already logged from this form');
    expect(mine.activityCount()).toBe(1);
  });

  it('logs a repeat after a restart anew when the activity it logged was deleted', async () => {
    const logged = await fromReminder(sepsis);
    await mine.fake.sendInteraction(makeButtonInteraction(buttonsOf(logged.body).find((b) => b.label === 'Undo')!.custom_id));
    await mine.restart();
    expect(textOf((await fromReminder(sepsis)).body)).toContain('Logged #2');
    expect(mine.activityCount()).toBe(1);
  });
});

function buttonsOf(body: unknown): Array<{ label: string; custom_id: string }> {
  const rows = ((body as { data?: { components?: Array<{ components: Array<{ label: string; custom_id: string }> }> } }).data?.components ?? []);
  return rows.flatMap((r) => r.components);
}
