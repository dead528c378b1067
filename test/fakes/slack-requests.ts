import { createHmac } from 'node:crypto';
import { assertBlockKit } from './slack-block-kit.js';

export { makeAppHomeOpenedEvent, makeAppMentionEvent, makeDirectMessageEvent } from './slack-event-payloads.js';
export { makeBlockAction, makeSlashCommand, makeViewSubmission } from './slack-interaction-payloads.js';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export interface SignedPostOptions {
  /** Seconds since the epoch; Bolt refuses anything more than 5 minutes old. */
  timestamp?: number;
  /** Sign the body, then change it in flight, as a forger would. */
  tamper?: boolean;
  /** Send this instead of the correct signature. */
  signature?: string;
  /** Send no signature headers at all. */
  unsigned?: boolean;
}

export interface EventPostOptions extends SignedPostOptions {
  retryNum?: number;
  retryReason?: string;
}

export interface SlackHttpResult {
  status: number;
  text: string;
  json?: unknown;
}

/** Slack's request signing, v0: https://docs.slack.dev/authentication/verifying-requests-from-slack */
export function signSlackRequest(secret: string, rawBody: string, timestampSeconds = Math.floor(Date.now() / 1000)): SlackSignatureHeaders {
  const ts = String(timestampSeconds);
  const digest = createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': ts };
}

/** Throws when the ack carries a reply Slack would refuse: acks never reach the fake to be checked there. */
export async function postSlashCommand(url: string, secret: string, fields: Record<string, string>, options: SignedPostOptions = {}): Promise<SlackHttpResult> {
  return checkedAck(await postSigned(url, secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options));
}

export function postEvent(url: string, secret: string, envelope: object, options: EventPostOptions = {}): Promise<SlackHttpResult> {
  // Slack marks a redelivery with these headers; Bolt passes them on as context.retryNum/retryReason.
  const retry: Record<string, string> =
    options.retryNum === undefined ? {} : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': options.retryReason ?? 'http_timeout' };
  return postSigned(url, secret, JSON.stringify(envelope), 'application/json', options, retry);
}

/** Interactions arrive form-encoded with the whole payload as JSON in one `payload` field; the ack is checked as above. */
export async function postInteraction(url: string, secret: string, payload: object, options: SignedPostOptions = {}): Promise<SlackHttpResult> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return checkedAck(await postSigned(url, secret, body, 'application/x-www-form-urlencoded', options));
}

function checkedAck(result: SlackHttpResult): SlackHttpResult {
  if (result.status === 200) assertBlockKit(result.json);
  return result;
}

async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  options: SignedPostOptions,
  extraHeaders: Record<string, string> = {},
): Promise<SlackHttpResult> {
  const signed = signSlackRequest(secret, body, options.timestamp);
  const signature = options.signature === undefined ? signed : { ...signed, 'x-slack-signature': options.signature };
  const headers = { 'content-type': contentType, ...(options.unsigned ? {} : signature), ...extraHeaders };
  const sent = options.tamper ? tamper(body, contentType) : body;
  const response = await fetch(url, { method: 'POST', headers, body: sent });
  const text = await response.text();
  return { status: response.status, text, ...parseJson(text) };
}

function tamper(body: string, contentType: string): string {
  return contentType === 'application/json' ? body.replace(/}$/, ',"tampered":true}') : `${body}&tampered=true`;
}

function parseJson(text: string): { json?: unknown } {
  if (text === '') return {};
  try {
    return { json: JSON.parse(text) };
  } catch {
    return {};
  }
}
