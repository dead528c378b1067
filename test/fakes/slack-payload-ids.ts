import { createHash } from 'node:crypto';

export interface SlackPayloadIds {
  ts: string;
  eventTime: number;
  eventId: string;
  triggerId: string;
  clientMsgId: string;
}

let sequence = 0;

/**
 * Fresh, deterministic ids for one payload. Timestamps start at 1700001000, clear of the fake's own
 * message timestamps (1700000000.*), so a user's message never shares a ts with the bot's.
 */
export function nextSlackPayloadIds(): SlackPayloadIds {
  sequence += 1;
  const seconds = 1_700_001_000 + sequence;
  const digest = createHash('sha256').update(String(sequence)).digest('hex');
  return {
    ts: `${seconds}.000100`,
    eventTime: seconds,
    eventId: `Ev${String(sequence).padStart(10, '0')}`,
    triggerId: `${1_000_000_000_000 + sequence}.1000000000.${digest.slice(0, 32)}`,
    clientMsgId: `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`,
  };
}
