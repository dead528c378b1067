import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { filterDispatchForIntents } from './fake-discord-intents.js';
import { createRecordLog } from './record-log.js';

/** Gateway opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes). */
const OP = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, invalidSession: 9, hello: 10, heartbeatAck: 11 } as const;
/** Close codes the real gateway uses for these mistakes; discord.js reacts to each differently. */
const CLOSE = { unknownOpcode: 4001, decodeError: 4002, notAuthenticated: 4003, authenticationFailed: 4004, alreadyAuthenticated: 4005, invalidSeq: 4007, disallowedIntents: 4014 } as const;

export interface FakeDiscordGatewayFrame {
  /** Which socket sent it, numbered from 1 in connection order. */
  connection: number;
  op: number;
  d: unknown;
}

export interface FakeDiscordSessionStart {
  kind: 'identify' | 'resume';
  /** 1 for the first IDENTIFY (or RESUME) the fake answered, 2 for the second... */
  nth: number;
  sessionId: string;
  connection: number;
}

export interface GatewayHandshake {
  /** READY's `d` without session_id and resume_gateway_url, which the gateway fills in. */
  ready: Record<string, unknown>;
  guildCreates: Array<Record<string, unknown>>;
}

export interface FakeDiscordGatewayOptions {
  path: string;
  url: string;
  token: string;
  heartbeatIntervalMs: number;
  botUserId: string;
  /** Intents the application may not use: an IDENTIFY asking for any of them is closed with 4014. */
  disallowedIntents?: number;
  handshake(): GatewayHandshake;
}

export interface FakeDiscordGateway {
  readonly frames: FakeDiscordGatewayFrame[];
  readonly sessionStarts: FakeDiscordSessionStart[];
  identifyCount(): number;
  resumeCount(): number;
  connectionCount(): number;
  waitForSessionStart(kind: FakeDiscordSessionStart['kind'], nth: number, timeoutMs: number): Promise<FakeDiscordSessionStart>;
  waitForFrame(op: number, predicate: (frame: FakeDiscordGatewayFrame) => boolean, timeoutMs: number): Promise<FakeDiscordGatewayFrame>;
  dispatch(t: string, d: object): number;
  dropConnections(code: number, reason: string): void;
  close(graceMs?: number): Promise<void>;
}

interface Session {
  id: string;
  seq: number;
  intents: number;
}

interface Connection {
  number: number;
  socket: WebSocket;
  session?: Session;
}

