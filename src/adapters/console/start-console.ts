/**
 * The embedded default: a chat in the terminal. On a TTY, a prompt with history and completion;
 * piped, one command a line, each reply as plain text and a blank line, exit at end of input.
 */
import readline from 'node:readline';
import type { Bot, CommandRequest, Logger } from '../../core/index.js';
import { handleSafely } from '../handle-safely.js';
import { createCompleter } from './complete-line.js';
import { createConsoleNames } from './console-names.js';
import type { ConsoleNotifier } from './notifier.js';
import { renderReply } from './render-reply.js';
import { toCommandRequest } from './to-command-request.js';

export interface ConsoleOptions {
  bot: Bot;
  consoleUser: string;
  /** Member ids the console workspace already holds, as stored (console-names.ts). */
  knownUserIds?: readonly string[];
  logger: Logger;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where the scheduler's reminders print: at once on a terminal, after the last reply when piped. */
  notifier?: ConsoleNotifier;
}

/** Resolves when input ends (piped) or the user quits. */
export async function startConsole(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = Boolean(input.isTTY && output.isTTY);
  const rl = readline.createInterface({
    input, output, terminal: interactive, historySize: 500,
    ...(interactive ? { completer: createCompleter(options.bot.commands) } : {}),
  });
  let busy = false;
  const { notifier } = options;
  if (!interactive) notifier?.hold();
  // A reminder while the member types: clear the line, print it, and redraw the prompt with what was typed.
  else notifier?.printVia((text) => {
    output.write(busy ? text : `\r\u001b[K${text}`);
    if (!busy) rl.prompt(true);
  });
  if (interactive) {
    output.write(`ceu-bot console, as ${options.consoleUser}. Type \`help\`, or ask "what do I still need?". Ctrl-D to quit.\n`);
    rl.setPrompt('ceu> ');
    rl.prompt();
  }
  let quit = false;
  const names = createConsoleNames(options.consoleUser, options.knownUserIds);
  try {
    for await (const line of rl) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) {
        if (interactive) rl.prompt();
        continue;
      }
      if (/^(exit|quit)$/i.test(trimmed)) {
        quit = true;
        break;
      }
      busy = true;
      output.write(`${await answer(options, toCommandRequest(trimmed, options.consoleUser, names), interactive)}\n\n`);
      busy = false;
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
    // Ctrl-D or Ctrl-C leave the cursor after the prompt: end that line, or the shell's prompt joins it.
    if (interactive && !quit) output.write('\n');
    notifier?.printVia();
    notifier?.release();
  }
}

async function answer(options: ConsoleOptions, request: CommandRequest, colour: boolean): Promise<string> {
  return renderReply(await handleSafely(options.bot, options.logger, request), colour);
}
