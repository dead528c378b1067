import type { IncomingMessage } from 'node:http';

export type SlackJson = Record<string, unknown>;

/**
 * Fields the Web API client sends as JSON strings inside a form body (it JSON-encodes every
 * non-primitive argument); tests want to assert on them as objects, the way Slack reads them.
 */
const NESTED_JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata'];

export async function readRequestText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a form-encoded or JSON body; scalars in a form stay strings, as they are on the wire. */
export function parseSlackBody(text: string, contentType: string | undefined): SlackJson {
  if (text === '') return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(text) as SlackJson;
  const body: SlackJson = {};
  for (const [key, value] of new URLSearchParams(text)) {
    body[key] = NESTED_JSON_FIELDS.includes(key) ? parseJsonOrKeep(value) : value;
  }
  return body;
}

function parseJsonOrKeep(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
