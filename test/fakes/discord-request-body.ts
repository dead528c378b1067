import type { IncomingMessage } from 'node:http';

export interface DiscordUploadedFile {
  /** The form field, `files[0]` and so on, as discord.js names them. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface DiscordRequestBody {
  /** Parsed JSON; for multipart, the `payload_json` part (other text parts merged in). Null when empty. */
  body: unknown;
  files: DiscordUploadedFile[];
}

export async function readDiscordRequestBody(req: IncomingMessage): Promise<DiscordRequestBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  const text = raw.toString('utf8');
  return { body: contentType.startsWith('application/json') ? (JSON.parse(text) as unknown) : text, files: [] };
}

/** discord.js switches to multipart as soon as a file is attached; the message itself rides in `payload_json`. */
async function readMultipart(raw: Buffer, contentType: string): Promise<DiscordRequestBody> {
  const form = await new Response(Uint8Array.from(raw), { headers: { 'content-type': contentType } }).formData();
  let body: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const files: DiscordUploadedFile[] = [];
  for (const [field, value] of form) {
    if (typeof value !== 'string') {
      files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    } else if (field === 'payload_json') {
      body = JSON.parse(value) as Record<string, unknown>;
    } else {
      extra[field] = value;
    }
  }
  return { body: { ...extra, ...body }, files };
}
