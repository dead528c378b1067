/**
 * users.info lookups of one user are shared only for a moment (a command and the App Home refresh
 * after it): a call that never answers (a dead keep-alive socket, a stalled proxy) must not stand
 * in for every later lookup, which would leave an admin a plain member until it ended.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDirectoryClient, createUserDirectory } from '../../../src/adapters/slack/user-directory.js';
import { within } from '../../../src/adapters/within.js';
import type { Logger } from '../../../src/core/index.js';

const logger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A Slack Web API that never answers the first users.info and answers every later one at once. */
async function slackHangingOnce(): Promise<{ apiUrl: string; calls: () => number }> {
  let calls = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      if (calls === 1) return; // hangs
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, user: { id: 'U1', is_admin: true, tz: 'America/Chicago', real_name: 'Dana' } }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, calls: () => calls };
}

describe('a users.info call that never answers', () => {
  it('does not keep the next command from asking Slack again', async () => {
    const slack = await slackHangingOnce();
    const directory = createUserDirectory(logger, createDirectoryClient('xoxb-test', { slackApiUrl: slack.apiUrl }));
    // The first command waits its 500 ms (as lookupQuickly does) and goes on as a plain member.
    expect(await within(directory.lookup('U1'), 500, { isAdmin: false })).toEqual({ isAdmin: false });
    // A later command from the same admin: Slack answers any new call at once.
    const later = await within(directory.lookup('U1'), 1000, { isAdmin: false });
    expect(slack.calls()).toBe(2);
    expect(later).toMatchObject({ isAdmin: true, timeZone: 'America/Chicago' });
  });
});
