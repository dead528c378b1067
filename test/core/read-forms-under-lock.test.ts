/**
 * The forms of a changing command that only read (`credential list`, `settings` with nothing to
 * set, `admin list`, `digest`, `settings rules`) are answered while another process holds the
 * write lock, as `history` is: a changing command's transaction takes the lock at its first write.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleSafely } from '../../src/adapters/handle-safely.js';
import { renderText, type Logger } from '../../src/core/index.js';
import { makeActor, makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
const logger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
beforeEach(async () => {
  t = makeBot();
  await t.say('credential add CMA expires 2027-02-28', { isAdmin: true });
  await t.say('log 1h clinical Warm-up on 2026-11-01', { isAdmin: true });
  t.database.sqlite.pragma('busy_timeout = 20');
});
afterEach(() => t.close());

const ask = async (text: string) =>
  renderText(await handleSafely(t.bot, logger, { actor: makeActor({ isAdmin: true }), conversation: { id: 'c1', isDirect: true }, input: { kind: 'text', text } }));

describe('read-only forms of changing commands while another process holds the write lock', () => {
  for (const text of ['credential list', 'settings', 'admin list', 'digest', 'settings rules']) {
    it(`\`${text}\` is answered, like \`history\``, async () => {
      const other = new Database(t.database.sqlite.name);
      other.exec('BEGIN IMMEDIATE');
      try {
        expect(await ask('history')).toContain('Warm-up');
        expect(await ask(text)).not.toContain('nothing was saved');
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
    });
  }
});
