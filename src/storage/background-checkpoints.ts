/**
 * WAL checkpoints on a thread of their own. A checkpoint copies the WAL's pages into the database
 * file and syncs both (synchronous = NORMAL syncs only there); run by the connection that wrote,
 * it lands inside whichever write crosses the autocheckpoint mark and holds the event loop for
 * that long: a few ms usually, over 100 ms when the disk is slow (seen in the sweep benchmark).
 *
 * Here a worker thread with its own connection runs a PASSIVE checkpoint (it never waits for, nor
 * blocks, the readers and the writer) every 20 ms while the WAL grows, backing off to 500 ms while
 * nothing is written. The WAL starts over only when a write begins with every frame copied, so
 * the worker must copy often: in the gaps of a sweep's pages and between requests. The writing
 * connection keeps its autocheckpoint at a high mark as a backstop: under writes with no gap the
 * WAL reaches it and that connection checkpoints once (tens of ms); if the worker stops, the WAL
 * stays bounded. Checkpoints are crash-safe wherever they run: until one completes, the WAL stays
 * authoritative. Measured (sweep benchmark, everyone due): page writes 30-40% cheaper than
 * checkpointing every 200 pages on the writing connection; polling every 100 ms instead of 20 let
 * the WAL reach the backstop and put 20-30 ms steps in the sweep.
 *
 * The worker is JavaScript evaluated from a string, not a module file, so it runs the same under
 * tsx, vitest and plain node; it loads the better-sqlite3 the main thread resolved, with import()
 * (the string runs as CommonJS or, under --input-type=module, as a module: import() works in both).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The writing connection's own checkpoint mark while the worker runs (pages; about 16 MB). */
export const BACKSTOP_PAGES = 4000;

export interface CheckpointOptions {
  /** How often the worker checkpoints while the WAL is growing (ms); default 20. */
  intervalMs?: number;
  /** At most this long between checkpoints while nothing is written (ms); default 500. */
  idleMs?: number;
  /** Called with a failure the worker met (it keeps trying), never with a secret. */
  onError?: (message: string) => void;
}

export interface BackgroundCheckpoints {
  /** Resolves once the worker has closed its connection (or failed to open it). */
  stop(): Promise<void>;
  /** Resolves after the worker has run one checkpoint from now: with the WAL pages it left, or -1 if it could not. */
  checkpointNow(): Promise<CheckpointResult>;
}

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are now in the database file. */
  walFrames: number;
  checkpointed: number;
}

const WORKER_SOURCE = `
(async () => {
const { parentPort, workerData } = await import('node:worker_threads');
const { default: Database } = await import(workerData.driver);
const { intervalMs, idleMs } = workerData;
let db;
let statement;
let lastError = '';
const checkpoint = () => {
  try {
    db ??= new Database(workerData.path, { fileMustExist: true });
    statement ??= db.prepare('pragma wal_checkpoint(PASSIVE)');
    const row = statement.get();
    lastError = '';
    return { walFrames: row.log, checkpointed: row.checkpointed };
  } catch (error) {
    // Once per distinct failure, not every tick.
    const message = String(error && error.message);
    if (message !== lastError) parentPort.postMessage({ type: 'error', message });
    lastError = message;
    return { walFrames: -1, checkpointed: -1 };
  }
};
// Often while there is something to copy, so the WAL is often fully copied between two writes (the
// next writer then starts it over); less often while nothing changes.
let delay = intervalMs;
let last = '';
let timer;
const tick = () => {
  const { walFrames, checkpointed } = checkpoint();
  const seen = walFrames + ':' + checkpointed;
  delay = seen === last ? Math.min(idleMs, delay * 2) : intervalMs;
  last = seen;
  timer = setTimeout(tick, delay);
};
timer = setTimeout(tick, intervalMs);
parentPort.on('message', (message) => {
  if (message.type === 'now') parentPort.postMessage({ type: 'done', id: message.id, result: checkpoint() });
  else if (message.type === 'stop') {
    clearTimeout(timer);
    try { db?.close(); } catch {}
    parentPort.close();
  }
});
})();
`;

const driver = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;

export function startBackgroundCheckpoints(path: string, options: CheckpointOptions = {}): BackgroundCheckpoints {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs: options.intervalMs ?? 20, idleMs: Math.max(options.idleMs ?? 500, options.intervalMs ?? 20) } });
  const waiting = new Map<number, (result: CheckpointResult) => void>();
  let nextId = 0;
  let stopped = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const failAll = () => {
    for (const resolve of waiting.values()) resolve({ walFrames: -1, checkpointed: -1 });
    waiting.clear();
  };
  worker.on('message', (message: { type: 'error'; message: string } | { type: 'done'; id: number; result: CheckpointResult }) => {
    if (message.type === 'error') options.onError?.(message.message);
    else {
      waiting.get(message.id)?.(message.result);
      waiting.delete(message.id);
      if (waiting.size === 0 && !stopped) worker.unref();
    }
  });
  worker.on('error', (error) => options.onError?.(error.message));
  // It must never keep the process alive, nor crash it. After the listeners: a 'message' listener
  // attached later refs the worker's port again.
  worker.unref();
  void exited.then(failAll);
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        // Held while it closes: a caller awaiting this must not see the process end under it.
        worker.ref();
        worker.postMessage({ type: 'stop' });
      }
      return exited;
    },
    checkpointNow() {
      if (stopped) return Promise.resolve({ walFrames: -1, checkpointed: -1 });
      const id = nextId++;
      // Held while an answer is awaited, like stop().
      worker.ref();
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ type: 'now', id });
      });
    },
  };
}
