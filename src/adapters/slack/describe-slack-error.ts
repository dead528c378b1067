/**
 * A Web API failure as loggable facts: code, Slack's error string, Retry-After. Never the error
 * object itself, whose request details can carry the bot token.
 */
import { scrubTokens } from '../format.js';

export interface SlackErrorFacts {
  code?: string;
  error?: string;
  retryAfterSeconds?: number;
  message?: string;
}

export function describeSlackError(error: unknown): SlackErrorFacts {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
  return {
    ...(e.code ? { code: e.code } : {}),
    ...(e.data?.error ? { error: e.data.error } : {}),
    ...(e.retryAfter !== undefined ? { retryAfterSeconds: e.retryAfter } : {}),
    ...(e.message ? { message: scrubTokens(e.message) } : {}),
  };
}
