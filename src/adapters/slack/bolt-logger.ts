import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/index.js';
import { scrubTokens } from '../format.js';

/** Bolt's (and the Web API client's) logger interface on our pino logger; token-shaped strings are blanked in case a message carries one. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  // Bolt logs a few debug lines per request: joined and scrubbed only when they would be written.
  const say = (method: 'debug' | 'info' | 'warn' | 'error') => (...msgs: unknown[]) => {
    if (logger.isLevelEnabled?.(method) === false) return;
    logger[method]({ source: 'bolt' }, scrubTokens(msgs.map(String).join(' ')));
  };
  return {
    debug: say('debug'), info: say('info'), warn: say('warn'), error: say('error'),
    setLevel: (next) => { level = next; },
    getLevel: () => level,
    setName: () => undefined,
  };
}
