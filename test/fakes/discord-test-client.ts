import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { FakeDiscord } from './fake-discord.js';

export interface ConnectedDiscordClient {
  client: Client;
  /** Whatever the client emitted as `error` (a rejected async listener lands here). */
  errors: Error[];
  /** From login() to `clientReady`. */
  readyAfterMs: number;
}

/** The intents and partials ceu-bot runs with; MessageContent is privileged on a real bot. */
export const CEU_BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent];

/**
 * A real discord.js client logged in to the fake and past `clientReady`. `ready` is the deprecated
 * name of the same event in 14.28: listening to it prints a DeprecationWarning.
 */
export async function connectDiscordClient(fake: FakeDiscord, options: Partial<ClientOptions> = {}): Promise<ConnectedDiscordClient> {
  const client = new Client({ intents: CEU_BOT_INTENTS, partials: [Partials.Channel], ...options, rest: { api: fake.apiUrl, ...options.rest } });
  const errors: Error[] = [];
  client.on(Events.Error, (error) => errors.push(error));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const startedAt = performance.now();
  try {
    await client.login(fake.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return { client, errors, readyAfterMs: performance.now() - startedAt };
}
