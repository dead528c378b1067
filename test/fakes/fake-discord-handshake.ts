import type { DiscordUserPayload } from './discord-users.js';
import type { GatewayHandshake } from './fake-discord-gateway.js';
import { guildCreatePayload, type FakeDiscordGuild } from './fake-discord-guilds.js';

/**
 * What the gateway sends after IDENTIFY: READY listing every guild as unavailable, then one
 * GUILD_CREATE per guild, which is what lets discord.js emit `clientReady` at once.
 */
export function createHandshake(botUser: DiscordUserPayload, applicationId: string, guilds: FakeDiscordGuild[], joinedAt: string): GatewayHandshake {
  return {
    ready: {
      v: 10,
      user: { ...botUser, verified: true, mfa_enabled: false, flags: 0, email: null },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['us-east', 'us-central'],
      application: { id: applicationId, flags: 0 },
      shard: [0, 1],
      user_settings: {},
    },
    guildCreates: guilds.map((guild) => guildCreatePayload(guild, botUser, joinedAt)),
  };
}
