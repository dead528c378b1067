/** A real bot on a real SQLite file in a temp folder, with a fixed clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createBot, renderText, type Actor, type Bot, type Reply } from '../../src/core/index.js';
import { createSqliteStore, openDatabase, type DatabaseHandle } from '../../src/storage/index.js';

export interface TestBot {
  say(text: string, actor?: Partial<Actor>): Promise<Reply>;
  text(text: string, actor?: Partial<Actor>): Promise<string>;
  structured(command: string, options: Record<string, unknown>, actor?: Partial<Actor>): Promise<Reply>;
  /** A text request carrying a platform request id (a retried event, a double click). */
  keyed(text: string, idempotencyKey: string, actor?: Partial<Actor>): Promise<Reply>;
  /** Every user-data row (activities, credentials, audit, rule settings, member settings) as JSON. */
  snapshot(): string;
  /** The bot itself, for requests the helpers above do not build. */
  bot: Bot;
  database: DatabaseHandle;
  close(): void;
}

export function makeActor(overrides: Partial<Actor> = {}): Actor {
  const userId = overrides.userId ?? 'alice';
  return { platform: 'console', tenantId: 'clinic', userId, displayName: userId, isAdmin: false, ...overrides };
}

/** `nowAt`: the clock's instant, or a function giving it, for a test that moves the clock between requests. */
export function makeBot(nowAt: string | (() => string) = '2026-11-24T12:00:00Z'): TestBot {
  const dir = mkdtempSync(join(tmpdir(), 'ceu-core-'));
  const database = openDatabase(join(dir, 'test.sqlite'));
  const clock = { now: () => new Date(typeof nowAt === 'string' ? nowAt : nowAt()) };
  const bot = createBot({ store: createSqliteStore(database), clock });
  const request = (input: { kind: 'text'; text: string } | { kind: 'structured'; command: string; options: Record<string, unknown> }, actor?: Partial<Actor>, idempotencyKey?: string) =>
    bot.handle({ actor: makeActor(actor), conversation: { id: 'c1', isDirect: true }, input, ...(idempotencyKey ? { idempotencyKey } : {}) });
  return {
    say: (text, actor) => request({ kind: 'text', text }, actor),
    text: async (text, actor) => renderText(await request({ kind: 'text', text }, actor)),
    structured: (command, options, actor) => request({ kind: 'structured', command, options }, actor),
    keyed: (text, key, actor) => request({ kind: 'text', text }, actor, key),
    snapshot() {
      const tables = ['activities', 'credentials', 'audit', 'rule_settings'];
      const rows = tables.map((t) => database.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1`).all());
      const settings = database.sqlite.prepare('SELECT id, user_id, display_name, tz, nudges, quiet_hours, paused_until, named_admin FROM members ORDER BY id').all();
      return JSON.stringify([rows, settings]);
    },
    bot,
    database,
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function problemCodes(reply: Reply): string[] {
  return (reply.problems ?? []).map((p) => p.code);
}

/** `line` is refused and changes nothing: the codes of its problems. */
export async function refusedCodes(bot: TestBot, line: string): Promise<string[]> {
  const before = bot.snapshot();
  const reply = await bot.say(line);
  expect(reply.tone, line).toBe('error');
  expect(bot.snapshot(), line).toBe(before);
  return problemCodes(reply);
}

/** The command the reply's Undo button runs, as a member pressing it sends it. */
export function undoButton(reply: Reply): string {
  for (const block of reply.blocks) if (block.kind === 'actions') for (const b of block.buttons) if (b.label === 'Undo') return b.command;
  throw new Error(`no Undo button in: ${renderText(reply)}`);
}

/** `line` is answered (not refused) and changes nothing, as a question must: the reply's text. */
export async function answeredWithoutChange(bot: TestBot, line: string): Promise<string> {
  const before = bot.snapshot();
  const reply = await bot.say(line);
  expect(bot.snapshot(), line).toBe(before);
  expect(reply.tone, line).not.toBe('error');
  return renderText(reply);
}

/** A bot whose clock each request sets: `on(day, line)` sends `line` at 15:00 UTC on `day`. */
export function makeDatedBot(): TestBot & { on(day: string, line: string): Promise<string> } {
  let nowAt = '2026-11-24T15:00:00Z';
  const bot = makeBot(() => nowAt);
  return Object.assign(bot, {
    on(day: string, line: string) {
      nowAt = `${day}T15:00:00Z`;
      return bot.text(line);
    },
  });
}
