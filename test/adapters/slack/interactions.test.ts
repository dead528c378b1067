import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBlockAction, makeSlashCommand, makeViewSubmission, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
  await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'credential add CMA expires 2027-02-28'));
});
afterEach(async () => {
  await s.close();
});

const input = (value: string) => ({ value: { type: 'plain_text_input', value } });
const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
const validForm = {
  amount: { value: { type: 'number_input', value: '2' } },
  unit: select('hours'),
  category: select('clinical'),
  title: input('Phlebotomy basics'),
  provider: input('Relias'),
  date: { value: { type: 'datepicker', selected_date: '2026-11-01' } },
  aama: { value: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } },
};

describe('the log modal', () => {
  it('is built from the log declaration: an input per option, with today in the date picker', async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log'));
    const { body } = await s.fake.waitForCall('views.open');
    const view = body.view as { blocks: Array<{ block_id: string; element: { type: string; initial_date?: string } }> };
    expect(view.blocks.map((b) => b.block_id)).toEqual(['amount', 'unit', 'cpr', 'category', 'title', 'date', 'provider', 'aama']);
    expect(view.blocks.find((b) => b.block_id === 'date')?.element).toMatchObject({ type: 'datepicker', initial_date: '2026-11-24' });
  });

  it('shows each problem on its field and stores nothing', async () => {
    const form = { ...validForm, amount: { value: { type: 'number_input', value: '500' } }, date: { value: { type: 'datepicker', selected_date: '2027-01-01' } } };
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', form));
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ response_action: 'errors', errors: { amount: expect.stringContaining('more than 100 hours'), date: expect.stringContaining('in the future') } });
    expect(s.activityCount()).toBe(0);
  });

  it('asks for a category on the category field when a CMA activity has none', async () => {
    const { category: _, ...form } = validForm;
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', form));
    expect(result.json).toMatchObject({ response_action: 'errors', errors: { category: expect.stringContaining('counts points by category') } });
  });

  it('logs a valid submission, closes the modal, confirms by DM and refreshes App Home', async () => {
    const result = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', validForm));
    expect(result.status).toBe(200);
    expect(result.text).toBe('');
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(dm.body.channel).toBe('U0001');
    expect(textOf(dm.body)).toContain('Logged #1 2026-11-01 2 hours clinical “Phlebotomy basics” from Relias (AAMA-approved)');
    await s.fake.waitForCall('views.publish');
    expect(s.activityCount()).toBe(1);
  });

  it('takes a corrected form after a field error', async () => {
    const { category: _, ...form } = validForm;
    const first = makeViewSubmission('ceu_log_activity', form);
    await postInteraction(s.url, SIGNING_SECRET, first);
    const corrected = { ...first, view: { ...first.view, state: { values: validForm } } };
    const result = await postInteraction(s.url, SIGNING_SECRET, corrected);
    expect(result.text).toBe('');
    await s.fake.waitForCall('chat.postMessage');
    expect(s.activityCount()).toBe(1);
  });

  it('logs a resubmitted modal (same view) once', async () => {
    const payload = makeViewSubmission('ceu_log_activity', validForm);
    await postInteraction(s.url, SIGNING_SECRET, payload);
    await postInteraction(s.url, SIGNING_SECRET, payload);
    await s.fake.waitForCall('chat.postMessage');
    expect(s.activityCount()).toBe(1);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('buttons', () => {
  it('Undo takes back the log it was shown with (not a later one), answering in the conversation', async () => {
    const logged = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical Sepsis'));
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 1h general Later'));
    const button = (logged.json as { blocks: Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }> }).blocks
      .find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === 'ceu:undo')!;
    const click = makeBlockAction(s.fake, button.action_id, button.value);
    expect((await postInteraction(s.url, SIGNING_SECRET, click)).status).toBe(200);
    const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
    expect(textOf(answer.body)).toContain('Deleted #1');
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(s.activityCount()).toBe(1);
  });

  it('a double click runs once', async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical A'));
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical B'));
    const first = makeBlockAction(s.fake, 'ceu:undo', 'undo');
    const second = { ...first, actions: [{ ...first.actions[0]!, action_ts: '1700009999.000001' }] };
    await postInteraction(s.url, SIGNING_SECRET, first);
    await postInteraction(s.url, SIGNING_SECRET, second);
    await s.fake.waitForResponse();
    expect(s.activityCount()).toBe(1);
  });

  it("another member's click on your Undo neither works nor uses up yours", async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log 2h clinical A'));
    const theirs = makeBlockAction(s.fake, 'ceu:undo', 'delete 1', { user: { id: 'U0002', username: 'sam.lee', name: 'sam.lee' } });
    await postInteraction(s.url, SIGNING_SECRET, theirs);
    const refused = await s.fake.waitForResponse((r) => theirs.response_url.endsWith(r.path));
    expect(textOf(refused.body)).toContain("someone else's");
    const mine = makeBlockAction(s.fake, 'ceu:undo', 'delete 1');
    await postInteraction(s.url, SIGNING_SECRET, mine);
    const done = await s.fake.waitForResponse((r) => mine.response_url.endsWith(r.path));
    expect(textOf(done.body)).toContain('Deleted #1');
  });

  it('answers a question button every time it is clicked', async () => {
    for (let i = 0; i < 2; i++) {
      const click = makeBlockAction(s.fake, 'ceu:need', 'need');
      await postInteraction(s.url, SIGNING_SECRET, { ...click, container: { ...click.container, message_ts: '1700000000.000999' } });
      const answer = await s.fake.waitForResponse((r) => click.response_url.endsWith(r.path));
      expect(textOf(answer.body)).toContain('CMA (AAMA)');
    }
  });

  it('lets a Slack admin name another admin by mention', async () => {
    const reply = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'admin add <@U0001|alex.rivera>', { user_id: 'U0002', user_name: 'sam.lee' }));
    expect(textOf(reply.json)).toContain('is now an admin');
    const plain = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'admin add @alex.rivera', { user_id: 'U0002', user_name: 'sam.lee' }));
    expect(textOf(plain.json)).toContain('is not a member; mention them');
  });

  it('Log another opens the modal', async () => {
    await postInteraction(s.url, SIGNING_SECRET, makeBlockAction(s.fake, 'ceu:log-another', 'log'));
    const { body } = await s.fake.waitForCall('views.open');
    expect(body.view).toMatchObject({ callback_id: 'ceu_log_activity' });
  });
});
