import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeSlackUser, defaultFakeSlackUsers, type FakeSlackUser, type FakeSlackUserSeed } from './fake-slack-users.js';
import { startFakeSlackSocket, type SendEnvelopeOptions, type SlackEnvelopeType, type SlackSocketAck } from './fake-slack-socket.js';
import { answerWebApi, invalidBlocks, type FakeWebApiState } from './fake-slack-web-api.js';
import { blockKitProblems, messageProblems } from './slack-block-kit.js';
import { FAKE_APP_ID, FAKE_TEAM_ID } from './fake-slack-team.js';
import { parseSlackBody, readRequestText, type SlackJson } from './read-request-body.js';
import { createRecordLog } from './record-log.js';

export { assertBlockKit, blockKitProblems } from './slack-block-kit.js';

export interface FakeSlackOptions {
  /** Listen on this port instead of any free one (a test that brings Slack up after the bot starts trying). */
  port?: number;
  botToken?: string;
  appToken?: string;
  /** Replaces `defaultFakeSlackUsers` as the members `users.info` knows. */
  users?: FakeSlackUserSeed[];
  /** Slack accepts five posts per `response_url` (within 30 minutes) and refuses the rest. */
  responseUrlMaxUses?: number;
  /** How long each Web API call takes to answer (a slow network; sends stay in flight). */
  apiLatencyMs?: number;
}

export interface FakeSlackCall {
  method: string;
  token: string | undefined;
  body: SlackJson;
  /** Date.now() when the request arrived (before its body was read), to check pacing against. */
  receivedAt: number;
}

/** A Block Kit limit a call, response_url post or Socket Mode ack broke (Slack refused or cut it). */
export interface BlockKitViolation {
  /** The Web API method, `response_url <path>` or `socket ack <envelope_id>`. */
  where: string;
  problems: string[];
}

export interface FakeSlackResponse {
  path: string;
  name: string;
  body: SlackJson;
  status: number;
}

/**
 * One-shot: the next call to the method gets this instead of its normal answer. `echoRequest`
 * answers like a misbehaving proxy's error page, quoting the request's headers (bearer token
 * included) in the body, so a test can check the token never reaches a log through an error.
 */
export type FakeSlackFailure = { status: number; retryAfter?: number; echoRequest?: boolean } | { error: string };

