/**
 * Where a sweep's steps spend their time, measured from outside the scheduler: the ports it is
 * given are wrapped, so each page's step splits into reading the due members (listDueMembers),
 * planning them (the time between that read and the writes), and writing (enqueue + setNextChecks);
 * a digest's team page reads are timed too. Garbage-collection pauses that fall inside a step are counted
 * apart, since they land on whichever step happens to allocate.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type { SchedulerStore } from '../src/core/index.js';

export interface Step {
  startMs: number;
  endMs: number;
  members: number;
  readMs: number;
  writeMs: number;
  gcMs: number;
  /** CPU time the process used during the page: far below the page's wall time means the thread was not running (another process had the core). */
  cpuMs: number;
}

export interface StepRecorder {
  schedulerStore: SchedulerStore;
  /** Member pages since the last take(), with the GC inside each, and the digest's team page reads (ms). */
  take(): Promise<{ steps: Step[]; teamPageReadMs: number[] }>;
  close(): void;
}

/**
 * Wraps the port in a Proxy: every method passes through, whatever the port holds now; the three a
 * member page calls (and the digest's team page read) are timed on the way.
 */
export function recordSteps(inner: SchedulerStore): StepRecorder {
  let steps: Step[] = [];
  let teamPageReadMs: number[] = [];
  let current: Step | undefined;
  const gc: Array<{ startMs: number; ms: number }> = [];
  const observer = new PerformanceObserver((list) => gc.push(...list.getEntries().map((e) => ({ startMs: e.startTime, ms: e.duration }))));
  observer.observe({ entryTypes: ['gc'] });
  const timed = <T>(run: () => T): [T, number] => {
    const t0 = performance.now();
    const result = run();
    return [result, performance.now() - t0];
  };

  const wrapped: Partial<SchedulerStore> = {
    listDueMembers(nowAt, afterId, limit) {
      const cpu = process.cpuUsage();
      const startMs = performance.now();
      const members = inner.listDueMembers(nowAt, afterId, limit);
      const endMs = performance.now();
      current = members.length > 0 ? { startMs, endMs, members: members.length, readMs: endMs - startMs, writeMs: 0, gcMs: 0, cpuMs: cpu.user + cpu.system } : undefined;
      return members;
    },
    enqueue(messages, nowAt) {
      const [inserted, ms] = timed(() => inner.enqueue(messages, nowAt));
      if (current) current.writeMs += ms;
      return inserted;
    },
    setNextChecks(checks) {
      const [, ms] = timed(() => inner.setNextChecks(checks));
      if (current) {
        current.writeMs += ms;
        current.endMs = performance.now();
        const cpu = process.cpuUsage();
        current.cpuMs = (cpu.user + cpu.system - current.cpuMs) / 1000;
        steps.push(current);
        current = undefined;
      }
    },
    listTeamPage(workspaceId, afterId, limit) {
      const [page, ms] = timed(() => inner.listTeamPage(workspaceId, afterId, limit));
      teamPageReadMs.push(ms);
      return page;
    },
  };
  const schedulerStore = new Proxy(inner, {
    get: (target, property, receiver) => (property in wrapped ? wrapped[property as keyof SchedulerStore] : Reflect.get(target, property, receiver)),
  });

  return {
    schedulerStore,
    async take() {
      await new Promise((resolve) => setTimeout(resolve, 20)); // the observer reports asynchronously
      for (const step of steps) {
        step.gcMs = gc.filter((g) => g.startMs >= step.startMs && g.startMs < step.endMs).reduce((sum, g) => sum + g.ms, 0);
      }
      const taken = { steps, teamPageReadMs };
      steps = [];
      teamPageReadMs = [];
      gc.length = 0;
      return taken;
    },
    close: () => observer.disconnect(),
  };
}

/** Lines about a set of steps: the split of their time, and the slowest ones taken apart. */
export function describeSteps(steps: Step[], overMs: number): string[] {
  const sum = (pick: (s: Step) => number) => steps.reduce((total, s) => total + pick(s), 0);
  const members = sum((s) => s.members);
  const total = sum((s) => s.endMs - s.startMs);
  const read = sum((s) => s.readMs);
  const write = sum((s) => s.writeMs);
  const gc = sum((s) => s.gcMs);
  const perMember = (ms: number) => `${((1000 * ms) / Math.max(1, members)).toFixed(0)} µs a member`;
  const over = steps.filter((s) => s.endMs - s.startMs > overMs).sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs));
  const split = (s: Step) => {
    const ms = s.endMs - s.startMs;
    return `${ms.toFixed(1)} ms for ${s.members} members = read ${s.readMs.toFixed(1)} + plan ${(ms - s.readMs - s.writeMs).toFixed(1)} + write ${s.writeMs.toFixed(1)} (CPU ${s.cpuMs.toFixed(1)}${s.gcMs > 0 ? `, GC inside ${s.gcMs.toFixed(1)}` : ''})`;
  };
  const slowWrites = steps.filter((s) => s.writeMs > 10);
  return [
    `member pages: ${steps.length}, ${(total / 1000).toFixed(2)} s = read ${(read / 1000).toFixed(2)} s (${perMember(read)}) + plan ${((total - read - write) / 1000).toFixed(2)} s (${perMember(total - read - write)}) + write ${(write / 1000).toFixed(2)} s (${perMember(write)}); GC inside pages ${(gc / 1000).toFixed(2)} s`,
    `pages over ${overMs} ms: ${over.length}${over.length ? `; slowest: ${over.slice(0, 3).map(split).join('; ')}` : ''}`,
    `pages whose writes took over 10 ms: ${slowWrites.length}${slowWrites.length ? ` (max ${Math.max(...slowWrites.map((s) => s.writeMs)).toFixed(1)} ms; writes are usually ${(write / Math.max(1, steps.length)).toFixed(1)} ms a page)` : ''}`,
  ];
}
