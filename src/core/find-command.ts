import type { CommandDeclaration } from './command.js';

export function findCommand(commands: readonly CommandDeclaration[], word: string): CommandDeclaration | undefined {
  const name = word.toLowerCase();
  return commands.find((c) => c.name === name || c.aliases?.includes(name));
}

/** The closest command name to a typo (edit distance at most 2), for "did you mean". */
export function suggestCommand(commands: readonly CommandDeclaration[], word: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of commands.flatMap((c) => [c.name, ...(c.aliases ?? [])])) {
    const distance = editDistance(word.toLowerCase(), name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best && findCommand(commands, best.name)?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
