/**
 * The only reader of process.env. One zod schema; a half-configured platform is a start-up error
 * that names the missing variables. Secrets are kept here and never logged; an error never repeats
 * a value, for a secret pasted into the wrong variable would be shown.
 */
import os from 'node:os';
import { z } from 'zod';
import { editDistance } from './core/text/edit-distance.js';

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
      ctx.addIssue({ code: 'custom', message: 'CEU_NOW must be a date such as 2026-11-24 (meaning 12:00 UTC) or a date-time with Z or an offset such as 2026-11-24T09:00:00Z' });
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
    ctx.addIssue({ code: 'custom', message: 'CEU_SWEEP_INTERVAL must be a whole number of seconds, minutes or hours such as 30s, 5m or 1h' });
    return z.NEVER;
  }
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  // A member's reminders may be confined to an hour a day (src/core/nudges/local-time.ts): a longer
  // interval could step over it every day.
  if (ms > MAX_SWEEP_INTERVAL_MS) {
    ctx.addIssue({ code: 'custom', message: 'CEU_SWEEP_INTERVAL can be at most 1h (reminders may have an hour a day to arrive in)' });
    return z.NEVER;
  }
  return ms;
});

const optionalText = z.string().trim().min(1).optional().catch(undefined);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const portField = z.string().default('3000').transform((value, ctx) => {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535) {
    ctx.addIssue({ code: 'custom', message: 'PORT must be a port number from 0 to 65535, such as 3000' });
    return z.NEVER;
  }
  return port;
});

const urlField = (name: string, example: string) => z.url({ error: `${name} must be a URL such as ${example}` }).optional();

const envSchema = z.object({
  CEU_DB: z.string().trim().default('./data/ceu.sqlite'),
  CEU_NOW: nowField,
  CEU_SWEEP_INTERVAL: durationField,
  CEU_USER: optionalText,
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  PORT: portField,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: urlField('SLACK_API_URL', 'https://slack.com/api/'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_API_URL: urlField('DISCORD_API_URL', 'https://discord.com/api'),
  DISCORD_GUILD_ID: z.string().regex(/^\d{5,25}$/, { error: 'DISCORD_GUILD_ID must be a server id (digits)' }).optional(),
});

const KNOWN_NAMES = Object.keys(envSchema.shape);

/** Variables Kubernetes (service links) and Docker (--link) add for a service named `ceu…`: not ours. */
const PLATFORM_LINK = /_(?:SERVICE_HOST|SERVICE_PORT(?:_\w+)?|PORT(?:_\d+_(?:TCP|UDP)(?:_\w+)?)?|NAME|ENV_\w+)$/;
/** Names other Slack tools use for a token: which of ours it belongs in is not a spelling question. */
const OTHER_TOOLS: Record<string, string> = {
  SLACK_API_TOKEN: 'ceu-bot reads the bot token (xoxb-…) from SLACK_BOT_TOKEN and, for Socket Mode, an app-level token (xapp-…) from SLACK_APP_TOKEN',
};

/**
 * Names that look meant for ceu-bot but are not what it reads. An unknown `CEU_…` name stops
 * start-up (`problems`); a near miss of another of ours (`SLACK_BOT_TOKN`) is a warning, printed
 * before start-up goes on: it would otherwise leave the console running where Slack or Discord was
 * meant, but the same name may be another program's, exported for it. HOST, LOGLEVEL,
 * SLACK_WEBHOOK_URL and the variables Kubernetes and Docker add for a `ceu` service pass.
 */
function misspeltNames(env: Record<string, string>): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const name of Object.keys(env)) {
    if (KNOWN_NAMES.includes(name)) continue;
    const upper = name.toUpperCase();
    const ours = upper.startsWith('CEU_');
    if (ours && PLATFORM_LINK.test(upper)) continue;
    if (OTHER_TOOLS[upper]) {
      warnings.push(`${name} is not a variable ceu-bot reads: ${OTHER_TOOLS[upper]}`);
      continue;
    }
    const meant = KNOWN_NAMES.find((known) =>
      known !== 'LOG_LEVEL' && (ours || known.length >= 8) && editDistance(upper, known) <= (ours || known.length >= 10 ? 2 : 1));
    if (ours) problems.push(`${name} is not a variable ceu-bot reads: ${meant ? `did you mean ${meant}?` : `it reads ${KNOWN_NAMES.filter((k) => k.startsWith('CEU_')).join(', ')}`}`);
    else if (meant) warnings.push(`${name} is not a variable ceu-bot reads, so it is ignored: did you mean ${meant}?`);
  }
  return { problems, warnings };
}

export interface Config {
  dbPath: string;
  /** Names that look like ours but are not read (`SLACK_BOT_TOKN`): printed, then start-up goes on. */
  warnings: string[];
  startAt?: Date;
  sweepIntervalMs: number;
  consoleUser: string;
  logLevel?: string;
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string; port: number };
  discord?: { token: string; applicationId: string; apiUrl?: string; guildId?: string };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value is unset, as a line `PORT=` in an env file means (and not port 0).
  const given = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== ''));
  const parsed = envSchema.safeParse(given);
  const names = misspeltNames(given);
  const problems = [
    ...names.problems,
    ...(parsed.success ? [] : parsed.error.issues.map((i) => (i.message.startsWith(String(i.path[0])) ? i.message : `${i.path.join('.')}: ${i.message}`))),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems.join('\n'));
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
    warnings: names.warnings,
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
