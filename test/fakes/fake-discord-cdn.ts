/**
 * Discord's attachment CDN on loopback, for files a member attaches to a slash command option. Such
 * a file is ephemeral (the attachment object says `ephemeral: true`): Discord removes it after a
 * while, and `expire()` makes the fake do the same, so tests can see what outlives it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nextSnowflakeId } from './discord-ids.js';

/** An attachment as an interaction's `data.resolved.attachments` carries it. */
export interface DiscordAttachmentPayload {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
  ephemeral: boolean;
  [field: string]: unknown;
}

export interface FakeDiscordCdn {
  readonly origin: string;
  /** Every GET, by path, in order. */
  readonly downloads: string[];
  /** Hosts a file uploaded for a slash command option and returns its attachment object. */
  upload(filename: string, data: Buffer, contentType?: string): DiscordAttachmentPayload;
  /** From now on the file answers 404, as once Discord has removed an ephemeral attachment. */
  expire(attachment: DiscordAttachmentPayload): void;
  close(): Promise<void>;
}

export async function startFakeDiscordCdn(): Promise<FakeDiscordCdn> {
  const files = new Map<string, { data: Buffer; contentType: string }>();
  const downloads: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://cdn').pathname;
    downloads.push(path);
    const file = files.get(path);
    if (req.method !== 'GET' || !file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('This content is no longer available.');
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.length) });
    res.end(file.data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    downloads,
    upload(filename, data, contentType = 'application/pdf') {
      const id = nextSnowflakeId();
      const path = `/ephemeral-attachments/${nextSnowflakeId()}/${id}/${encodeURIComponent(filename)}`;
      files.set(path, { data, contentType });
      // Signed like Discord's links: `ex` (expiry, hex seconds), `is` (issued), `hm` (signature).
      const url = `${origin}${path}?ex=674a1b2c&is=6748c9ac&hm=${'ab'.repeat(32)}&`;
      return { id, filename, size: data.length, url, proxy_url: url, content_type: contentType, ephemeral: true };
    },
    expire(attachment) {
      files.delete(new URL(attachment.url).pathname);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
