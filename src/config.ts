/**
 * The only reader of process.env. One zod schema; a half-configured platform is a start-up error
 * that names the missing variables. Secrets are kept here and never logged.
 */
import os from 'node:os';
import { z } from 'zod';

const DURATION = /^(\d+)(ms|s|m|h)$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

const nowField = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    // A date alone means 12:00 UTC that day (DESIGN.md), so "today" is the same date in most zones.
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value;
    if (!ISO_INSTANT.test(iso) || !isCalendarDate(iso.slice(0, 10))) {
      ctx.addIssue({ code: 'custom', message: `CEU_NOW must be an ISO date or date-time such as 2026-11-24 or 2026-11-24T09:00:00Z; got "${value}"` });
      return z.NEVER;
    }
    return new Date(iso);
  });

/** Date() rolls 2026-02-30 over to March 2; a real date reads back the same. */
function isCalendarDate(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const MAX_SWEEP_INTERVAL_MS = 3_600_000;

const durationField = z.string().default('5m').transform((value, ctx) => {
  const match = DURATION.exec(value.trim());
  if (!match || Number(match[1]) === 0) {
    ctx.addIssue({ code: 'custom', message: `CEU_SWEEP_INTERVAL must look like 30s, 5m or 1h; got "${value}"` });
    return z.NEVER;
  }
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  // A member's reminders may be confined to an hour a day (src/core/nudges/local-time.ts): a longer
  // interval could step over it every day.
  if (ms > MAX_SWEEP_INTERVAL_MS) {
    ctx.addIssue({ code: 'custom', message: `CEU_SWEEP_INTERVAL can be at most 1h (reminders may have an hour a day to arrive in); got "${value}"` });
    return z.NEVER;
  }
  return ms;
});

const optionalText = z.string().trim().min(1).optional().catch(undefined);

const envSchema = z.object({
  CEU_DB: z.string().trim().min(1).default('./data/ceu.sqlite'),
  CEU_NOW: nowField,
  CEU_SWEEP_INTERVAL: durationField,
  CEU_USER: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url().optional(),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_API_URL: z.url().optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{5,25}$/, { error: 'DISCORD_GUILD_ID must be a server id (digits)' }).optional(),
});

export interface Config {
  dbPath: string;
  startAt?: Date;
  sweepIntervalMs: number;
  consoleUser: string;
  logLevel?: string;
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string; port: number };
  discord?: { token: string; applicationId: string; apiUrl?: string; guildId?: string };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const e = parsed.data;
  const missing: string[] = [];
  const slackAny = e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN;
  if (slackAny && !e.SLACK_BOT_TOKEN) missing.push('SLACK_BOT_TOKEN');
  if (slackAny && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) missing.push('SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)');
  if ((e.DISCORD_TOKEN || e.DISCORD_APPLICATION_ID) && !e.DISCORD_TOKEN) missing.push('DISCORD_TOKEN');
  if ((e.DISCORD_TOKEN || e.DISCORD_APPLICATION_ID) && !e.DISCORD_APPLICATION_ID) missing.push('DISCORD_APPLICATION_ID');
  if (missing.length > 0) throw new ConfigError(`A platform is half-configured; also set: ${missing.join(', ')}`);
  return {
    dbPath: e.CEU_DB,
    ...(e.CEU_NOW ? { startAt: e.CEU_NOW } : {}),
    sweepIntervalMs: e.CEU_SWEEP_INTERVAL,
    consoleUser: e.CEU_USER ?? safeUserName(),
    ...(e.LOG_LEVEL ? { logLevel: e.LOG_LEVEL } : {}),
    ...(e.SLACK_BOT_TOKEN
      ? { slack: { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL, port: e.PORT } }
      : {}),
    ...(e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
      ? { discord: { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, apiUrl: e.DISCORD_API_URL, guildId: e.DISCORD_GUILD_ID } }
      : {}),
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username || 'me';
  } catch {
    return 'me'; // some containers run as a uid with no passwd entry
  }
}
