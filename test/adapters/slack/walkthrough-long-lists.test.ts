/**
 * Long answers as an admin and a member read them in Slack: a list longer than one section (3,000
 * characters) is split between its items, never inside one, so a member's second credential does
 * not land, orphaned, at the top of the next section; and an answer of more than 50 blocks is
 * drawn in fewer, not cut, so the reminders a member missed are all there with their buttons.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackNotifier } from '../../../src/adapters/slack/notifier.js';
import { createScheduler } from '../../../src/scheduler/index.js';
import { createSchedulerStore, createSqliteStore } from '../../../src/storage/index.js';
import { makeRecordingLogger } from '../../support/make-test-core.js';
import { makeSlashCommand, postSlashCommand } from '../../fakes/slack-requests.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

type Message = { text: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ action_id?: string; value?: string; text?: string }> }> };

/** Sam Lee, a Slack workspace admin (fake-slack-users.ts). */
const SAM = { user_id: 'U0002', user_name: 'sam.lee' };
const CREDENTIALS = ['CMA expires 2027-02-28', 'RMA certified 2024-05-01', 'CCMA expires 2027-01-31', 'NCMA expires 2026-12-31', 'BLS certified 2025-01-15'];

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

const slash = async (text: string, who: Record<string, string>) => (await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, text, who))).json as Message;

describe('`team` for 30 members', () => {
  it('keeps each member with all of their credentials in one section', async () => {
    for (let i = 0; i < 30; i++) {
      const who = { user_id: `U1${String(i).padStart(3, '0')}`, user_name: `member.${i}` };
      s.fake.addUser({ id: who.user_id, name: who.user_name, real_name: `Member Number ${i} With A Long Name`, display_name: i % 2 ? `Member ${i}` : '' });
      await slash(`credential add ${CREDENTIALS[i % 5]}`, who);
      if (i % 3 === 0) await slash(`credential add ${CREDENTIALS[(i + 1) % 5]}`, who);
    }
    const team = await slash('team', SAM);
    expect(textOf(team)).toContain('Team: 31 members (page 1 of 2)');
    const listed = team.blocks.filter((b) => b.type === 'section' && b.text?.text.includes('<@U1'));
    expect(listed.length).toBeGreaterThan(1);
    // Every section of the listing starts with a member, and each of their lines is under them.
    for (const section of listed) expect(section.text!.text).toMatch(/^• <@U1\d{3}>/);
    const members = listed.flatMap((b) => b.text!.text.split('\n').filter((line) => line.startsWith('• ')));
    expect(members).toHaveLength(20);
  });
});

describe('`status` of a member who holds every credential and missed their reminders by DM', () => {
  it('shows every credential and every missed reminder with its buttons, in at most 50 blocks', async () => {
    const alex = { user_id: 'U0001', user_name: 'alex.rivera' };
    const held = ['CMA expires 2027-02-28', 'RMA expires 2027-03-15', 'CMAS expires 2027-03-15', 'NCMA expires 2027-01-31', 'CCMA expires 2027-02-28', 'CMAA expires 2027-02-28', 'CPT expires 2027-02-28', 'CET expires 2027-02-28', 'BLS certified 2025-01-10'];
    for (const credential of held) await slash(`credential add ${credential}`, alex);
    // Every reminder due today is refused for good: the member turned off the bot's Messages tab.
    for (let i = 0; i < held.length; i++) s.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
    // Slack's pacing (one DM a second) lifted: the test is about what the member sees afterwards.
    const notifier = createSlackNotifier({ botToken: 'xoxb-test', apiUrl: s.fake.apiUrl, logger: makeRecordingLogger([]), limits: { global: { count: 100, perMs: 1000 }, perTarget: { count: 100, perMs: 1000 } } });
    const scheduler = createScheduler({
      schedulerStore: createSchedulerStore(s.database), store: createSqliteStore(s.database), notifiers: [notifier],
      clock: { now: () => new Date('2026-11-24T18:00:00Z') }, logger: makeRecordingLogger([]), sweepIntervalMs: 60_000,
    });
    await scheduler.sweep();
    const failed = () => (s.database.sqlite.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'failed'").get() as { n: number }).n;
    for (let i = 0; i < 50 && failed() < 8; i++) {
      await scheduler.drain();
      await new Promise((r) => setTimeout(r, 100));
    }
    await scheduler.stop();
    expect(failed()).toBe(8);

    const status = await slash('status', alex);
    expect(status.blocks.length).toBeLessThanOrEqual(50);
    const shown = JSON.stringify(status.blocks);
    expect(shown).not.toContain('more than fits');
    for (const code of ['CMA', 'RMA', 'CMAS', 'NCMA', 'CCMA', 'CMAA', 'CPT', 'CET', 'BLS']) expect(shown).toContain(`${code} (`);
    expect(textOf(status)).toContain('latest 3 of 8 reminders');
    const snoozes = status.blocks.flatMap((b) => b.elements ?? []).filter((e) => e.action_id === 'ceu:snooze');
    expect(snoozes).toHaveLength(3);
  });
});
