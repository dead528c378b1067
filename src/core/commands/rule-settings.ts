/** The unverified figures of the rule packs, shown as such, and an admin's override of them. */
import type { CommandContext } from '../command.js';
import { errorReply, problem, reply, type Reply } from '../reply.js';
import { MAX_FIGURE, RULE_SETTINGS, validateRuleOverrides } from '../rules/index.js';

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
  const value = text.toLowerCase() === 'default' ? null : readValue(text);
  if (value !== null && (value === undefined || !validateRuleOverrides({ [setting.key]: value }).ok)) {
    const kind = typeof setting.default === 'boolean' ? 'true or false' : `a number above 0 and at most ${MAX_FIGURE}`;
    return errorReply([problem('invalid-rule-value', `${setting.key} takes ${kind}, or \`default\`.`)], usage);
  }
  ctx.store.setRuleOverride(ctx.member, setting.key, value, ctx.now.toISOString());
  const shown = value === null ? `back to its default, ${String(setting.default)}` : `now ${String(value)} for everyone in this workspace`;
  return reply([{ kind: 'paragraph', text: `${setting.key} is ${shown}.` }], 'success');
}

function readValue(text: string): number | boolean | undefined {
  if (/^(true|yes|on)$/i.test(text)) return true;
  if (/^(false|no|off)$/i.test(text)) return false;
  return /^\d+(\.\d{1,2})?$/.test(text) ? Number(text) : undefined;
}
