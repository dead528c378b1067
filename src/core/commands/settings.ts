import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions } from '../command.js';
import type { MemberSettings } from '../ports.js';
import { errorReply, problem, reply } from '../reply.js';
import { booleanField } from './activity-fields.js';
import { ruleSettingsReply, setRuleSetting } from './rule-settings.js';
import { DEFAULT_LADDER } from '../nudges/plan-member.js';

const USAGE = 'settings [tz <IANA zone>] [nudges on|off] [quiet <HH:MM-HH:MM>|off] [named on|off] | settings ladder <days…>|default | settings rules | settings rule <key> <value|default>';
const MAX_LADDER_STEPS = 12;
const MAX_LADDER_DAYS = 365;
const QUIET = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/** US abbreviations members type, and the zone they mean: EST and MST alone never change for daylight saving. */
const ZONE_ABBREVIATIONS: Record<string, string> = {
  est: 'America/New_York', edt: 'America/New_York', cst: 'America/Chicago', cdt: 'America/Chicago',
  mst: 'America/Denver', mdt: 'America/Denver', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles',
  akst: 'America/Anchorage', akdt: 'America/Anchorage', hst: 'Pacific/Honolulu',
};

/**
 * A zone by its IANA name, with IANA's capitals ("europe/london" is Europe/London) but not ICU's
 * older names (it would turn Asia/Kathmandu into Asia/Katmandu).
 */
const tzField = z.string().transform((zone, ctx) => {
  const meant = ZONE_ABBREVIATIONS[zone.toLowerCase()];
  if (meant) {
    ctx.addIssue({ code: 'custom', message: `“${zone}” is an abbreviation, and some never change for daylight saving; type the zone's name, e.g. \`settings tz ${meant}\`.`, params: { code: 'abbreviated-time-zone' } });
    return z.NEVER;
  }
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  if (canonical === 'UTC') return canonical; // also GMT, UTC in any case
  // A name without a region ("EST5EDT", "CET") is a legacy alias that may not say where the member is.
  if (canonical === undefined || !zone.includes('/')) {
    ctx.addIssue({ code: 'custom', message: `“${zone}” is not a time zone I can use. Use an IANA name such as America/Chicago or Europe/London.`, params: { code: 'unknown-time-zone' } });
    return z.NEVER;
  }
  return canonical.toLowerCase() === zone.toLowerCase() ? canonical : zone;
});

const quietField = z.string().transform((value, ctx) => {
  if (value.toLowerCase() === 'off') return null;
  if (QUIET.test(value)) return value;
  ctx.addIssue({ code: 'custom', message: `Quiet hours look like 21:00-07:00 (24-hour clock), or \`off\`; “${value}” is not that.`, params: { code: 'invalid-quiet-hours' } });
  return z.NEVER;
});

/** "120 90 60" or "120,90,60" → distinct whole days, largest first; `default` → null. */
const ladderField = z.string().transform((text, ctx) => {
  if (text.trim().toLowerCase() === 'default') return null;
  const words = text.split(/[\s,]+/).filter(Boolean);
  const days = words.map(Number);
  const fail = (message: string) => (ctx.addIssue({ code: 'custom', message, params: { code: 'invalid-ladder' } }), z.NEVER);
  if (words.length === 0) return fail(`Give the days before the submit-by date, e.g. \`settings ladder ${DEFAULT_LADDER.join(' ')}\`, or \`settings ladder default\`.`);
  const bad = words.find((w, i) => !Number.isInteger(days[i]) || days[i]! < 1 || days[i]! > MAX_LADDER_DAYS);
  if (bad !== undefined) return fail(`“${bad}” is not a number of days from 1 to ${MAX_LADDER_DAYS}.`);
  const distinct = [...new Set(days)].sort((a, b) => b - a);
  if (distinct.length > MAX_LADDER_STEPS) return fail(`At most ${MAX_LADDER_STEPS} reminders per deadline; you gave ${distinct.length}.`);
  return distinct;
});

