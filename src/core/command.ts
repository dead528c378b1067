/**
 * A command is declared once: name, help, typed options, the grammar of its text form, one zod
 * schema and its behaviour. Help, console completion and the platforms' manifests derive from it.
 */
import type { z } from 'zod';
import type { Logger, Member, Store } from './ports.js';
import type { Reply } from './reply.js';
import type { Token } from './text/tokenize.js';
import type { Actor } from './types.js';

export interface OptionDeclaration {
  name: string;
  /** 'attachment': a file the platform hosts (structured input only; text has no way to attach one). */
  type: 'string' | 'number' | 'boolean' | 'date' | 'integer' | 'attachment' | 'user' | 'channel';
  description: string;
  required?: boolean;
  choices?: readonly string[];
  min?: number;
  max?: number;
  /** The most characters a string option's schema accepts: a platform can stop a longer one as it is typed. */
  maxLength?: number;
  /** Lists too long for fixed choices; an adapter may offer autocomplete. */
  autocomplete?: 'providers' | 'activities' | 'credentials';
}

export interface CommandContext {
  actor: Actor;
  member: Member;
  /** A platform admin, or a member an admin named (`admin add`). */
  isAdmin: boolean;
  store: Store;
  now: Date;
  /** Today's calendar date (YYYY-MM-DD) in the member's time zone. */
  today: string;
  tz: string;
  overrides: Record<string, number | boolean>;
  commands: readonly CommandDeclaration[];
  /** For what a command survives but someone should hear about (a cache that could not be saved). */
  logger?: Logger;
}

/** What validation may depend on: the member's calendar (it runs before anything is stored). */
export type SchemaContext = Pick<CommandContext, 'today'> & { platform: Actor['platform'] };

/** Raw options from either input kind; the schema is the only judge of them. */
export type RawOptions = Record<string, unknown>;

export interface CommandDeclaration<T = any> {
  name: string;
  aliases?: readonly string[];
  summary: string;
  usage: string;
  examples: readonly string[];
  adminOnly?: boolean;
  /** Changes stored data: a repeated platform request (retry, double click) must not run it twice. */
  mutates?: boolean;
  options: readonly OptionDeclaration[];
  /** Turns the words after the command name into raw options (no validation here). */
  parseText(tokens: Token[]): RawOptions;
  /** Validates and normalises raw options; may depend on the member's clock and zone. */
  schema(ctx: SchemaContext): z.ZodType<T>;
  run(ctx: CommandContext, options: T): Reply;
}

export function defineCommand<T>(declaration: CommandDeclaration<T>): CommandDeclaration<T> {
  return declaration;
}
