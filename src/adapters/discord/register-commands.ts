/**
 * `npm run discord:register`: puts `/ceu` and `/ceu-admin` (generated from the core's command
 * declarations) to Discord: to one server with DISCORD_GUILD_ID (instant, for development),
 * globally otherwise (Discord may take up to an hour to show changes).
 */
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig } from '../../config.js';
import { COMMANDS } from '../../core/index.js';
import { commandManifest } from './command-manifest.js';

export async function registerCommands(discord: { token: string; applicationId: string; apiUrl?: string; guildId?: string }): Promise<string> {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const route = discord.guildId ? Routes.applicationGuildCommands(discord.applicationId, discord.guildId) : Routes.applicationCommands(discord.applicationId);
  await rest.put(route, { body: commandManifest(COMMANDS) });
  return discord.guildId ? `Registered /ceu and /ceu-admin in server ${discord.guildId}.` : 'Registered /ceu and /ceu-admin globally (Discord may take up to an hour to show them).';
}

async function main(): Promise<number> {
  try {
    const { discord } = loadConfig();
    if (!discord) {
      process.stderr.write('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID for one server) first.\n');
      return 2;
    }
    process.stdout.write(`${await registerCommands(discord)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof ConfigError ? `Configuration error:\n${error.message}` : `Registration failed: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void main().then((code) => process.exit(code));
}