export const settingsCommand = defineCommand({
  name: 'settings',
  aliases: ['setting', 'prefs'],
  mutates: true,
  summary: 'Your time zone, reminders, quiet hours and digest naming; admins also set the reminder days and rule figures.',
  usage: USAGE,
  examples: ['settings', 'settings tz America/Chicago', 'settings nudges off', 'settings quiet 21:00-07:00', 'settings named off', 'settings ladder 90 30 7', 'settings rules', 'settings rule ncma.hoursPerYear 12'],
  options: [
    { name: 'tz', type: 'string', description: 'IANA time zone, e.g. America/Chicago' },
    { name: 'nudges', type: 'boolean', description: 'Deadline reminders by DM' },
    { name: 'quiet', type: 'string', description: 'Quiet hours HH:MM-HH:MM, or off' },
    { name: 'named', type: 'boolean', description: 'Name you in the team digest (off: counted, not named)' },
    { name: 'ladder', type: 'string', description: 'Admins: reminder days before a deadline, e.g. 120 90 60 30 14 7 1, or default' },
    { name: 'rules', type: 'boolean', description: 'List the unverified rule figures' },
    { name: 'rule', type: 'string', description: 'Admins: a rule figure to change (see rules)' },
    { name: 'value', type: 'string', description: 'Admins: its new value, or default' },
  ],
  parseText(tokens) {
    const raw: RawOptions = {};
    const words = tokens.map((t) => t.text);
    if (words[0]?.toLowerCase() === 'rules') return { rules: true, ...(words.length > 1 ? { unexpected: words.slice(1).join(' ') } : {}) };
    if (words[0]?.toLowerCase() === 'rule') return { rule: words[1] ?? '', value: words.slice(2).join(' ') };
    if (words[0]?.toLowerCase() === 'ladder') return { ladder: words.slice(1).join(' ') };
    const extra: string[] = [];
    for (let i = 0; i < words.length; i += 2) {
      const key = words[i]!.toLowerCase();
      const value = words[i + 1] ?? '';
      if (key === 'tz' || key === 'timezone' || key === 'zone') raw.tz = value;
      else if (key === 'nudges' || key === 'reminders') raw.nudges = value;
      else if (key === 'quiet') raw.quiet = value;
      else if (key === 'named' || key === 'digest-name') raw.named = value;
      else extra.push(words[i]!);
    }
    if (extra.length) raw.unexpected = extra.join(' ');
    return raw;
  },
  schema: () =>
    z.object({
      tz: tzField.optional(),
      nudges: booleanField.optional(),
      quiet: quietField.optional(),
      named: booleanField.optional(),
      ladder: ladderField.optional(),
      rules: z.boolean().optional(),
      rule: z.string().optional(),
      value: z.string().optional(),
      unexpected: z
        .string()
        .optional()
        .refine((v) => v === undefined, { message: 'Settings are tz, nudges, quiet and named (e.g. `settings tz America/Chicago`), or `settings ladder` and `settings rules`.', params: { code: 'unknown-setting' } }),
    }),
  run(ctx, options) {
    if (options.rules) return ruleSettingsReply(ctx);
    if (options.rule !== undefined) {
      if (!ctx.isAdmin) return errorReply([problem('admin-only', 'Only an admin can change the rule figures; ask yours. `settings rules` shows them.')]);
      return setRuleSetting(ctx, options.rule, options.value ?? '');
    }
    if (options.ladder !== undefined) {
      if (!ctx.isAdmin) return errorReply([problem('admin-only', 'Only an admin can change the reminder days for everyone; `settings` shows them.')]);
      ctx.store.setNudgeLadder(ctx.member, options.ladder, ctx.now.toISOString());
      const days = options.ladder ?? DEFAULT_LADDER;
      return reply([{ kind: 'paragraph', text: `Reminders now go ${days.join(', ')} days before each submit-by date${options.ladder ? '' : ' (the default)'}, then at expiry and weekly through any grace period.` }], 'success');
    }
    const patch: Partial<MemberSettings> = {
      ...(options.tz !== undefined ? { tz: options.tz } : {}),
      ...(options.nudges !== undefined ? { nudges: options.nudges } : {}),
      ...(options.quiet !== undefined ? { quietHours: options.quiet } : {}),
      ...(options.named !== undefined ? { digestNamed: options.named } : {}),
    };
    const member = Object.keys(patch).length > 0 ? ctx.store.updateMemberSettings(ctx.member, patch, ctx.now.toISOString()) : ctx.member;
    return reply([{ kind: 'heading', text: Object.keys(patch).length ? 'Settings saved' : 'Your settings' }, settingsFields(member, ctx)], Object.keys(patch).length ? 'success' : 'info');
  },
});

function settingsFields(member: MemberSettings, ctx: CommandContext) {
  return {
    kind: 'fields' as const,
    fields: [
      { label: 'Time zone', value: member.tz ?? `not set (using ${ctx.tz})` },
      { label: 'Nudges', value: member.nudges ? 'on' : 'off' },
      { label: 'Quiet hours', value: member.quietHours ?? 'none' },
      { label: 'Paused until', value: member.pausedUntil ?? 'not paused' },
      { label: 'Named in the team digest', value: member.digestNamed ? 'yes' : 'no (counted only)' },
      { label: 'Reminder days (workspace)', value: `${(ctx.store.getWorkspaceSettings(ctx.member.workspaceId).ladder ?? DEFAULT_LADDER).join(', ')} before each submit-by date` },
    ],
  };
}
