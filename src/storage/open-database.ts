/**
 * Opens (creating if needed) the SQLite file and brings its schema up to date.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { BACKSTOP_PAGES, startBackgroundCheckpoints, type BackgroundCheckpoints, type CheckpointOptions } from './background-checkpoints.js';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface DatabaseHandle {
  sqlite: Database.Database;
  db: Db;
  /** Set when checkpoints run on their own thread (`openDatabase`'s `checkpoints` option). */
  checkpoints?: BackgroundCheckpoints;
  /** Closes the connection and tells the checkpoint thread to stop (`checkpoints.stop()` to wait for it). */
  close(): void;
}

export interface OpenOptions {
  /**
   * WAL checkpoints on a thread of their own (src/storage/background-checkpoints.ts), so none
   * lands inside a request or a sweep step. For a file only; what the program runs with.
   */
  checkpoints?: CheckpointOptions;
}

// Resolved from this file, not the cwd, so `npm start` from anywhere (and tests) find the SQL.
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

function isFilePath(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

export function openDatabase(path: string, options: OpenOptions = {}): DatabaseHandle {
  if (isFilePath(path)) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets the scheduler read while a command writes; NORMAL is durable enough under WAL
  // (a power cut can lose the last commit, never corrupt the file).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint the WAL in small steps (default 1,000 pages): one lands inside whatever write crosses
  // the mark, and a small one keeps that write, and the event loop, short (a sweep page, a log).
  sqlite.pragma('wal_autocheckpoint = 200');
  sqlite.pragma('foreign_keys = ON');
  // Two processes (bot + a migration or a CLI run) may meet on the file; wait instead of SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  // Reads of a member's rows touch pages spread over the file; mapping it (up to 256 MB) serves
  // them without a read() call each (bench: about 55 µs off a 50-activity member's read).
  sqlite.pragma('mmap_size = 268435456');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  if (!options.checkpoints || !isFilePath(path)) return { sqlite, db, close: () => sqlite.close() };
  const checkpoints = startBackgroundCheckpoints(path, options.checkpoints);
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  return {
    sqlite,
    db,
    checkpoints,
    close() {
      void checkpoints.stop();
      sqlite.close();
    },
  };
}
