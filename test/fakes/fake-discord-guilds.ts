import { FAKE_DISCORD_IDS, nextSnowflakeId } from './discord-ids.js';
import { DISCORD_PERMISSIONS } from './discord-permissions.js';
import type { DiscordUserPayload } from './discord-users.js';

export interface FakeDiscordGuildSeed {
  id: string;
  name: string;
  ownerId?: string;
  /** Text channels; the default guild has #general (FAKE_DISCORD_IDS.channel), others get one fresh id. */
  channels?: Array<{ id: string; name: string }>;
}

export const defaultFakeDiscordGuilds: FakeDiscordGuildSeed[] = [
  { id: FAKE_DISCORD_IDS.guild, name: 'Lakeside Family Practice', ownerId: FAKE_DISCORD_IDS.owner, channels: [{ id: FAKE_DISCORD_IDS.channel, name: 'general' }] },
];

export interface FakeDiscordGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: Array<{ id: string; name: string }>;
  /** The managed role Discord gives a bot when it joins. */
  botRoleId: string;
}

export function resolveGuildSeed(seed: FakeDiscordGuildSeed): FakeDiscordGuild {
  return {
    id: seed.id,
    name: seed.name,
    ownerId: seed.ownerId ?? FAKE_DISCORD_IDS.owner,
    channels: seed.channels ?? [{ id: nextSnowflakeId(), name: 'general' }],
    botRoleId: nextSnowflakeId(),
  };
}

export function textChannelPayload(guildId: string, channel: { id: string; name: string }, position = 0): Record<string, unknown> {
  return {
    id: channel.id,
    type: 0,
    guild_id: guildId,
    name: channel.name,
    position,
    flags: 0,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: [],
  };
}

/**
 * A GUILD_CREATE as Discord sends it after READY. discord.js marks itself ready only once every guild
 * READY listed as unavailable has arrived this way (or after waiting 15 s). Like Discord, the members
 * list holds the bot's own member, so `guild.members.me` resolves.
 */
export function guildCreatePayload(guild: FakeDiscordGuild, botUser: DiscordUserPayload, joinedAt: string): Record<string, unknown> {
  const { botRoleId } = guild;
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    application_id: null,
    afk_channel_id: null,
    afk_timeout: 300,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    features: [],
    roles: [
      { id: guild.id, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '0', managed: false, mentionable: false, flags: 0 },
      {
        id: botRoleId,
        name: botUser.username,
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 1,
        permissions: DISCORD_PERMISSIONS.bot,
        managed: true,
        mentionable: false,
        flags: 0,
        tags: { bot_id: botUser.id },
      },
    ],
    emojis: [],
    stickers: [],
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    lazy: true,
    member_count: 2,
    members: [{ user: botUser, roles: [botRoleId], nick: null, avatar: null, banner: null, joined_at: joinedAt, premium_since: null, deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null }],
    channels: guild.channels.map((channel, position) => textChannelPayload(guild.id, channel, position)),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    application_command_counts: {},
  };
}
