/** `admin add` of someone who is already an admin says so and changes nothing, rather than "is now an admin". */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBot, type TestBot } from '../make-bot.js';

const owner = { platform: 'slack' as const, tenantId: 'T1', userId: 'UOWNER', displayName: 'Olivia', isAdmin: true };
let t: TestBot;
beforeEach(() => {
  t = makeBot();
});
afterEach(() => t.close());

describe('admin add of an admin', () => {
  it('says a member named twice is already a named admin, changing nothing', async () => {
    await t.say('admin add <@U0002>', owner);
    const before = t.snapshot();
    const reply = await t.say('admin add <@U0002>', owner);
    expect(reply.tone).toBe('info');
    expect(reply.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: expect.stringContaining('already a named admin') })]);
    expect(t.snapshot()).toBe(before);
  });

  it('tells a workspace admin naming themselves that they already are one, changing nothing', async () => {
    await t.say('status', owner);
    const before = t.snapshot();
    const reply = await t.say('admin add <@UOWNER>', owner);
    expect(reply.tone).toBe('info');
    expect(reply.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: expect.stringContaining('already an admin') })]);
    expect(t.snapshot()).toBe(before);
    expect(await t.text('admin list', owner)).toContain('Nobody has been named yet.');
  });
});
