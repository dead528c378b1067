import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_DISCORD_IDS, nextSnowflake } from './discord-ids.js';
import { readDiscordRequestBody, type DiscordUploadedFile } from './discord-request-body.js';
import { makeDiscordBotUser, type DiscordUserPayload } from './discord-users.js';
import { failureReply, type FakeDiscordFailure } from './fake-discord-failures.js';
import { startFakeDiscordGateway, type FakeDiscordGatewayFrame, type FakeDiscordSessionStart } from './fake-discord-gateway.js';
import { defaultFakeDiscordGuilds, resolveGuildSeed, type FakeDiscordGuild, type FakeDiscordGuildSeed } from './fake-discord-guilds.js';
import { createHandshake } from './fake-discord-handshake.js';
import { createFakeDiscordMessageStore, type DiscordJson, type DiscordMessagePayload } from './fake-discord-messages.js';
import { answerDiscordRest } from './fake-discord-rest.js';
import { describeRoute, routeMatches, type FakeDiscordRoute } from './fake-discord-routes.js';
import { learnFromDispatch, seedState, type FakeDiscordState, type RestReply } from './fake-discord-state.js';
import { createRecordLog } from './record-log.js';

export type { FakeDiscordFailure } from './fake-discord-failures.js';
export type { FakeDiscordRoute } from './fake-discord-routes.js';
export type { DiscordJson, DiscordMessagePayload } from './fake-discord-messages.js';
export type { FakeDiscordGatewayFrame, FakeDiscordSessionStart } from './fake-discord-gateway.js';
export type { FakeDiscordGuild, FakeDiscordGuildSeed } from './fake-discord-guilds.js';

export interface FakeDiscordOptions {
  /** Listen on this port instead of any free one (a test that brings Discord up after the bot starts trying). */
  port?: number;
  token?: string;
  applicationId?: string;
  /** Defaults to the application id, as for every bot Discord creates. */
  botUserId?: string;
  /** Replaces the one default guild (FAKE_DISCORD_IDS.guild with #general). */
  guilds?: FakeDiscordGuildSeed[];
  /**
   * Privileged intents the application has not been granted (e.g. Message Content left off in the
   * Developer Portal): an IDENTIFY asking for any of them is closed with 4014, as Discord does.
   */
  disallowedIntents?: number;
  /** Discord says about 41 s; a test of heartbeats wants far less. */
  heartbeatIntervalMs?: number;
  /** How long after dispatch the first interaction response is accepted (Discord: 3 s). */
  interactionDeadlineMs?: number;
  /** How long an interaction token works for edits and follow-ups (Discord: 15 min). */
  interactionTokenTtlMs?: number;
  /** Clock for the two deadlines above. */
  now?: () => number;
}

/** One REST call, as the fake saw and answered it. */
export interface FakeDiscordCall {
  method: string;
  /** Without `/api/v10` and the query, percent-decoded. */
  path: string;
  /** The route template that answered, e.g. `/channels/:channelId/messages`; absent for a 404. */
  route?: string;
  query: Record<string, string>;
  /** Parsed JSON (multipart: `payload_json`), null for none. */
  body: unknown;
  files: DiscordUploadedFile[];
  /** The Authorization header, e.g. `Bot test-token`; undefined for interaction and webhook calls. */
  auth: string | undefined;
  status: number;
  response: unknown;
  /** Date.now() when the request arrived (before its body was read), to check pacing against. */
  receivedAt: number;
}

export interface FakeDiscordCallback extends FakeDiscordCall {
  body: { type: number; data?: DiscordJson };
}

