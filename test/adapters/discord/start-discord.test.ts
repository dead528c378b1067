import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/start-discord.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/fake-discord.js';
import { makeTestCore, type TestCore } from '../../support/make-test-core.js';

let fake: FakeDiscord;
let core: TestCore;
beforeEach(async () => {
  fake = await startFakeDiscord();
  core = makeTestCore();
});
afterEach(async () => {
  await fake.close();
  core.cleanup();
});

describe('starting Discord', () => {
  it('refuses a wrong token with a clear message, leaving nothing running or rejecting later', async () => {
    const started = startDiscord({ bot: core.bot, logger: core.logger, token: 'wrong-token', apiUrl: fake.apiUrl, readyTimeoutMs: 300 });
    await expect(started).rejects.toThrow(/Discord did not accept DISCORD_TOKEN/);
    await new Promise((r) => setTimeout(r, 400)); // the ready timer must not fire as an unhandled rejection
    expect(fake.connections()).toBe(0);
  });
});
