/**
 * `admin add` names people. On the console the bot is `@ceu-bot` (as the platforms show it), and
 * member names are one member however they are capitalised.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

const admin = { platform: 'console' as const, tenantId: 'console', userId: 'alice', isAdmin: true };
let t: TestBot;
beforeEach(() => {
  t = makeBot();
});
afterEach(() => t.close());

describe('admin on the console', () => {
  it.each(['admin add @ceu-bot', 'admin add @CEU-Bot', 'admin add ceu-bot', 'admin remove @ceu-bot'])('refuses to name the bot: %s', async (line) => {
    await t.say('status', { ...admin, userId: 'ceu-bot', isAdmin: false });
    const before = t.snapshot();
    const reply = await t.say(line, admin);
    expect(reply.tone).toBe('error');
    expect(reply.problems?.map((p) => p.code)).toEqual(['names-the-bot']);
    expect(t.snapshot()).toBe(before);
  });

  it('names a member typed in other capitals, the one who used ceu-bot', async () => {
    await t.say('status', { ...admin, userId: 'bob', displayName: 'Bob', isAdmin: false });
    expect((await t.say('admin add @BOB', admin)).tone).toBe('success');
    expect(await t.text('admin list', admin)).toContain('Named by an admin: Bob.');
  });

  it('names a member whose name is not plain ASCII, as the console takes it', async () => {
    await t.say('status', { ...admin, userId: 'élodie', displayName: 'Élodie', isAdmin: false });
    expect((await t.say('admin add @Élodie', admin)).tone).toBe('success');
    expect(await t.text('admin list', admin)).toContain('Named by an admin: Élodie.');
  });
});