export interface FakeDiscord {
  readonly origin: string;
  /** Give discord.js `rest: { api: fake.apiUrl }`: no version, no trailing slash. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: DiscordUserPayload;
  readonly guilds: FakeDiscordGuild[];
  readonly calls: FakeDiscordCall[];
  /** Messages the bot has sent, in their current state (edits applied, deletions gone). */
  readonly messages: DiscordMessagePayload[];
  /** Every frame a client sent on the gateway. */
  readonly gatewayFrames: FakeDiscordGatewayFrame[];
  readonly identifyCount: number;
  readonly resumeCount: number;
  callsTo(route: FakeDiscordRoute): FakeDiscordCall[];
  waitForCall(route: FakeDiscordRoute, predicate?: (call: FakeDiscordCall) => boolean, timeoutMs?: number): Promise<FakeDiscordCall>;
  /** Resolves with the first created or edited message state that matches, including earlier ones. */
  waitForMessage(predicate?: (message: DiscordMessagePayload) => boolean, timeoutMs?: number): Promise<DiscordMessagePayload>;
  messagesIn(channelId: string): DiscordMessagePayload[];
  failNext(route: FakeDiscordRoute, failure: FakeDiscordFailure): void;
  /** From now on, messages to this user's DM are refused with 50007, as when they close their DMs. */
  closeDms(userId: string): void;
  /** The commands last PUT globally, or for a guild; undefined before any PUT. */
  commands(guildId?: string): DiscordJson[] | undefined;
  dmChannelOf(userId: string): string | undefined;
  /** Sends a dispatch to every identified connection; returns how many received it. */
  dispatch(t: string, d: object): number;
  /** Dispatches INTERACTION_CREATE; resolves with the bot's answer to it (retried 429/5xx skipped). */
  sendInteraction(interaction: object, timeoutMs?: number): Promise<FakeDiscordCallback>;
  /** Resolves once the nth IDENTIFY (default 1st) has been answered with READY and the GUILD_CREATEs. */
  waitForIdentify(options?: { nth?: number; timeoutMs?: number }): Promise<FakeDiscordSessionStart>;
  waitForResume(options?: { nth?: number; timeoutMs?: number }): Promise<FakeDiscordSessionStart>;
  /** Closes every gateway socket; 4000 makes discord.js resume, 1000 makes it identify afresh. */
  dropConnections(code?: number): void;
  /** Identified (or resumed) gateway connections. */
  connections(): number;
  /** Destroy the discord.js client first: a client that sees the fake go away keeps reconnecting. */
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gatewayUrl = `${origin.replace('http:', 'ws:')}/gateway`;
  const applicationId = options.applicationId ?? FAKE_DISCORD_IDS.application;
  const botUser = makeDiscordBotUser(options.botUserId ?? applicationId);
  const state: FakeDiscordState = {
    origin,
    gatewayUrl,
    token: options.token ?? 'test-token',
    applicationId,
    botUser,
    guilds: (options.guilds ?? defaultFakeDiscordGuilds).map(resolveGuildSeed),
    users: new Map(),
    channels: new Map(),
    dmChannels: new Map(),
    closedDms: new Set(),
    messages: createFakeDiscordMessageStore(origin),
    interactions: new Map(),
    commands: new Map(),
    commandIds: new Map(),
    interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
    interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
    now: options.now ?? Date.now,
  };
  seedState(state);
  const joinedAt = nextSnowflake().timestamp;
  const gateway = startFakeDiscordGateway(server, {
    path: '/gateway',
    url: gatewayUrl,
    token: state.token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    botUserId: botUser.id,
    ...(options.disallowedIntents ? { disallowedIntents: options.disallowedIntents } : {}),
    handshake: () => createHandshake(botUser, applicationId, state.guilds, joinedAt),
  });
  const calls = createRecordLog<FakeDiscordCall>((call) => `${call.method} ${call.path} → ${call.status} ${JSON.stringify(call.body)}`);
  const failures: Array<{ route: FakeDiscordRoute; failure: FakeDiscordFailure }> = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const url = new URL(req.url ?? '/', origin);
    const prefix = '/api/v10';
    const path = url.pathname.startsWith(`${prefix}/`) ? decodeURIComponent(url.pathname.slice(prefix.length)) : url.pathname;
    const method = req.method ?? 'GET';
    let read;
    try {
      read = await readDiscordRequestBody(req);
    } catch {
      return send(res, { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } });
    }
    const failureAt = failures.findIndex((candidate) => routeMatches(candidate.route, method, path));
    const failure = failureAt >= 0 ? failures.splice(failureAt, 1)[0]?.failure : undefined;
    const reply: RestReply & { route?: string } = !url.pathname.startsWith(`${prefix}/`)
      ? { status: 404, body: { message: '404: Not Found', code: 0 } }
      : failure
        ? failureReply(failure, state.now())
        : answerDiscordRest({ method, path, query: url.searchParams, body: read.body, files: read.files }, req.headers.authorization, state);
    calls.push({
      method,
      path,
      ...(reply.route ? { route: reply.route } : {}),
      query: Object.fromEntries(url.searchParams),
      body: read.body,
      files: read.files,
      auth: req.headers.authorization,
      status: reply.status,
      response: reply.body,
      receivedAt,
    });
    send(res, reply);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => send(res, { status: 500, body: { message: `fake Discord failed: ${String(error)}`, code: 0 } }));
  });

  const dispatch = (t: string, d: object): number => {
    learnFromDispatch(state, t, d as DiscordJson);
    return gateway.dispatch(t, d);
  };

  let closed: Promise<void> | undefined;
  return {
    origin,
    apiUrl: `${origin}/api`,
    gatewayUrl,
    token: state.token,
    applicationId,
    botUser,
    guilds: state.guilds,
    calls: calls.items,
    messages: state.messages.items,
    gatewayFrames: gateway.frames,
    get identifyCount() {
      return gateway.identifyCount();
    },
    get resumeCount() {
      return gateway.resumeCount();
    },
    callsTo: (route) => calls.items.filter((call) => routeMatches(route, call.method, call.path)),
    waitForCall: (route, predicate = () => true, timeoutMs = 3000) =>
      calls.waitFor((call) => routeMatches(route, call.method, call.path) && predicate(call), timeoutMs, `a matching ${describeRoute(route)} call`),
    waitForMessage: (predicate = () => true, timeoutMs = 3000) => state.messages.waitFor(predicate, timeoutMs),
    messagesIn: (channelId) => state.messages.items.filter((message) => message.channel_id === channelId),
    failNext(route, failure) {
      failures.push({ route, failure });
    },
    closeDms(userId) {
      state.closedDms.add(userId);
    },
    commands: (guildId) => state.commands.get(guildId ?? 'global'),
    dmChannelOf: (userId) => state.dmChannels.get(userId),
    dispatch,
    async sendInteraction(interaction, timeoutMs = 3000) {
      const id = String((interaction as { id?: unknown }).id);
      const answered = calls.waitFor(
        // 429s and 5xx are retried by discord.js: wait for the attempt that settled.
        (call) => call.method === 'POST' && call.path.startsWith(`/interactions/${id}/`) && call.status !== 429 && call.status < 500,
        timeoutMs,
        `the response to interaction ${id}`,
      );
      if (dispatch('INTERACTION_CREATE', interaction) === 0) {
        answered.catch(() => undefined);
        throw new Error(`cannot send interaction ${id}: no gateway session is connected`);
      }
      return (await answered) as FakeDiscordCallback;
    },
    waitForIdentify: ({ nth = 1, timeoutMs = 5000 } = {}) => gateway.waitForSessionStart('identify', nth, timeoutMs),
    waitForResume: ({ nth = 1, timeoutMs = 5000 } = {}) => gateway.waitForSessionStart('resume', nth, timeoutMs),
    dropConnections: (code = 4000) => gateway.dropConnections(code, 'fake Discord dropped the connection'),
    connections: () => gateway.connectionCount(),
    close() {
      closed ??= gateway.close().then(
        () =>
          new Promise<void>((resolve) => {
            // discord.js keeps REST connections alive; without this, close() waits for them to time out.
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      );
      return closed;
    },
  };
}

function send(res: ServerResponse, reply: RestReply): void {
  if (res.headersSent) return;
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, reply.headers ?? {});
    res.end();
    return;
  }
  res.writeHead(reply.status, { ...reply.headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(reply.body));
}
