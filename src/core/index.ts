export { createBot, type Bot, type BotDeps } from './create-bot.js';
export { COMMANDS } from './commands/index.js';
// The log form reads what was typed with the fields `log` itself validates with (adapters/slack/log-modal.ts).
export { amountField, categoryField, dateField, MAX_TITLE_LENGTH, unitField } from './commands/activity-fields.js';
export type { CommandDeclaration, OptionDeclaration } from './command.js';
export { MAX_CHOICES, type Choice } from './complete-option.js';
export type * from './ports.js';
export type { Block, Button, Problem, Reply } from './reply.js';
export { renderText } from './render-text.js';
export { tokenize } from './text/tokenize.js';
export { formatNumber } from './views/describe.js';
export type { Actor, CommandInput, CommandRequest } from './types.js';
export * from './nudges/index.js';
