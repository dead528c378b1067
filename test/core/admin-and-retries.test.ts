import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.js';
import { makeActor, makeBot, problemCodes, type TestBot } from './make-bot.js';

let t: TestBot;
beforeEach(() => {
  t = makeBot('2026-11-25T03:00:00Z');
});
afterEach(() => t.close());

describe('admins', () => {
  it('refuses admin commands to members, and lets a platform admin name another admin', async () => {
    await t.say('status', { userId: 'dana' });
    const before = t.snapshot();
    expect(problemCodes(await t.say('admin add <@dana>', { userId: 'dana' }))).toEqual(['admin-only']);
    expect(t.snapshot()).toBe(before);
    expect(await t.text('admin add <@dana|dana>', { userId: 'boss', isAdmin: true })).toContain('dana is now an admin');
    // Dana is an admin now, though the platform does not say so.
    expect((await t.say('settings rule ncma.hoursPerYear 12', { userId: 'dana' })).tone).toBe('success');
    expect(await t.text('admin list', { userId: 'dana' })).toContain('Named by an admin: dana.');
    await t.say('admin remove @dana', { userId: 'boss', isAdmin: true });
    expect(problemCodes(await t.say('admin list', { userId: 'dana' }))).toEqual(['admin-only']);
  });

  it('names someone who has not spoken to the bot yet, only in the same workspace', async () => {
    await t.say('admin add <@U777>', { userId: 'boss', isAdmin: true });
    expect(problemCodes(await t.say('admin list', { userId: 'U777', tenantId: 'another-team' }))).toEqual(['admin-only']);
    expect((await t.say('admin list', { userId: 'U777' })).tone).toBe('info');
  });

  it('on a platform, takes only a real mention, never a plain name, as a member', async () => {
    const slackAdmin = { platform: 'slack' as const, tenantId: 'T1', userId: 'UBOSS', isAdmin: true };
    expect(problemCodes(await t.say('admin add @sam.lee', slackAdmin))).toEqual(['invalid-user']);
    // Never seen before, so no name yet: a mention, which the platform shows as their name.
    expect(await t.text('admin add <@U0002|sam.lee>', slackAdmin)).toContain('<@U0002> is now an admin');
    expect(await t.text('admin add 3000000000000000002', { ...slackAdmin, platform: 'discord' })).toContain('<@3000000000000000002> is now an admin');
    // Listed the same way, not as a raw id.
    expect(await t.text('admin list', slackAdmin)).toContain('Named by an admin: <@U0002>.');
  });

  it.each([
    ['admin remove @ghost', ['unknown-member']],
    ['admin add @nobody', ['unknown-member']],
  ])('`%s` names nobody who has not used ceu-bot and creates no member', async (line, codes) => {
    const boss = { userId: 'boss', isAdmin: true };
    await t.say('status', boss);
    const before = t.snapshot();
    const reply = await t.say(line, boss);
    expect(problemCodes(reply)).toEqual(codes);
    expect(renderText(reply)).toContain('has not used ceu-bot here yet');
    expect(t.snapshot()).toBe(before);
    expect(await t.text('team', boss)).not.toMatch(/ghost|nobody/);
  });

  it('refuses to remove a member who is not a named admin, and changes nothing', async () => {
    await t.say('status', { userId: 'dana' });
    await t.say('status', { userId: 'boss', isAdmin: true });
    const before = t.snapshot();
    expect(problemCodes(await t.say('admin remove @dana', { userId: 'boss', isAdmin: true }))).toEqual(['not-named-admin']);
    expect(t.snapshot()).toBe(before);
  });

  it.each([
    ['admin add', ['missing-user']],
    ['admin add <#C123>', ['invalid-user']],
    ['admin promote @x', ['invalid-action']],
  ])('%s is refused with %j', async (line, codes) => {
    expect(problemCodes(await t.say(line, { isAdmin: true }))).toEqual(codes);
  });
});

describe('a request that arrives twice', () => {
  it('runs once for the same idempotency key, and again for a new key', async () => {
    const send = (key: string) => t.keyed('log 2h general Ethics', key);
    expect((await send('Ev1')).tone).toBe('success');
    const again = await send('Ev1');
    expect(again.blocks[0]).toMatchObject({ text: expect.stringContaining('Already done') });
    expect(again.duplicate).toBe(true);
    expect(t.database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities').get()).toEqual({ n: 1 });
    await send('Ev2');
    expect(t.database.sqlite.prepare('SELECT COUNT(*) AS n FROM activities').get()).toEqual({ n: 2 });
  });

  it('does not spend the key on a refused request, so a corrected form goes through', async () => {
    await t.keyed('log 500h general', 'Ev9');
    expect((await t.keyed('log 5h general', 'Ev9')).tone).toBe('success');
    await t.say('credential add CMA expires 2027-02-28');
    expect((await t.keyed('log 5h', 'view:V1')).problems?.[0]?.code).toBe('missing-category');
    expect((await t.keyed('log 5h general', 'view:V1')).tone).toBe('success');
  });

  it('answers a repeated question again instead of staying silent', async () => {
    await t.keyed('status', 'button:M1:need');
    const again = await t.keyed('status', 'button:M1:need');
    expect(again.duplicate).toBeUndefined();
    expect(again.tone).toBe('info');
  });
});

describe('time zone from the platform', () => {
  it("uses the platform's zone until the member sets one", async () => {
    const asOf = async (actor = {}) => ((await t.say('status --json', actor)).blocks[0] as any).value.asOf;
    expect(await asOf()).toBe('2026-11-25');
    expect(await asOf({ timeZone: 'America/Los_Angeles' })).toBe('2026-11-24');
    await t.say('settings tz Asia/Tokyo');
    expect(await asOf({ timeZone: 'America/Los_Angeles' })).toBe('2026-11-25');
    expect(makeActor().platform).toBe('console');
  });
});
