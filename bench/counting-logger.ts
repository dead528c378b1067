import type { Logger } from '../src/core/index.js';

/** Discards every line, but counts warnings and errors: a quiet adapter under load is part of the result. */
export function countingLogger(counts: { warn: number; error: number; lastError?: string }): Logger {
  const none = () => undefined;
  return {
    debug: none,
    info: none,
    warn: () => { counts.warn++; },
    error: (obj, msg) => { counts.error++; counts.lastError = `${msg ?? ''} ${JSON.stringify(obj)}`.slice(0, 300); },
    // As pino at the production level (info) would say for debug: adapters skip building those lines.
    isLevelEnabled: (level) => level !== 'debug',
  };
}