export function startFakeDiscordGateway(server: Server, options: FakeDiscordGatewayOptions): FakeDiscordGateway {
  const wss = new WebSocketServer({ server, path: options.path });
  const connections = new Set<Connection>();
  const sessions = new Map<string, Session>();
  const frames = createRecordLog<FakeDiscordGatewayFrame>((frame) => `#${frame.connection} op ${frame.op} ${JSON.stringify(frame.d)}`);
  const starts = createRecordLog<FakeDiscordSessionStart>((start) => `${start.kind} #${start.nth} (${start.sessionId})`);
  const counts = { connection: 0, identify: 0, resume: 0 };

  wss.on('connection', (socket) => {
    const connection: Connection = { number: ++counts.connection, socket };
    connections.add(connection);
    socket.on('error', () => undefined);
    socket.on('close', () => connections.delete(connection));
    socket.on('message', (data) => receive(connection, data));
    send(connection, { op: OP.hello, d: { heartbeat_interval: options.heartbeatIntervalMs, _trace: ['["fake-gateway",{"micros":0}]'] } });
  });

  function send(connection: Connection, frame: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    connection.socket.send(JSON.stringify({ t: null, s: null, ...frame }));
  }

  function sendDispatch(connection: Connection, t: string, d: unknown): void {
    const session = connection.session;
    if (!session) return;
    session.seq += 1;
    send(connection, { op: OP.dispatch, t, s: session.seq, d });
  }

  function receive(connection: Connection, data: RawData): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      return connection.socket.close(CLOSE.decodeError, 'Error while decoding payload.');
    }
    const op = typeof frame.op === 'number' ? frame.op : -1;
    frames.push({ connection: connection.number, op, d: frame.d });
    if (op === OP.heartbeat) return send(connection, { op: OP.heartbeatAck, d: null });
    if (op === OP.identify) return identify(connection, frame.d as { token?: unknown; intents?: unknown });
    if (op === OP.resume) return resume(connection, frame.d as { token?: unknown; session_id?: unknown; seq?: unknown });
    if (op < 0 || op > 40) return connection.socket.close(CLOSE.unknownOpcode, 'Unknown opcode.');
    if (!connection.session) connection.socket.close(CLOSE.notAuthenticated, 'Not authenticated.');
  }

  function identify(connection: Connection, d: { token?: unknown; intents?: unknown }): void {
    if (connection.session) return connection.socket.close(CLOSE.alreadyAuthenticated, 'Already authenticated.');
    if (d?.token !== options.token) return connection.socket.close(CLOSE.authenticationFailed, 'Authentication failed.');
    if (typeof d.intents === 'number' && d.intents & (options.disallowedIntents ?? 0)) return connection.socket.close(CLOSE.disallowedIntents, 'Disallowed intent(s).');
    const nth = ++counts.identify;
    const session: Session = { id: sessionId(nth), seq: 0, intents: typeof d.intents === 'number' ? d.intents : 0 };
    sessions.set(session.id, session);
    connection.session = session;
    const handshake = options.handshake();
    sendDispatch(connection, 'READY', { ...handshake.ready, session_id: session.id, resume_gateway_url: options.url });
    for (const guild of handshake.guildCreates) sendDispatch(connection, 'GUILD_CREATE', guild);
    starts.push({ kind: 'identify', nth, sessionId: session.id, connection: connection.number });
  }

  function resume(connection: Connection, d: { token?: unknown; session_id?: unknown; seq?: unknown }): void {
    if (connection.session) return connection.socket.close(CLOSE.alreadyAuthenticated, 'Already authenticated.');
    if (d?.token !== options.token) return connection.socket.close(CLOSE.authenticationFailed, 'Authentication failed.');
    const session = typeof d.session_id === 'string' ? sessions.get(d.session_id) : undefined;
    // Discord answers an unknown session with INVALID_SESSION (d:false: do not resume, identify afresh).
    if (!session) return send(connection, { op: OP.invalidSession, d: false });
    if (typeof d.seq === 'number' && d.seq > session.seq) return connection.socket.close(CLOSE.invalidSeq, 'Invalid seq.');
    for (const other of connections) if (other !== connection && other.session === session) other.socket.terminate();
    connection.session = session;
    // Nothing was dispatched while the client was away (dispatch() needs a session), so nothing is replayed.
    sendDispatch(connection, 'RESUMED', { _trace: ['["fake-gateway",{"micros":0}]'] });
    starts.push({ kind: 'resume', nth: ++counts.resume, sessionId: session.id, connection: connection.number });
  }

  return {
    frames: frames.items,
    sessionStarts: starts.items,
    identifyCount: () => counts.identify,
    resumeCount: () => counts.resume,
    connectionCount: () => [...connections].filter((connection) => connection.session).length,
    waitForSessionStart: (kind, nth, timeoutMs) => starts.waitFor((start) => start.kind === kind && start.nth === nth, timeoutMs, `${kind} #${nth}`),
    waitForFrame: (op, predicate, timeoutMs) => frames.waitFor((frame) => frame.op === op && predicate(frame), timeoutMs, `a matching op ${op} frame`),
    dispatch(t, d) {
      let sent = 0;
      for (const connection of connections) {
        const session = connection.session;
        if (!session) continue;
        const filtered = filterDispatchForIntents(t, d, session.intents, options.botUserId);
        if (filtered === undefined) continue;
        sendDispatch(connection, t, filtered);
        sent += 1;
      }
      return sent;
    },
    dropConnections(code, reason) {
      for (const connection of connections) {
        connections.delete(connection);
        connection.socket.close(code, reason);
      }
    },
    async close(graceMs = 1000) {
      const sockets = [...wss.clients];
      const closed = sockets.map((socket) => new Promise((resolve) => (socket.readyState === socket.CLOSED ? resolve(undefined) : socket.once('close', resolve))));
      for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.close(1001, 'fake Discord closing');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const socket of wss.clients) socket.terminate();
      wss.close();
    },
  };
}

/** Session ids are 32 hex characters on Discord; deterministic here so a failing test reads the same twice. */
function sessionId(nth: number): string {
  return createHash('sha256').update(`fake-discord-session-${nth}`).digest('hex').slice(0, 32);
}
