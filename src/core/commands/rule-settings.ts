/** The unverified figures of the rule packs, shown as such, and an admin's override of them. */
import type { CommandContext } from '../command.js';
import { errorReply, problem, reply, type Reply } from '../reply.js';
import { RULE_SETTINGS } from '../rules/index.js';

export function ruleSettingsReply(ctx: CommandContext): Reply {
  const items = RULE_SETTINGS.map((s) => {
    const value = ctx.overrides[s.key] ?? s.default;
    const origin = s.key in ctx.overrides ? 'set by an admin' : `default, ${s.status === 'U' ? 'unverified' : 'verified'}`;
    return `${s.key} = ${String(value)} (${origin}): ${s.label}`;
  });
  return reply([
    { kind: 'heading', text: 'Rule figures you can adjust' },
    { kind: 'list', items },
    { kind: 'paragraph', text: 'Admins change one with `settings rule <key> <value>` and restore it with `settings rule <key> default`.' },
  ]);
}

export function setRuleSetting(ctx: CommandContext, key: string, text: string): Reply {
  const setting = RULE_SETTINGS.find((s) => s.key.toLowerCase() === key.toLowerCase());
  const usage = 'settings rule <key> <value|default>';
  if (!setting) {
    return errorReply([problem('unknown-rule-setting', `“${key}” is not a rule figure. \`settings rules\` lists them.`)], usage);
  }
  let value: number | boolean | null;
  if (text.toLowerCase() === 'default') value = null;
  else if (typeof setting.default === 'boolean') value = /^(true|yes|on)$/i.test(text) ? true : /^(false|no|off)$/i.test(text) ? false : NaN;
  else value = /^\d+(\.\d{1,2})?$/.test(text) ? Number(text) : NaN;
  if (typeof value === 'number' && (Number.isNaN(value) || value < 0 || value > 1000)) {
    const kind = typeof setting.default === 'boolean' ? 'true or false' : 'a number from 0 to 1000';
    return errorReply([problem('invalid-rule-value', `${setting.key} takes ${kind}, or \`default\`.`)], usage);
  }
  ctx.store.setRuleOverride(ctx.member, setting.key, value, ctx.now.toISOString());
  const shown = value === null ? `back to its default, ${String(setting.default)}` : `now ${String(value)} for everyone in this workspace`;
  return reply([{ kind: 'paragraph', text: `${setting.key} is ${shown}.` }], 'success');
}
