/** The ids the fake and the payload builders share, so a built payload points at the fake's guild. */
export const FAKE_DISCORD_IDS = {
  /** A bot's user id equals its application id on Discord. */
  application: '1000000000000000001',
  botUser: '1000000000000000001',
  command: '1100000000000000001',
  guild: '2000000000000000001',
  /** #general, the text channel the default guild is created with. */
  channel: '2100000000000000001',
  /** Dana, a medical assistant without MANAGE_GUILD: the default author of built payloads. */
  user: '3000000000000000001',
  /** Owns the default guild. */
  owner: '3000000000000000002',
} as const;

const DISCORD_EPOCH_MS = 1_420_070_400_000;
/** Ids made here read as minted from 2025-01-01 on, one millisecond apart, clear of the fixed ids above. */
const BASE_MS = Date.UTC(2025, 0, 1);
let sequence = 0;

export interface Snowflake {
  id: string;
  /** The instant encoded in the id, as Discord's `timestamp` fields carry it. */
  timestamp: string;
}

/** Fresh snowflake, unique in this process and increasing, so discord.js can read a creation time from it. */
export function nextSnowflake(): Snowflake {
  sequence += 1;
  const ms = BASE_MS + sequence;
  const id = (BigInt(ms - DISCORD_EPOCH_MS) << 22n) | BigInt(sequence % 4096);
  return { id: id.toString(), timestamp: new Date(ms).toISOString().replace('Z', '000+00:00') };
}

export function nextSnowflakeId(): string {
  return nextSnowflake().id;
}
