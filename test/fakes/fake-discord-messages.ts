import { nextSnowflake } from './discord-ids.js';
import type { DiscordUploadedFile } from './discord-request-body.js';
import type { DiscordUserPayload } from './discord-users.js';
import { createRecordLog } from './record-log.js';

export type DiscordJson = Record<string, unknown>;

/** A message as Discord returns it from REST; the store keeps each one's current state. */
export interface DiscordMessagePayload {
  id: string;
  type: number;
  channel_id: string;
  content: string;
  embeds: DiscordJson[];
  components: DiscordJson[];
  attachments: DiscordJson[];
  author: DiscordUserPayload;
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  mentions: DiscordUserPayload[];
  mention_roles: string[];
  mention_everyone: boolean;
  pinned: boolean;
  tts: boolean;
  webhook_id?: string;
  application_id?: string;
  message_reference?: DiscordJson;
  interaction_metadata?: DiscordJson;
  [field: string]: unknown;
}

export interface NewMessage {
  channelId: string;
  author: DiscordUserPayload;
  body: DiscordJson;
  files: DiscordUploadedFile[];
  /** 0 for a channel post, 20 for an interaction's response, 19 for a reply. */
  type?: number;
  /** Set for interaction responses and follow-ups, which Discord sends through the app's webhook. */
  applicationId?: string;
  interactionMetadata?: DiscordJson;
}

export interface FakeDiscordMessageStore {
  /** Current state, in creation order; deleted messages leave. */
  readonly items: DiscordMessagePayload[];
  /** Every created or edited state, for waiting on. */
  readonly history: DiscordMessagePayload[];
  get(id: string): DiscordMessagePayload | undefined;
  create(message: NewMessage): DiscordMessagePayload;
  /** Puts a message the fake did not create (one a built interaction points at) into the store. */
  adopt(message: DiscordMessagePayload): void;
  edit(id: string, body: DiscordJson, files: DiscordUploadedFile[]): DiscordMessagePayload | undefined;
  remove(id: string): boolean;
  waitFor(predicate: (message: DiscordMessagePayload) => boolean, timeoutMs: number): Promise<DiscordMessagePayload>;
}

/** MessageFlags.Ephemeral (1 << 6) and SuppressNotifications (1 << 12) are the ones a bot may set. */
const SETTABLE_FLAGS = (1 << 2) | (1 << 6) | (1 << 12) | (1 << 15);

export function createFakeDiscordMessageStore(origin: string): FakeDiscordMessageStore {
  const items: DiscordMessagePayload[] = [];
  const history = createRecordLog<DiscordMessagePayload>((m) => `${m.id} in ${m.channel_id}: ${JSON.stringify(m.content)}`);
  const get = (id: string): DiscordMessagePayload | undefined => items.find((message) => message.id === id);

  return {
    items,
    history: history.items,
    get,
    create({ channelId, author, body, files, type = 0, applicationId, interactionMetadata }) {
      const { id, timestamp } = nextSnowflake();
      const message: DiscordMessagePayload = {
        id,
        type: body.message_reference ? 19 : type,
        channel_id: channelId,
        content: typeof body.content === 'string' ? body.content : '',
        embeds: normalizeEmbeds(body.embeds),
        components: Array.isArray(body.components) ? (body.components as DiscordJson[]) : [],
        attachments: attachmentsFor(origin, channelId, files),
        author,
        flags: typeof body.flags === 'number' ? body.flags & SETTABLE_FLAGS : 0,
        timestamp,
        edited_timestamp: null,
        mentions: [],
        mention_roles: [],
        mention_everyone: false,
        pinned: false,
        tts: body.tts === true,
        ...(applicationId ? { webhook_id: applicationId, application_id: applicationId } : {}),
        ...(body.message_reference ? { message_reference: { type: 0, channel_id: channelId, ...(body.message_reference as DiscordJson) } } : {}),
        ...(interactionMetadata ? { interaction_metadata: interactionMetadata } : {}),
      };
      items.push(message);
      history.push(structuredClone(message));
      return message;
    },
    adopt(message) {
      if (!get(message.id)) items.push(message);
    },
    edit(id, body, files) {
      const message = get(id);
      if (!message) return undefined;
      if (typeof body.content === 'string') message.content = body.content;
      if (Array.isArray(body.embeds)) message.embeds = normalizeEmbeds(body.embeds);
      if (Array.isArray(body.components)) message.components = body.components as DiscordJson[];
      if (typeof body.flags === 'number') message.flags = (message.flags & ~SETTABLE_FLAGS) | (body.flags & SETTABLE_FLAGS);
      if (files.length > 0 || Array.isArray(body.attachments)) message.attachments = attachmentsFor(origin, message.channel_id, files);
      // Editing a deferred response fills it in: it stops showing "is thinking…".
      message.flags &= ~(1 << 7);
      message.edited_timestamp = nextSnowflake().timestamp;
      history.push(structuredClone(message));
      return message;
    },
    remove(id) {
      const index = items.findIndex((message) => message.id === id);
      if (index < 0) return false;
      items.splice(index, 1);
      return true;
    },
    waitFor: (predicate, timeoutMs) => history.waitFor(predicate, timeoutMs, 'a matching message'),
  };
}

/** Discord stores embeds sent without a type as `rich`. */
function normalizeEmbeds(embeds: unknown): DiscordJson[] {
  return Array.isArray(embeds) ? (embeds as DiscordJson[]).map((embed) => ({ type: 'rich', ...embed })) : [];
}

function attachmentsFor(origin: string, channelId: string, files: DiscordUploadedFile[]): DiscordJson[] {
  return files.map((file) => {
    const id = nextSnowflake().id;
    const url = `${origin}/attachments/${channelId}/${id}/${encodeURIComponent(file.name)}`;
    return { id, filename: file.name, size: file.data.length, content_type: file.contentType, url, proxy_url: url };
  });
}
