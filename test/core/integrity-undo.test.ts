/**
 * Undo puts an activity back exactly as it was: every column but `updated_at`, certificate
 * included, whether it undoes a delete, an edit or several changes in a row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/index.js';
import { makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
const discord: Partial<Actor> = { platform: 'discord', tenantId: 'G1', userId: '111' };
const row = (id: number) => {
  const { updated_at: _updatedAt, ...rest } = t.database.sqlite.prepare('select * from activities where id = ?').get(id) as Record<string, unknown>;
  return rest;
};

beforeEach(async () => {
  t = makeBot();
  const logged = await t.structured('log', {
    amount: 2, unit: 'hours', category: 'clinical', title: 'Sepsis', provider: 'Relias', date: '2026-11-01', aama: true,
    certificate: { url: 'https://cdn.example.com/cert.pdf', name: 'cert.pdf' },
  }, discord);
  expect(logged.tone).toBe('success');
});
afterEach(() => t.close());

describe('undo', () => {
  it('of a delete restores the row exactly, certificate included', async () => {
    const original = row(1);
    await t.say('delete 1', discord);
    expect(row(1).deleted_at).not.toBeNull();
    expect((await t.say('undo', discord)).tone).toBe('success');
    expect(row(1)).toEqual(original);
  });

  it('walks back edits one at a time to the row as logged, then the log itself', async () => {
    const original = row(1);
    const versions = [original];
    for (const line of ['edit 1 amount 90min', 'edit 1 title "Sepsis update"', 'edit 1 aama no', 'edit 1 date 2026-10-01']) {
      expect((await t.say(line, discord)).tone).toBe('success');
      versions.push(row(1));
    }
    await t.say('delete 1', discord);
    await t.say('undo', discord);
    expect(row(1)).toEqual(versions.at(-1));
    for (const version of versions.slice(0, -1).reverse()) {
      await t.say('undo', discord);
      expect(row(1)).toEqual(version);
    }
    expect(await t.text('undo', discord)).toContain('Undid the log of #1');
    expect(row(1).deleted_at).not.toBeNull();
    expect((await t.say('undo', discord)).tone).toBe('warning');
  });

  it("never reaches another workspace's member with the same user id", async () => {
    await t.say('log 1h general Elsewhere', { ...discord, tenantId: 'G2' });
    await t.say('undo', { ...discord, tenantId: 'G2' });
    expect(row(1).deleted_at).toBeNull();
    expect(row(2).deleted_at).not.toBeNull();
  });
});
