import type { CommandDeclaration } from '../../core/index.js';

/** Tab completion from the command declarations: command names, then option choices (also after `@name`). */
export function createCompleter(commands: readonly CommandDeclaration[]) {
  const names = commands.map((c) => c.name);
  return (line: string): [string[], string] => {
    const words = line.replace(/^@\S+\s+/, '').replace(/^\/?ceu\s+/, '').split(/\s+/);
    const last = words[words.length - 1] ?? '';
    if (words.length <= 1) return [names.filter((n) => n.startsWith(last)), last];
    const command = commands.find((c) => c.name === words[0]);
    const choices = command?.options.flatMap((o) => o.choices ?? []) ?? [];
    return [choices.filter((c) => c.startsWith(last)), last];
  };
}
