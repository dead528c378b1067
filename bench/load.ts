/**
 * Load shapes for HTTP benchmarks: signed form posts over node:http, sent at a fixed rate (a timer
 * tick sends whatever is due, so slow answers never lower the offered rate) or all at once, from a
 * worker thread (`startLoadClient`, bench/load-worker.ts).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { makeSlashCommand, signSlackRequest } from '../test/fakes/slack-requests.js';

export interface Sample {
  /** From handing the request to node:http to the last byte of the response. */
  ns: bigint;
  /** HTTP status; 0 when the request failed on the network (or timed out). */
  status: number;
  body: string;
  error?: string;
}

export type Send = () => Promise<Sample>;

const TIMEOUT_MS = 10_000;

/** A keep-alive pool; one per app and phase, so no phase inherits another's warm sockets. */
export function makeAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });
}

/**
 * A form post signed the way Slack signs it, with a fresh timestamp each time. The body and the
 * signature are made before the clock starts: that is the sender's work, not the server's.
 */
export function postSignedForm(url: string, secret: string, agent: Agent, makeBody: () => string): Send {
  const target = new URL(url);
  return () => {
    const body = makeBody();
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      ...signSlackRequest(secret, body),
    };
    return new Promise<Sample>((resolve) => {
      let settled = false;
      const t0 = process.hrtime.bigint();
      const done = (status: number, text: string, error?: string) => {
        if (settled) return;
        settled = true;
        resolve({ ns: process.hrtime.bigint() - t0, status, body: text, ...(error === undefined ? {} : { error }) });
      };
      const req = request(target, { method: 'POST', agent, headers, timeout: TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
        res.on('error', (error) => done(0, '', error.message));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
      req.on('error', (error) => done(0, '', error.message));
      req.end(body);
    });
  };
}

export interface RateResult {
  samples: Sample[];
  /** Requests sent per second, first send to last. */
  achievedPerSecond: number;
  /** The latest any request left after its due time: how far the timer fell behind. */
  maxSendLagMs: number;
}

/** Request k is due at k / perSecond; every tick sends all that are due, late ones included. */
export async function atFixedRate(send: Send, perSecond: number, seconds: number, tickMs = 10): Promise<RateResult> {
  const total = Math.round(perSecond * seconds);
  const inFlight: Array<Promise<Sample>> = [];
  const sentAt: number[] = [];
  let maxSendLagMs = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      while (inFlight.length < total) {
        const dueMs = (inFlight.length * 1000) / perSecond;
        const now = performance.now() - start;
        if (dueMs > now) break;
        maxSendLagMs = Math.max(maxSendLagMs, now - dueMs);
        sentAt.push(now);
        inFlight.push(send());
      }
      if (inFlight.length === total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, tickMs);
    tick();
  });
  const samples = await Promise.all(inFlight);
  const spanS = ((sentAt[sentAt.length - 1] ?? 0) - (sentAt[0] ?? 0)) / 1000;
  return { samples, achievedPerSecond: spanS > 0 ? (total - 1) / spanS : Number.NaN, maxSendLagMs };
}

/** `count` requests started in one go, all in flight together. */
export async function inBurst(send: Send, count: number): Promise<Sample[]> {
  return Promise.all(Array.from({ length: count }, () => send()));
}

/** `count` requests, `concurrency` at a time: warm-up, not measurement. */
export async function inBatches(send: Send, count: number, concurrency: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let done = 0; done < count; done += concurrency) {
    samples.push(...(await inBurst(send, Math.min(concurrency, count - done))));
  }
  return samples;
}

/** What the load thread is asked to do; each job gets a fresh keep-alive pool. */
export type LoadJob =
  | { kind: 'rate'; url: string; perSecond: number; seconds: number }
  | { kind: 'burst'; url: string; count: number }
  | { kind: 'batches'; url: string; count: number; concurrency: number };

export interface LoadWorkerData {
  secret: string;
  /** Where the slash commands' response_url points (the fake Slack). */
  origin: string;
  /** The `/ceu` text to send; each request gets its own trigger_id and response_url. */
  text: string;
}

/** Builds the job's sender (its own keep-alive pool, destroyed after) and runs the load shape. */
export function makeJobRunner(data: LoadWorkerData): (job: LoadJob) => Promise<unknown> {
  let hook = 0;
  const fake = { responseUrl: () => `${data.origin}/respond/bench-${++hook}` };
  const body = () => new URLSearchParams(makeSlashCommand(fake, data.text)).toString();
  return async (job) => {
    const agent = makeAgent();
    try {
      const send = postSignedForm(job.url, data.secret, agent, body);
      if (job.kind === 'rate') return await atFixedRate(send, job.perSecond, job.seconds);
      if (job.kind === 'burst') return { samples: await inBurst(send, job.count) };
      return { samples: await inBatches(send, job.count, job.concurrency) };
    } finally {
      agent.destroy();
    }
  };
}

export interface LoadClient {
  run(job: LoadJob & { kind: 'rate' }): Promise<RateResult>;
  run(job: LoadJob): Promise<{ samples: Sample[] }>;
  close(): Promise<void>;
}

/**
 * The sender on a thread of its own, so its event loop never waits on the server's work and the
 * server's never on its own: a latency is the server's plus loopback, as with a remote Slack.
 * Workers do not inherit tsx's hooks on Node 20, so the worker registers them before loading
 * the TypeScript entry.
 */
export function startLoadClient(data: LoadWorkerData): LoadClient {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./load-worker.ts', import.meta.url).href;
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData: data });
  let next = 0;
  const waiting = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.result as never);
  });
  const failAll = (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`load thread exited (${code})`)));
  return {
    run: (job: LoadJob) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, job });
      }),
    close: () => worker.terminate().then(() => undefined),
  } as LoadClient;
}
