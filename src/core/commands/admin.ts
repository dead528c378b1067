import { z } from 'zod';
import { defineCommand, type RawOptions } from '../command.js';
import { errorReply, problem, reply } from '../reply.js';
import { readUserRef } from '../text/read-user-ref.js';
import type { Platform } from '../ports.js';

const USAGE = 'admin add <@user> | admin remove <@user> | admin list';
const ACTIONS = ['add', 'remove', 'list'] as const;
const PLAIN_NAME = /^@?[\p{L}\p{N}_.-]+$/u;
// What the console calls the bot (`@ceu-bot status` addresses it there, src/adapters/console).
const CONSOLE_BOT_NAME = 'ceu-bot';

export const adminCommand = defineCommand({
  name: 'admin',
  aliases: ['admins'],
  mutates: true,
  summary: 'Name or remove the members who may use admin commands (workspace admins always may).',
  usage: USAGE,
  examples: ['admin add @dana', 'admin remove @dana', 'admin list'],
  adminOnly: true,
  options: [
    { name: 'action', type: 'string', description: 'add, remove or list', required: true, choices: ACTIONS },
    { name: 'user', type: 'user', description: 'The member' },
  ],
  parseText(tokens) {
    const raw: RawOptions = { action: tokens[0]?.text.toLowerCase() ?? 'list' };
    if (tokens[1]) raw.user = tokens[1].text;
    if (tokens.length > 2) raw.unexpected = tokens.slice(2).map((t) => t.text).join(' ');
    return raw;
  },
  schema: (ctx) =>
    z
      .object({
        action: z.enum(ACTIONS, { error: 'Say add, remove or list, e.g. `admin add @dana`.' }),
        user: z
          .string()
          .transform((word, zctx) => {
            const ref = readUserRef(word, ctx.platform === 'console');
            if (ref === undefined) {
              zctx.addIssue({ code: 'custom', message: `“${word}” is not a member; mention them, e.g. \`admin add @dana\`.`, params: { code: 'invalid-user' } });
              return z.NEVER;
            }
            // A platform mention or user option carries a real user's id; a plain name (the console) is
            // only typed, and names a member however it is capitalised (the console lowercases the id).
            const typedName = ctx.platform === 'console' && PLAIN_NAME.test(word.trim());
            const userId = typedName ? ref.toLowerCase() : ref;
            if (typedName && userId === CONSOLE_BOT_NAME) {
              zctx.addIssue({ code: 'custom', message: `${word.trim()} is me, the bot, not a member: name a person, e.g. \`admin add @dana\`.`, params: { code: 'names-the-bot' } });
              return z.NEVER;
            }
            return { userId, asTyped: ref, word, fromPlatform: !typedName };
          })
          .optional(),
        unexpected: z.string().optional().refine((v) => v === undefined, { message: 'Name one member at a time.', params: { code: 'unexpected-words' } }),
      })
      .superRefine((v, ctx) => {
        if (v.action !== 'list' && v.user === undefined) ctx.addIssue({ code: 'custom', message: 'Say who, e.g. `admin add @dana`.', params: { code: 'missing-user' } });
      }),
  run(ctx, { action, user }) {
    if (action === 'list') {
      const named = ctx.store.listNamedAdmins(ctx.member.workspaceId).map((m) => nameOf(ctx.actor.platform, m));
      return reply([
        { kind: 'heading', text: 'Admins' },
        { kind: 'paragraph', text: named.length ? `Named by an admin: ${named.join(', ')}.` : 'Nobody has been named yet.' },
        { kind: 'paragraph', text: 'Workspace owners and admins are always admins here.' },
      ]);
    }
    // A workspace admin naming themselves: "is now an admin" would be news that is not.
    // A typed console name is lowercase; the console user's own id is CEU_USER as set.
    const self = ctx.actor.platform === 'console' ? ctx.actor.userId.toLowerCase() : ctx.actor.userId;
    if (action === 'add' && user!.userId === self && ctx.actor.isAdmin) {
      return reply([{ kind: 'paragraph', text: 'You are already an admin here: workspace owners and admins always are.' }]);
    }
    // A member an older console stored under the name as typed (`Bob`) keeps that id.
    const asTyped = { platform: ctx.actor.platform, tenantId: ctx.actor.tenantId, userId: user!.asTyped };
    const storedAsTyped = user!.fromPlatform || user!.asTyped === user!.userId ? undefined : ctx.store.findMember(asTyped);
    const target = storedAsTyped ? asTyped : { ...asTyped, userId: user!.userId };
    const known = storedAsTyped ?? ctx.store.findMember(target);
    const shown = user!.word.trim();
    if (known === undefined && (action === 'remove' || !user!.fromPlatform)) {
      const why = action === 'remove' ? ', so is not a named admin' : '; once they have, `admin add` can name them';
      return errorReply([problem('unknown-member', `${shown} has not used ceu-bot here yet${why}.`)], USAGE);
    }
    if (known !== undefined && action === 'remove' && !known.namedAdmin) {
      const name = nameOf(ctx.actor.platform, known);
      return errorReply([problem('not-named-admin', `${name} is not a named admin (\`admin list\` shows who is); workspace owners and admins stay admins whatever this list says.`)], USAGE);
    }
    // Said again: nothing to change.
    if (action === 'add' && known?.namedAdmin) return reply([{ kind: 'paragraph', text: `${nameOf(ctx.actor.platform, known)} is already a named admin (\`admin list\` shows who is).` }]);
    const member = ctx.store.setNamedAdmin(target, action === 'add', ctx.member, ctx.now.toISOString());
    const name = nameOf(ctx.actor.platform, member);
    return reply([{ kind: 'paragraph', text: action === 'add' ? `${name} is now an admin of this workspace.` : `${name} is no longer a named admin.` }], 'success');
  },
});

/** Someone who never used ceu-bot has no name yet: a mention lets the platform show theirs, not a raw id. */
function nameOf(platform: Platform, member: { displayName?: string | null; userId: string }): string {
  return member.displayName ?? (platform === 'console' ? member.userId : `<@${member.userId}>`);
}
