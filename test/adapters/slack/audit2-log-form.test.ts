/**
 * The "Log an activity" form as members meet it: from `/ceu log`, from a reminder's Log now and
 * from App Home, and what they see when Slack cannot open it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBlockAction, makeSlashCommand, makeViewSubmission, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import { makeLogFormValues } from '../../fakes/slack-log-form.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

describe('when Slack cannot open the form', () => {
  it('tells the member who typed `/ceu log` how to log by typing, privately', async () => {
    // A trigger id lives 3 s: a slow network between ceu-bot and Slack loses it.
    s.fake.failNext('views.open', { error: 'expired_trigger_id' });
    const fields = makeSlashCommand(s.fake, 'log');
    const ack = await postSlashCommand(s.url, SIGNING_SECRET, fields);
    expect(ack.status).toBe(200);
    const answer = await s.fake.waitForResponse((r) => fields.response_url.endsWith(r.path));
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(answer.body)).toContain('I could not open the form');
    expect(textOf(answer.body)).toContain('/ceu log 2h clinical "Phlebotomy basics" from Relias');
  });

  it('answers a Log button in App Home by DM with the same advice', async () => {
    s.fake.failNext('views.open', { error: 'expired_trigger_id' });
    // A click in App Home: no channel, no response_url.
    const { channel: _c, response_url: _r, message: _m, ...click } = makeBlockAction(s.fake, 'ceu:open-log', 'log', {
      container: { type: 'view', view_id: 'VHOME0001' },
    } as never);
    await postInteraction(s.url, SIGNING_SECRET, { ...click, view: { id: 'VHOME0001', type: 'home' } });
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(dm.body.channel).toBe('U0001');
    expect(textOf(dm.body)).toContain('I could not open the form');
  });
});

describe('the form itself', () => {
  it('labels the CPR card box as one, not “Cpr”', async () => {
    await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, 'log'));
    const { body } = await s.fake.waitForCall('views.open');
    const blocks = (body.view as { blocks: Array<{ block_id: string; label: { text: string } }> }).blocks;
    expect(blocks.find((b) => b.block_id === 'cpr')?.label.text).toBe('CPR/BLS card');
  });

  it('stores a title typed in quotes, as the command taught, without the quotes', async () => {
    const form = makeLogFormValues({ title: { value: { type: 'plain_text_input', value: '“Phlebotomy basics”' } }, provider: { value: { type: 'plain_text_input', value: '"Relias"' } } });
    await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', form));
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(dm.body)).toContain('Logged #1 2026-11-01 2 hours clinical “Phlebotomy basics” from Relias (AAMA-approved).');
    expect(s.database.sqlite.prepare('SELECT title, provider FROM activities').all()).toEqual([{ title: 'Phlebotomy basics', provider: 'Relias' }]);
  });
});
