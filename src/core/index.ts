export { createBot, type Bot, type BotDeps } from './create-bot.js';
export { COMMANDS } from './commands/index.js';
export type { CommandDeclaration, OptionDeclaration } from './command.js';
export { MAX_CHOICES, type Choice } from './complete-option.js';
export type * from './ports.js';
export type { Block, Button, Problem, Reply } from './reply.js';
export { renderText } from './render-text.js';
export { formatNumber } from './views/describe.js';
export type { Actor, CommandInput, CommandRequest } from './types.js';
