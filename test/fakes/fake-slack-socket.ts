import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { SlackJson } from './read-request-body.js';
import { FAKE_APP_ID } from './fake-slack-team.js';

export type SlackEnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface SendEnvelopeOptions {
  acceptsResponsePayload?: boolean;
  /** Slack redelivers an unacked envelope with these set; a client must not act twice. */
  retryAttempt?: number;
  retryReason?: string;
  /** Slack gives up on an envelope not acked within 3 s. */
  timeoutMs?: number;
}

export interface SlackSocketAck {
  envelope_id: string;
  payload?: SlackJson;
}

export interface FakeSlackSocket {
  readonly acks: SlackSocketAck[];
  connectionCount(): number;
  socketConnected(timeoutMs?: number): Promise<void>;
  sendEnvelope(type: SlackEnvelopeType, payload: object, options?: SendEnvelopeOptions): Promise<SlackSocketAck>;
  sendDisconnect(reason?: string): void;
  close(graceMs?: number): Promise<void>;
}

interface PendingAck {
  socket: WebSocket;
  resolve(ack: SlackSocketAck): void;
  reject(error: Error): void;
}

/** `onAck` sees each ack as it arrives (the fake checks the reply an ack carries). */
export function startFakeSlackSocket(server: Server, path: string, onAck: (ack: SlackSocketAck) => void = () => undefined): FakeSlackSocket {
  const wss = new WebSocketServer({ server, path });
  const ready = new Set<WebSocket>();
  const acks: SlackSocketAck[] = [];
  const pending = new Map<string, PendingAck>();
  const connectedWaiters = new Set<() => void>();

  wss.on('connection', (socket) => {
    // A client dropping mid-frame surfaces as an error; the close handler below does the cleanup.
    socket.on('error', () => undefined);
    socket.on('message', (data) => receive(data));
    socket.on('close', () => {
      ready.delete(socket);
      for (const [id, waiter] of pending) {
        if (waiter.socket === socket) waiter.reject(new Error(`socket closed before envelope ${id} was acked`));
      }
    });
    socket.send(JSON.stringify(hello(ready.size + 1)));
    ready.add(socket);
    for (const waiter of [...connectedWaiters]) waiter();
  });

  function receive(data: RawData): void {
    let message: SlackSocketAck;
    try {
      message = JSON.parse(data.toString()) as SlackSocketAck;
    } catch {
      return;
    }
    if (typeof message.envelope_id !== 'string') return;
    acks.push(message);
    onAck(message);
    pending.get(message.envelope_id)?.resolve(message);
  }

  return {
    acks,
    connectionCount: () => ready.size,
    socketConnected(timeoutMs = 3000) {
      if (ready.size > 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          connectedWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(() => {
          connectedWaiters.delete(done);
          reject(new Error(`no Socket Mode client connected within ${timeoutMs}ms`));
        }, timeoutMs);
        connectedWaiters.add(done);
      });
    },
    sendEnvelope(type, payload, options = {}) {
      const socket = [...ready].at(-1);
      if (!socket) return Promise.reject(new Error(`cannot send ${type}: no Socket Mode client is connected`));
      const envelopeId = randomUUID();
      const timeoutMs = options.timeoutMs ?? 3000;
      const acked = new Promise<SlackSocketAck>((resolve, reject) => {
        const settle = (): void => {
          clearTimeout(timer);
          pending.delete(envelopeId);
        };
        const timer = setTimeout(() => {
          settle();
          reject(new Error(`envelope ${envelopeId} (${type}) was not acked within ${timeoutMs}ms`));
        }, timeoutMs);
        pending.set(envelopeId, {
          socket,
          resolve: (ack) => (settle(), resolve(ack)),
          reject: (error) => (settle(), reject(error)),
        });
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: options.acceptsResponsePayload ?? acceptsResponsePayload(type, payload),
          retry_attempt: options.retryAttempt ?? 0,
          retry_reason: options.retryReason ?? '',
        }),
      );
      return acked;
    },
    sendDisconnect(reason = 'refresh_requested') {
      // Slack's warning before it recycles a connection: the client is expected to reconnect.
      for (const socket of ready) socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }));
    },
    async close(graceMs = 1000) {
      for (const waiter of pending.values()) waiter.reject(new Error('fake Slack closed'));
      // Bolt's app.stop() resolves before its socket has finished the close handshake; cutting the
      // TCP connection mid-handshake makes the client log a WebSocket error, so finish it politely.
      const sockets = [...wss.clients];
      const closed = sockets.map((socket) => new Promise((resolve) => (socket.readyState === socket.CLOSED ? resolve(undefined) : socket.once('close', resolve))));
      for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.close(1001, 'fake Slack closing');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const socket of wss.clients) socket.terminate();
      wss.close();
    },
  };
}

function hello(connections: number): SlackJson {
  return {
    type: 'hello',
    num_connections: connections,
    connection_info: { app_id: FAKE_APP_ID },
    debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 3600 },
  };
}

/** Slack lets the ack carry a reply only where one is meaningful: slash commands, modal submits, option loads. */
function acceptsResponsePayload(type: SlackEnvelopeType, payload: object): boolean {
  if (type === 'slash_commands') return true;
  const interaction = (payload as { type?: unknown }).type;
  return type === 'interactive' && (interaction === 'view_submission' || interaction === 'block_suggestion');
}
