/**
 * `npm start` with Slack configured, as a child process: the scheduler starts with the surfaces,
 * sweeps at once, delivers a due reminder through the Slack notifier, and stops on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createSchedulerStore, openDatabase } from '../../src/storage/index.js';
import { textOf } from '../adapters/slack/slack-under-test.js';
import { FAKE_TEAM_ID } from '../fakes/fake-slack-team.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { makeTestOutbox, type TestOutbox } from './make-outbox.js';

const ROOT = new URL('../..', import.meta.url).pathname;

let fake: FakeSlack | undefined;
let t: TestOutbox | undefined;
afterEach(async () => {
  await fake?.close();
  t?.cleanup();
});

describe('npm start with a reminder due', () => {
  it('delivers it by DM through Slack soon after start-up, once, and exits 0 on SIGTERM', async () => {
    fake = await startFakeSlack();
    t = makeTestOutbox();
    const alice = t.member({ tenantId: FAKE_TEAM_ID, userId: 'U0ALICE' });
    t.store.putCredential(alice, { code: 'CMA', expiresOn: '2027-02-28', certifiedOn: null }, t.clock.now().toISOString());
    t.database.close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '', HOME: '/tmp', CEU_DB: t.path, CEU_NOW: '2026-11-24T15:00:00Z', LOG_LEVEL: 'warn',
        SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'main-secret', SLACK_API_URL: fake.apiUrl, PORT: '0',
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    const dm = await fake.waitForCall('chat.postMessage', (call) => call.body.channel === 'U0ALICE', 20_000);
    expect(textOf(dm.body)).toContain('CMA: submit by');
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(stderr).not.toContain('xoxb-test');
    const database = openDatabase(t.path);
    expect(createSchedulerStore(database).countOutbox()).toMatchObject({ sent: 1, pending: 0, sending: 0 });
    database.close();
  }, 30_000);
});