export interface FakeSlack {
  readonly origin: string;
  readonly apiUrl: string;
  readonly socketUrl: string;
  readonly calls: FakeSlackCall[];
  readonly responses: FakeSlackResponse[];
  readonly acks: SlackSocketAck[];
  /**
   * Every Block Kit limit broken so far. `close()` fails while this is not empty, so any test that
   * sends Slack something it would refuse fails; a test that does so on purpose takes them first.
   */
  readonly blockKitViolations: BlockKitViolation[];
  /** Returns the violations recorded so far and forgets them. */
  takeBlockKitViolations(): BlockKitViolation[];
  callsTo(method: string): FakeSlackCall[];
  waitForCall(method: string, predicate?: (call: FakeSlackCall) => boolean, timeoutMs?: number): Promise<FakeSlackCall>;
  /** Like waitForCall, but only calls made after `mark()` returned `since`: earlier ones do not count. */
  waitForCallSince(since: number, method: string, predicate?: (call: FakeSlackCall) => boolean, timeoutMs?: number): Promise<FakeSlackCall>;
  /** Where the call log ends now, for waitForCallSince. */
  mark(): number;
  waitForResponse(predicate?: (response: FakeSlackResponse) => boolean, timeoutMs?: number): Promise<FakeSlackResponse>;
  failNext(method: string, failure: FakeSlackFailure): void;
  responseUrl(name?: string): string;
  addUser(seed: FakeSlackUserSeed): FakeSlackUser;
  socketConnected(timeoutMs?: number): Promise<void>;
  socketCount(): number;
  sendEnvelope(type: SlackEnvelopeType, payload: object, options?: SendEnvelopeOptions): Promise<SlackSocketAck>;
  sendDisconnect(reason?: string): void;
  close(): Promise<void>;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const socketUrl = `${origin.replace('http:', 'ws:')}/socket?ticket=fake-ticket&app_id=${FAKE_APP_ID}`;
  const violations: BlockKitViolation[] = [];
  const recordViolation = (where: string, problems: string[]): void => {
    if (problems.length > 0) violations.push({ where, problems });
  };
  const socket = startFakeSlackSocket(server, '/socket', (ack) => recordViolation(`socket ack ${ack.envelope_id}`, blockKitProblems(ack.payload)));
  const calls = createRecordLog<FakeSlackCall>((call) => `${call.method} ${JSON.stringify(call.body)}`);
  const responses = createRecordLog<FakeSlackResponse>((response) => `${response.path} ${JSON.stringify(response.body)}`);
  const failures = new Map<string, FakeSlackFailure[]>();
  const maxUses = options.responseUrlMaxUses ?? 5;
  const counters = { ts: 0, view: 0, hash: 0, hook: 0 };
  const state: FakeWebApiState = {
    botToken: options.botToken ?? 'xoxb-test',
    appToken: options.appToken ?? 'xapp-test',
    socketUrl,
    users: new Map(),
    nextTs: () => slackTs(++counters.ts),
    nextViewId: () => `V${String(++counters.view).padStart(8, '0')}`,
    nextViewHash: () => `h${String(++counters.hash).padStart(6, '0')}`,
    recordViolation,
  };
  const addUser = (seed: FakeSlackUserSeed): FakeSlackUser => {
    const user = createFakeSlackUser(seed, FAKE_TEAM_ID);
    state.users.set(user.id, user);
    return user;
  };
  for (const seed of options.users ?? defaultFakeSlackUsers) addUser(seed);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const url = new URL(req.url ?? '/', origin);
    const text = req.method === 'GET' ? url.search.slice(1) : await readRequestText(req);
    const body = parseSlackBody(text, req.method === 'GET' ? undefined : req.headers['content-type']);
    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const token = bearer(req.headers.authorization) ?? (typeof body.token === 'string' ? body.token : undefined);
      calls.push({ method, token, body, receivedAt });
      const failure = failures.get(method)?.shift();
      if (options.apiLatencyMs) await new Promise((resolve) => setTimeout(resolve, options.apiLatencyMs));
      if (failure && 'status' in failure) return sendHttpFailure(res, failure, req.headers);
      return sendJson(res, 200, failure ? { ok: false, error: failure.error } : answerWebApi(method, token, body, state));
    }
    if (url.pathname.startsWith('/respond/') && req.method === 'POST') {
      const uses = responses.items.filter((response) => response.path === url.pathname && response.status === 200).length;
      const { errors, warnings } = messageProblems(body);
      recordViolation(`response_url ${url.pathname}`, [...errors, ...warnings]);
      // Like an incoming webhook, a response_url refuses bad blocks with a 400 (and it does not count as a use).
      const status = errors.length > 0 ? 400 : uses < maxUses ? 200 : 404;
      responses.push({ path: url.pathname, name: url.pathname.slice('/respond/'.length), body, status });
      if (status === 400) return sendJson(res, 400, invalidBlocks(errors));
      return sendJson(res, status, status === 200 ? { ok: true } : { ok: false, error: 'used_url' });
    }
    sendJson(res, 404, { ok: false, error: 'not_found' });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => sendJson(res, 400, { ok: false, error: 'invalid_payload' }));
  });

  let closed: Promise<void> | undefined;
  return {
    origin,
    apiUrl: `${origin}/api/`,
    socketUrl,
    calls: calls.items,
    responses: responses.items,
    acks: socket.acks,
    blockKitViolations: violations,
    takeBlockKitViolations: () => violations.splice(0),
    callsTo: (method) => calls.items.filter((call) => call.method === method),
    waitForCall: (method, predicate = () => true, timeoutMs = 3000) =>
      calls.waitFor((call) => call.method === method && predicate(call), timeoutMs, `a matching ${method} call`),
    waitForCallSince: (since, method, predicate = () => true, timeoutMs = 3000) =>
      calls.waitFor((call) => calls.items.indexOf(call) >= since && call.method === method && predicate(call), timeoutMs, `a new matching ${method} call`),
    mark: () => calls.items.length,
    waitForResponse: (predicate = () => true, timeoutMs = 3000) => responses.waitFor(predicate, timeoutMs, 'a matching response_url post'),
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    responseUrl: (name) => `${origin}/respond/${name ?? `hook-${++counters.hook}`}`,
    addUser,
    socketConnected: (timeoutMs) => socket.socketConnected(timeoutMs),
    socketCount: () => socket.connectionCount(),
    sendEnvelope: (type, payload, envelopeOptions) => socket.sendEnvelope(type, payload, envelopeOptions),
    sendDisconnect: (reason) => socket.sendDisconnect(reason),
    close() {
      closed ??= socket.close().then(
        () =>
          new Promise<void>((resolve) => {
            // Web API clients keep connections alive; without this, close() waits for them to time out.
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      );
      return closed.then(() => {
        if (violations.length === 0) return;
        const listed = violations.map((v) => `${v.where}:\n    ${v.problems.join('\n    ')}`).join('\n  ');
        throw new Error(`the app sent Slack Block Kit it would refuse or cut:\n  ${listed}`);
      });
    },
  };
}

/** Message timestamps are unique per channel and sort in posting order, like Slack's. */
function slackTs(sequence: number): string {
  const micros = sequence * 100;
  return `${1_700_000_000 + Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function sendHttpFailure(res: ServerResponse, failure: { status: number; retryAfter?: number; echoRequest?: boolean }, requestHeaders: IncomingMessage['headers']): void {
  // The Web API client only honours a 429 that says when to come back.
  if (failure.status === 429) res.setHeader('Retry-After', String(failure.retryAfter ?? 1));
  const echo = failure.echoRequest ? { request: { headers: requestHeaders } } : {};
  sendJson(res, failure.status, { ok: false, error: failure.status === 429 ? 'ratelimited' : 'fatal_error', ...echo });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
