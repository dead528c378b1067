/**
 * When the database cannot take a write (another process holds the lock past busy_timeout, the
 * file is read-only, the disk is full): the member gets a plain answer, not a stack trace or
 * silence; nothing is half-written; and the next command, once the file is writable, works.
 * Driven through the console adapter, the surface a member sees.
 */
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startConsole } from '../../src/adapters/console/start-console.js';
import { CONSOLE_TENANT } from '../../src/adapters/console/to-command-request.js';
import { handleSafely } from '../../src/adapters/handle-safely.js';
import { renderText, type Logger } from '../../src/core/index.js';
import { dumpTables } from '../storage/dump-tables.js';
import { makeActor, makeBot, type TestBot } from './make-bot.js';

let t: TestBot;
let logged: string[];
const logger: Logger = { debug() {}, info() {}, warn() {}, error: (_obj, msg) => void logged.push(msg ?? '') };
const tables = () => dumpTables(t.database.sqlite);

/** Each line through the console as piped input; the replies, one per line. */
async function consoleSays(lines: string[]): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  input.end(lines.map((line) => `${line}\n`).join(''));
  await startConsole({ bot: t.bot, consoleUser: 'alice', logger, input, output });
  return text.split('\n\n').map((reply) => reply.trim()).filter(Boolean);
}

const WRITES = [
  'log 2h clinical "Sepsis" on 2026-11-02',
  'edit 1 amount 3h',
  'delete 1',
  'undo anyway',
  'credential add RMA expires 2027-05-31',
  'credential remove CMA',
  'snooze CMA',
  'settings tz America/Chicago',
  'pause until 2027-01-15',
  'settings rule ncma.hoursPerYear 12',
  'digest channel #team',
];

beforeEach(async () => {
  t = makeBot();
  logged = [];
  // Short, so a held lock fails each write in milliseconds rather than the 5 s the program waits.
  t.database.sqlite.pragma('busy_timeout = 20');
  await consoleSays(['credential add CMA expires 2027-02-28', 'log 1h clinical Warm-up on 2026-11-01']);
});
afterEach(() => t.close());

/** The same platform request (same id) as Slack or Discord would deliver it again. */
function retried(idempotencyKey: string) {
  const request = { actor: makeActor({ tenantId: CONSOLE_TENANT, isAdmin: true }), conversation: { id: 'c1', isDirect: true }, input: { kind: 'text' as const, text: `log 3h clinical ${'y'.repeat(180)}` }, idempotencyKey };
  return handleSafely(t.bot, logger, request);
}

function expectPlainFailures(replies: string[]): void {
  expect(replies).toHaveLength(WRITES.length);
  for (const reply of replies) {
    expect(reply).toContain('nothing was saved');
    expect(reply).not.toMatch(/SqliteError|at Object\.|\.ts:\d+/);
  }
  expect(logged).toHaveLength(WRITES.length);
}

async function expectWorkingAfterwards(): Promise<void> {
  const [logReply, history] = await consoleSays(['log 2h general Afterwards', 'history']);
  expect(logReply).toMatch(/^Logged #\d+/);
  expect(history).toContain('Afterwards');
}

describe('a database that cannot take a write', () => {
  it('another process holding the write lock: every write is refused plainly and none lands', async () => {
    const other = new Database(t.database.sqlite.name);
    const before = tables();
    other.exec('BEGIN IMMEDIATE');
    try {
      expectPlainFailures(await consoleSays(WRITES));
      // Reads still answer while the lock is held (WAL).
      expect((await consoleSays(['history']))[0]).toContain('Warm-up');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(tables()).toEqual(before);
    await expectWorkingAfterwards();
  });

  it('a read-only database: every write is refused plainly and none lands', async () => {
    const before = tables();
    t.database.sqlite.pragma('query_only = ON');
    expectPlainFailures(await consoleSays(WRITES));
    t.database.sqlite.pragma('query_only = OFF');
    expect(tables()).toEqual(before);
    await expectWorkingAfterwards();
  });

  it('a full disk: a write that needs a new page is refused plainly and leaves nothing half-written', async () => {
    const { sqlite } = t.database;
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    // Fill the last free space, so that each of the writes below needs a page of its own.
    const long = 'x'.repeat(180);
    let filled = 0;
    for (; filled < 200; filled++) {
      if (!(await consoleSays([`log 1h general ${long} ${filled}`]))[0]!.startsWith('Logged')) break;
    }
    expect(filled).toBeLessThan(200);
    logged = [];
    const before = tables();
    const replies = await consoleSays([`log 1h general ${long} again`, `log 2h clinical ${long} and again`]);
    for (const reply of replies) expect(reply).toContain('nothing was saved');
    // A platform request with its id: the claim on the id goes back too, so the platform's retry runs.
    expect(renderText(await retried('Ev1'))).toContain('nothing was saved');
    expect(tables()).toEqual(before);
    sqlite.pragma('max_page_count = 1073741823');
    const retry = await retried('Ev1');
    expect(retry.duplicate).toBeUndefined();
    expect(renderText(retry)).toMatch(/^Logged #\d+/);
    await expectWorkingAfterwards();
  });
});
