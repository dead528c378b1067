import { z } from 'zod';
import { defineCommand, type CommandDeclaration } from '../command.js';
import { errorReply, problem, reply, type Block } from '../reply.js';
import { findCommand, suggestCommand } from '../find-command.js';

export const helpCommand = defineCommand({
  name: 'help',
  aliases: ['?', 'commands'],
  summary: 'Usage and examples for every command, or for one.',
  usage: 'help [command]',
  examples: ['help', 'help log'],
  options: [{ name: 'command', type: 'string', description: 'A command name, e.g. log' }],
  parseText: (tokens) => (tokens[0] ? { command: tokens[0].text } : {}),
  schema: () => z.object({ command: z.string().optional() }),
  run(ctx, { command }) {
    const visible = ctx.commands.filter((c) => !c.adminOnly || ctx.isAdmin);
    if (!command) return reply(overview(visible, ctx.store.listCredentials(ctx.member).length === 0));
    const found = findCommand(ctx.commands, command);
    if (!found) {
      const suggestion = suggestCommand(ctx.commands, command);
      return errorReply([problem('unknown-command', `There is no command “${command}”.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`)], 'help [command]');
    }
    return reply(detail(found));
  },
});

/**
 * Every command, and for a member who holds no credential yet the first step: nothing they log
 * counts toward anything until they add one.
 */
function overview(commands: readonly CommandDeclaration[], newcomer: boolean): Block[] {
  return [
    { kind: 'heading', text: 'ceu-bot keeps your continuing education on track' },
    ...(newcomer ? [{ kind: 'paragraph' as const, text: START_HERE }] : []),
    { kind: 'list', items: commands.map((c) => `${c.usage}: ${c.summary}`) },
    { kind: 'paragraph', text: 'You can also ask in plain words: "how am I doing?", "what do I still need?", "I did 2 hours of clinical training yesterday". `help <command>` shows examples.' },
  ];
}

const START_HERE = 'Start by adding each credential you hold, with the date on your card: `credential add CMA expires 2027-02-28`, or when you certified or last renewed: `credential add CCMA certified 2025-06-15`. Then log what you do: `log 2h clinical "Phlebotomy basics"`.';

function detail(command: CommandDeclaration): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', text: command.name },
    { kind: 'paragraph', text: command.summary },
    { kind: 'paragraph', text: `Usage: ${command.usage}` },
    { kind: 'list', items: command.examples.map((e) => `e.g. ${e}`) },
  ];
  if (command.aliases?.length) blocks.push({ kind: 'paragraph', text: `Also: ${command.aliases.join(', ')}` });
  return blocks;
}
