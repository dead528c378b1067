/**
 * What the log form says and how a refused one is answered. Discord closes a form once it is
 * answered and shows no errors on its inputs: the answer names the inputs to change, not a `log`
 * line to type or its usage, and a button opens the form again as it was sent. Nothing a member
 * typed is cut or read as something else on the way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeButtonInteraction, makeModalSubmitInteraction, makeSlashInteraction, type DiscordCommandOption } from '../../fakes/discord-interactions.js';
import { FAKE_DISCORD_IDS } from '../../fakes/discord-ids.js';
import { startDiscordUnderTest, textOf, type DiscordUnderTest } from './discord-under-test.js';

let d: DiscordUnderTest;
beforeEach(async () => {
  d = await startDiscordUnderTest();
});
afterEach(async () => {
  await d.close();
});

type Input = { custom_id: string; label: string; placeholder?: string; value?: string; max_length?: number };
type Form = { custom_id: string; components: Array<{ components: Input[] }> };
type Answer = { type: number; data: { custom_id?: string; components?: Array<{ components: Array<{ custom_id: string; label: string }> }> } };

const inputs = (form: Form): Record<string, Input> => Object.fromEntries(form.components.map((row) => [row.components[0]!.custom_id, row.components[0]!]));
const activities = () => d.database.sqlite.prepare('SELECT amount, unit, category, title, provider, aama_approved AS aama FROM activities WHERE deleted_at IS NULL').all();
const filled = (fields: Partial<Record<string, string>>) => ({ amount: '2h', category: 'clinical', title: 'Sepsis', date: '', aama: '', ...fields }) as Record<string, string>;

async function openForm(options: DiscordCommandOption[] = []): Promise<Form> {
  const answer = await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'log', options }));
  expect(answer.body.type).toBe(9);
  return answer.body.data as unknown as Form;
}

async function submit(form: Form, fields: Record<string, string>): Promise<{ text: string; body: Answer }> {
  const answer = await d.fake.sendInteraction(makeModalSubmitInteraction(form.custom_id, fields));
  return { text: textOf(answer.body), body: answer.body as unknown as Answer };
}

async function holdCma(): Promise<void> {
  await d.fake.sendInteraction(makeSlashInteraction({ subcommand: 'credential', options: [
    { name: 'action', type: 3, value: 'add' }, { name: 'code', type: 3, value: 'CMA' }, { name: 'expires', type: 3, value: '2027-02-28' },
  ] }));
}

describe('the log form’s inputs', () => {
  it('say when an optional one is needed, and which dates the date input takes', async () => {
    const fields = inputs(await openForm());
    expect(fields.category!.placeholder).toContain('needed for a CMA');
    expect(fields.date!.placeholder).toMatch(/2026-11-01.*yesterday.*Nov 1/);
  });

  it('keep a date typed with `/ceu log` whole, however long, for the core to judge when sent', async () => {
    const date = 'the first friday of last month, after my shift';
    const fields = inputs(await openForm([{ name: 'title', type: 3, value: 'Sepsis' }, { name: 'date', type: 3, value: date }]));
    expect(fields.date!.value).toBe(date);
    expect(fields.date!.max_length).toBeGreaterThanOrEqual(date.length);
  });
});

describe('a refused log form', () => {
  it('is answered about its inputs, without the usage of a typed `log` line', async () => {
    await holdCma();
    const form = await openForm();
    const answers = [
      await submit(form, filled({ amount: '2' })),
      await submit(form, filled({ category: '' })),
      await submit(form, filled({ amount: '0.5 ceu' })),
      await submit(form, filled({ date: 'Dec 30' })),
    ];
    for (const { text } of answers) {
      expect(text).not.toMatch(/Usage:|`help log`|`log /);
      expect(text).toContain('Nothing was saved.');
    }
    const [noUnit, noCategory, ceu, future] = answers.map((a) => a.text);
    expect(noUnit).toContain('Amount and unit: add the unit printed on the certificate after the number, such as 2h or 2 ceu');
    expect(noCategory).toContain('Category: your CMA counts points by category; enter administrative, clinical or general.');
    expect(ceu).toContain('If the certificate says IACET, enter 0.5 iacet; if it means contact hours, enter 0.5h.');
    expect(future).toContain('Completed on: Dec 30 is in the future');
    expect(d.activityCount()).toBe(0);
  });

  it('refuses a category that is none, which the `log` line would have logged as part of the title', async () => {
    const { text } = await submit(await openForm(), filled({ category: 'nursing' }));
    expect(text).toContain('Category: “nursing” is not a category.');
    expect(d.activityCount()).toBe(0);
  });

  it('refuses an AAMA answer other than yes or no, which would have logged the activity as not approved', async () => {
    const { text } = await submit(await openForm(), filled({ aama: 'maybe' }));
    expect(text).toContain('AAMA-approved?: “maybe” should be yes or no.');
    expect(d.activityCount()).toBe(0);
  });

  it('opens again as it was sent, with what its command gave besides, and logs once corrected', async () => {
    const form = await openForm([{ name: 'provider', type: 3, value: 'Relias' }, { name: 'title', type: 3, value: 'Sepsis' }]);
    const sent = filled({ amount: '1.5', category: 'clin', aama: 'yes' });
    const refused = await submit(form, sent);
    const button = refused.body.data.components!.flatMap((row) => row.components).find((b) => b.label === 'Fix it in the form')!;

    const again = await d.fake.sendInteraction(makeButtonInteraction(button.custom_id));
    expect(again.body.type).toBe(9);
    const reopened = again.body.data as unknown as Form;
    expect(reopened.custom_id).toBe(form.custom_id);
    expect(Object.fromEntries(Object.entries(inputs(reopened)).map(([id, input]) => [id, input.value ?? '']))).toEqual(sent);

    expect((await submit(reopened, { ...sent, amount: '1.5h' })).text).toContain('Logged #1');
    expect(activities()).toEqual([{ amount: '1.5', unit: 'hours', category: 'clinical', title: 'Sepsis', provider: 'Relias', aama: 1 }]);
  });

  it('opens again from a DM, where a reminder’s Log now opened it, for the server the reminder is about', async () => {
    const inDm = { guildId: null } as const;
    const opened = await d.fake.sendInteraction(makeButtonInteraction(`ceu@${FAKE_DISCORD_IDS.guild}:log`, inDm));
    const form = opened.body.data as unknown as Form;
    const sent = filled({ amount: '2' });
    const refused = await d.fake.sendInteraction(makeModalSubmitInteraction(form.custom_id, sent, inDm));
    const button = (refused.body as unknown as Answer).data.components!.flatMap((row) => row.components).find((b) => b.label === 'Fix it in the form')!;
    expect(button.custom_id).toMatch(new RegExp(`^ceu@${FAKE_DISCORD_IDS.guild}:`));

    const again = await d.fake.sendInteraction(makeButtonInteraction(button.custom_id, inDm));
    expect(again.body.type).toBe(9);
    const reopened = again.body.data as unknown as Form;
    expect(reopened.custom_id).toBe(form.custom_id);
    expect(inputs(reopened).amount!.value).toBe('2');
    expect(textOf((await d.fake.sendInteraction(makeModalSubmitInteraction(reopened.custom_id, { ...sent, amount: '2h' }, inDm))).body)).toContain('Logged #1');
  });

  it('opens an empty form for someone else who clicks its button', async () => {
    const refused = await submit(await openForm(), filled({ amount: '2' }));
    const button = refused.body.data.components!.flatMap((row) => row.components).find((b) => b.label === 'Fix it in the form')!;
    const again = await d.fake.sendInteraction(makeButtonInteraction(button.custom_id, { user: '300000000000000099' }));
    expect(again.body.type).toBe(9);
    expect(Object.values(inputs(again.body.data as unknown as Form)).map((input) => input.value)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
