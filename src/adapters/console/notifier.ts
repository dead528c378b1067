/**
 * Console "delivery": reminders and digests print as plain text under a one-line header, with a
 * blank line after, like every reply. On a terminal they appear at once, above the prompt. Piped,
 * they are held until the input has ended and follow the last reply, so every reply keeps its
 * place in the output (scripts read replies by position).
 */
import type { DeliveryResult, MessageKind, Notifier, OutboxMessage } from '../../core/index.js';
import { renderText } from '../../core/index.js';

export interface ConsoleNotifier extends Notifier {
  /** Keeps what is delivered from now on, unprinted, until `release`. */
  hold(): void;
  /** Prints what was held; from now on prints at once. */
  release(): void;
  /** Prints through `print` (a terminal session redraws its prompt around it); none = plain output. */
  printVia(print?: (text: string) => void): void;
}

const WORD: Record<MessageKind, string> = { nudge: 'reminder', pace: 'reminder', renewal: 'reminder', digest: 'digest' };

/** A terminal takes whatever it is given; the limits only keep a flood of reminders readable. */
export const CONSOLE_LIMITS: Notifier['limits'] = {
  global: { count: 50, perMs: 1000 },
  perTarget: { count: 50, perMs: 1000 },
};

export function createConsoleNotifier(options: { output?: NodeJS.WritableStream } = {}): ConsoleNotifier {
  const output = options.output ?? process.stdout;
  const plain = (text: string): void => {
    output.write(text);
  };
  let print: (text: string) => void = plain;
  let held: string[] | undefined;
  return {
    platform: 'console',
    limits: CONSOLE_LIMITS,
    async send(message: OutboxMessage): Promise<DeliveryResult> {
      const text = formatNotice(message);
      if (held) held.push(text);
      else print(text);
      return { ok: true };
    },
    hold() {
      held ??= [];
    },
    release() {
      const texts = held ?? [];
      held = undefined;
      for (const text of texts) print(text);
    },
    printVia(next) {
      print = next ?? plain;
    },
  };
}

function formatNotice(message: OutboxMessage): string {
  const target = message.target.kind === 'direct' ? message.target.userId : `#${message.target.channelId.replace(/^#/, '')}`;
  return `── ${WORD[message.kind]} for ${target} ──\n${renderText(message.reply)}\n\n`;
}
