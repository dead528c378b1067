import { FAKE_DISCORD_IDS } from './discord-ids.js';

/** A user object as the gateway and REST carry it (author, member.user, recipients). */
export interface DiscordUserPayload {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  public_flags: number;
  bot?: boolean;
  [field: string]: unknown;
}

export interface DiscordUserSeed {
  id: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

const KNOWN_USERS: Record<string, { username: string; globalName: string }> = {
  [FAKE_DISCORD_IDS.user]: { username: 'dana.reyes', globalName: 'Dana Reyes' },
  [FAKE_DISCORD_IDS.owner]: { username: 'priya.office', globalName: 'Priya Shah' },
};

/** Usernames are lowercase and global names are display names, as since Discord dropped discriminators. */
export function makeDiscordUser(seed: DiscordUserSeed | string = FAKE_DISCORD_IDS.user): DiscordUserPayload {
  const { id, username, globalName, bot } = typeof seed === 'string' ? { id: seed } : seed;
  const known = KNOWN_USERS[id];
  return {
    id,
    username: username ?? known?.username ?? `member.${id.slice(-4)}`,
    global_name: globalName === undefined ? (known?.globalName ?? null) : globalName,
    discriminator: '0',
    avatar: null,
    avatar_decoration_data: null,
    public_flags: 0,
    ...(bot ? { bot: true } : {}),
  };
}

export function makeDiscordBotUser(id: string = FAKE_DISCORD_IDS.botUser): DiscordUserPayload {
  return makeDiscordUser({ id, username: 'ceu-bot', globalName: null, bot: true });
}
