import pino from 'pino';
import type { Logger } from './core/ports.js';

/** Logs go to stderr so the console's stdout stays the conversation. Token fields are redacted. */
export function createLogger(level = 'info'): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'botToken', '*.botToken', 'signingSecret', '*.signingSecret', 'appToken', '*.appToken', 'headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}
