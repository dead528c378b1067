import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions } from '../command.js';
import type { MemberSettings } from '../ports.js';
import { errorReply, problem, reply } from '../reply.js';
import { ruleSettingsReply, setRuleSetting } from './rule-settings.js';
import { ladderField, onOffField, quietField, tzField } from './settings-fields.js';
import { DEFAULT_LADDER } from '../nudges/plan-member.js';

const USAGE = 'settings [tz <IANA zone>] [nudges on|off] [quiet <HH:MM-HH:MM>|off] [named on|off] | settings ladder <days…>|default | settings rules | settings rule <key> <value|default>';

/** The words that name a personal setting, and the option each sets. */
const SETTING_KEYS: Record<string, 'tz' | 'nudges' | 'quiet' | 'named'> = {
  tz: 'tz', timezone: 'tz', zone: 'tz', nudges: 'nudges', reminders: 'nudges', quiet: 'quiet', named: 'named', 'digest-name': 'named',
};
const MULTI_WORD = new Set(['tz', 'quiet']);

/** "21:00 - 07:00" and "21:00 to 07:00" are the range "21:00-07:00". */
function joinQuietHours(words: string[]): string {
  return words.join(' ').replace(/\s*(?:-|\bto\b)\s*/gi, '-');
}

interface SettingsForms {
  tz?: unknown; nudges?: unknown; quiet?: unknown; named?: unknown; ladder?: unknown; rules?: boolean; rule?: unknown; value?: unknown;
}

/**
 * Which of the four forms a request asks for. Typed options (Discord) can fill several at once, and
 * `run` serves one: the others would be dropped while the reply said "saved".
 */
function formsAsked(options: SettingsForms): string[] {
  const personal = [options.tz, options.nudges, options.quiet, options.named].some((v) => v !== undefined);
  return [
    ...(personal ? ['your own settings'] : []),
    ...(options.ladder !== undefined ? ['the ladder'] : []),
    ...(options.rules === true ? ['the rules list'] : []),
    ...(options.rule !== undefined || options.value !== undefined ? ['a rule figure'] : []),
  ];
}
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
    for (let i = 0; i < words.length; i++) {
      const option = SETTING_KEYS[words[i]!.toLowerCase()];
      if (!option) {
        extra.push(words[i]!);
        continue;
      }
      // A city ("new york") and quiet hours ("21:00 - 07:00") may take several words: up to the next setting.
      const value: string[] = [];
      while (i + 1 < words.length && !SETTING_KEYS[words[i + 1]!.toLowerCase()] && (value.length === 0 || MULTI_WORD.has(option))) value.push(words[++i]!);
      raw[option] = option === 'quiet' ? joinQuietHours(value) : value.join(' ');
    }
    if (extra.length) raw.unexpected = extra.join(' ');
    return raw;
  },
  schema: () =>
    z.object({
      tz: tzField.optional(),
      nudges: onOffField('nudges').optional(),
      quiet: quietField.optional(),
      named: onOffField('named').optional(),
      ladder: ladderField.optional(),
      rules: z.boolean().optional(),
      rule: z.string().optional(),
      value: z.string().optional(),
      unexpected: z
        .string()
        .optional()
        .refine((v) => v === undefined, { message: 'Settings are tz, nudges, quiet and named (e.g. `settings tz America/Chicago`), or `settings ladder` and `settings rules`.', params: { code: 'unknown-setting' } }),
    }).superRefine((options, ctx) => {
      const forms = formsAsked(options);
      if (forms.length > 1) {
        ctx.addIssue({ code: 'custom', message: `Change one thing at a time: you asked for ${forms.join(' and ')}. Send them separately, e.g. \`settings tz America/Chicago\`, then \`settings ladder 90 30 7\`.`, params: { code: 'mixed-settings' } });
      }
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
      // A pause that has ended stays stored (nothing clears it): shown, it would read as still on.
      { label: 'Paused until', value: member.pausedUntil && member.pausedUntil > ctx.today ? member.pausedUntil : 'not paused' },
      { label: 'Named in the team digest', value: member.digestNamed ? 'yes' : 'no (counted only)' },
      { label: 'Reminder days (workspace)', value: `${(ctx.store.getWorkspaceSettings(ctx.member.workspaceId).ladder ?? DEFAULT_LADDER).join(', ')} before each submit-by date` },
    ],
  };
}
