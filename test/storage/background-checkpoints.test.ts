import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKSTOP_PAGES, startBackgroundCheckpoints } from '../../src/storage/background-checkpoints.js';
import { openDatabase, type DatabaseHandle } from '../../src/storage/index.js';
import { makeTempDir } from './make-store.js';

/** Enough rows to fill a few hundred WAL pages (4 KB each). */
function writeMany(sqlite: Database.Database, rows = 2000): void {
  sqlite.exec('create table if not exists filler (id integer primary key, body text not null)');
  const insert = sqlite.prepare('insert into filler (body) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`row ${i} `.padEnd(600, 'x'));
  })();
}

describe('checkpoints on their own thread', () => {
  const opened: DatabaseHandle[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const handle of opened.splice(0)) {
      if (handle.sqlite.open) handle.close();
      await handle.checkpoints?.stop();
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const open = (options: Parameters<typeof openDatabase>[1] = {}) => {
    const dir = makeTempDir();
    dirs.push(dir);
    const handle = openDatabase(join(dir, 'ceu.sqlite'), options);
    opened.push(handle);
    return handle;
  };

  it('copies what the writing connection left in the WAL into the database file', async () => {
    const handle = open({ checkpoints: { intervalMs: 60_000 } });
    const path = handle.sqlite.name;
    writeMany(handle.sqlite);
    const sizeBefore = statSync(path).size;

    const result = await handle.checkpoints!.checkpointNow();

    expect(result.walFrames).toBeGreaterThan(100);
    expect(result.checkpointed).toBe(result.walFrames);
    expect(statSync(path).size).toBeGreaterThan(sizeBefore + 100 * 4096);
    // The writer's own checkpoints only as a backstop, far above SQLite's default of 1,000 pages.
    expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
  });

  it('checkpoints by itself on its interval, while the writer goes on', async () => {
    const handle = open({ checkpoints: { intervalMs: 20 } });
    writeMany(handle.sqlite);
    const path = handle.sqlite.name;
    const sizeBefore = statSync(path).size;
    const deadline = Date.now() + 5000;
    while (statSync(path).size <= sizeBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statSync(path).size).toBeGreaterThan(sizeBefore);
    // The writer is never blocked by it.
    writeMany(handle.sqlite, 200);
    expect(handle.sqlite.prepare('select count(*) from filler').pluck().get()).toBe(2200);
  });

  it('keeps the WAL short when writes leave gaps: the next write starts it over', async () => {
    const handle = open({ checkpoints: {} });
    const wal = `${handle.sqlite.name}-wal`;
    let largest = 0;
    for (let k = 0; k < 20; k++) {
      writeMany(handle.sqlite, 500); // about 80 pages a batch, 1,600 in all: under the 4,000-page backstop
      largest = Math.max(largest, statSync(wal).size);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    // Without the worker the writer would not checkpoint before 4,000 pages: a WAL of 1,600 pages.
    expect(largest).toBeLessThan(600 * 4096);
  });

  it('loses nothing: every row is there when the file is opened again, with or without the thread', async () => {
    const handle = open({ checkpoints: { intervalMs: 5 } });
    const path = handle.sqlite.name;
    for (let k = 0; k < 5; k++) writeMany(handle.sqlite, 500);
    handle.close();
    await handle.checkpoints!.stop();

    const again = new Database(path, { readonly: true });
    try {
      expect(again.prepare('select count(*) from filler').pluck().get()).toBe(2500);
      expect(again.prepare("select count(*) from filler where body not like 'row %'").pluck().get()).toBe(0);
    } finally {
      again.close();
    }
  });

  it('answers -1 once stopped, and stop can be called again', async () => {
    const handle = open({ checkpoints: {} });
    await handle.checkpoints!.stop();
    await handle.checkpoints!.stop();
    expect(await handle.checkpoints!.checkpointNow()).toEqual({ walFrames: -1, checkpointed: -1 });
  });

  it('reports a file it cannot open through onError once, not on every try, and keeps the process alive', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const errors: string[] = [];
    const checkpoints = startBackgroundCheckpoints(join(dir, 'missing.sqlite'), { intervalMs: 5, idleMs: 5, onError: (message) => errors.push(message) });
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await checkpoints.checkpointNow()).toEqual({ walFrames: -1, checkpointed: -1 });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/unable to open|does not exist/i);
    } finally {
      await checkpoints.stop();
    }
  });

  /** A program of its own (node, with tsx for our TypeScript) given `openDatabase` and a fresh file path. */
  const runProgram = (body: string) => {
    const dir = makeTempDir();
    dirs.push(dir);
    const module = new URL('../../src/storage/index.ts', import.meta.url).href;
    const script = `const { openDatabase } = await import(${JSON.stringify(module)});\nconst path = ${JSON.stringify(join(dir, 'ceu.sqlite'))};\n${body}`;
    return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15_000 });
  };

  it('holds the process while a caller awaits stop() or checkpointNow(): what follows still runs', () => {
    const child = runProgram(`
      const handle = openDatabase(path, { checkpoints: { intervalMs: 60000 } });
      const { walFrames } = await handle.checkpoints.checkpointNow();
      handle.close();
      await handle.checkpoints.stop();
      console.log('after stop', walFrames >= 0);
      process.exitCode = 7;
    `);
    expect(child.stdout).toContain('after stop true');
    expect(child.status).toBe(7);
  });

  it('never keeps the process alive by itself: a program that leaves the database open still ends', () => {
    const child = runProgram(`
      openDatabase(path, { checkpoints: {} });
      console.log('opened');
    `);
    expect(child.stdout).toContain('opened');
    expect(child.signal).toBeNull(); // not killed by the timeout
    expect(child.status).toBe(0);
  });

  it('is not started for an in-memory database or unless asked', () => {
    const memory = openDatabase(':memory:', { checkpoints: {} });
    opened.push(memory);
    expect(memory.checkpoints).toBeUndefined();
    const plain = open();
    expect(plain.checkpoints).toBeUndefined();
    expect(plain.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(200);
  });
});
