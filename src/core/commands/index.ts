import type { CommandDeclaration } from '../command.js';
import { adminCommand } from './admin.js';
import { credentialCommand } from './credential.js';
import { deleteCommand } from './delete.js';
import { digestCommand } from './digest.js';
import { editCommand } from './edit.js';
import { helpCommand } from './help.js';
import { historyCommand } from './history.js';
import { logCommand } from './log.js';
import { needCommand } from './need.js';
import { pauseCommand } from './pause.js';
import { settingsCommand } from './settings.js';
import { snoozeCommand } from './snooze.js';
import { statusCommand } from './status.js';
import { teamCommand } from './team.js';
import { undoCommand } from './undo.js';

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandDeclaration[] = [
  logCommand, statusCommand, needCommand, historyCommand, undoCommand, deleteCommand, editCommand,
  credentialCommand, settingsCommand, pauseCommand, snoozeCommand, teamCommand, digestCommand, adminCommand, helpCommand,
];
