/**
 * A V8 CPU profile of one stretch of the benchmark (`--profile`), summarized where the time went:
 * self time by function and by source file, and inclusive time of our own functions (each sample
 * counted once per function on its stack, so recursion does not inflate it). `startHeapProfile`
 * does the same for what was allocated (`--heap`), garbage included: what makes the GC run.
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  lines: string[];
}

const SAMPLING_INTERVAL_US = 200;
/** Lines per table; `PROFILE_TOP=40 npm run bench:slack -- --profile` shows more. */
const TOP = Number(process.env.PROFILE_TOP ?? 12);

export async function startCpuProfile(): Promise<() => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    session.disconnect();
    return summarize(profile);
  };
}

const shortUrl = (url: string): string => {
  if (!url) return '(native)';
  const at = url.indexOf('/node_modules/');
  if (at >= 0) return url.slice(at + '/node_modules/'.length).split('/').slice(0, 2).join('/');
  const src = url.search(/\/(src|bench|test)\//);
  return src >= 0 ? url.slice(src + 1) : url.replace(/^node:/, 'node:');
};
// tsx hands V8 each module as one line, so line numbers say nothing: function and file only.
const frameName = (node: ProfileNode): string => `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}`;

function summarize(profile: Profile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const selfFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, k) => {
    const us = profile.timeDeltas[k + 1] ?? SAMPLING_INTERVAL_US; // a sample's time is the gap to the next
    totalUs += us;
    const node = byId.get(id)!;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + us);
    const { url, functionName } = node.callFrame;
    const fileKey = url ? shortUrl(url) : functionName.startsWith('(') ? functionName : `${functionName || '(anonymous)'} (native)`;
    selfFile.set(fileKey, (selfFile.get(fileKey) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!/\/(src)\//.test(frame.callFrame.url)) continue;
      const key = frameName(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  });
  const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
  const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([name, us]) => `  ${pct(us)}  ${name}`);
  return {
    totalMs: totalUs / 1000,
    lines: [
      'self time by file (native = better-sqlite3 and other C++, (garbage collector) = GC):', ...top(selfFile),
      'self time by function:', ...top(self),
      'inclusive time, functions in src/:', ...top(inclusive),
    ],
  };
}

interface HeapNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: HeapNode[];
}

/** Sampled allocations (every 1 KB on average), collected ones included, by file and by function. */
export async function startHeapProfile(): Promise<() => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async () => {
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: HeapNode } };
    session.disconnect();
    const byFile = new Map<string, number>();
    const byFunction = new Map<string, number>();
    let total = 0;
    const walk = (node: HeapNode): void => {
      total += node.selfSize;
      const file = node.callFrame.url ? shortUrl(node.callFrame.url) : '(native)';
      byFile.set(file, (byFile.get(file) ?? 0) + node.selfSize);
      const name = `${node.callFrame.functionName || '(anonymous)'} ${file}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
      for (const child of node.children) walk(child);
    };
    walk(profile.head);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0).padStart(7)} KB`;
    const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([name, bytes]) => `  ${kb(bytes)}  ${name}`);
    return {
      totalMs: 0,
      lines: [`allocated ${kb(total).trim()} (sampled), by file:`, ...top(byFile), 'by function:', ...top(byFunction)],
    };
  };
}
