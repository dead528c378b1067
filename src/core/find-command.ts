import type { CommandDeclaration } from './command.js';
import { editDistance } from './text/edit-distance.js';

export function findCommand(commands: readonly CommandDeclaration[], word: string): CommandDeclaration | undefined {
  return named(commands, word.toLowerCase()) ?? named(commands, word.toLowerCase().replace(TRAILING_PUNCTUATION, ''));
}

// "Status?", "need.", "help!": the command, asked or said; the symbol alias "?" is matched first.
const TRAILING_PUNCTUATION = /[.!?]+$/;

function named(commands: readonly CommandDeclaration[], name: string): CommandDeclaration | undefined {
  return name === '' ? undefined : commands.find((c) => c.name === name || c.aliases?.includes(name));
}

/**
 * The closest command name to a typo, for "did you mean". Short words get fewer slips: within 2 of
 * a 2- or 3-letter name, everyday words ("how" → log, "me" → rm, "did" → add) looked like typos.
 */
export function suggestCommand(commands: readonly CommandDeclaration[], word: string): string | undefined {
  const typed = word.toLowerCase();
  const allowed = typed.length <= 2 ? 0 : typed.length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of commands.flatMap((c) => [c.name, ...(c.aliases ?? [])])) {
    // Symbol aliases ("?") are not words anyone misspells.
    if (!/^[a-z]/.test(name)) continue;
    const distance = editDistance(typed, name);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best && findCommand(commands, best.name)?.name;
}
