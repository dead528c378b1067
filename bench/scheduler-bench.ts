/**
 * `npm run bench:scheduler` (also the last part of `npm run bench`): the scheduler's sweep over
 * 100,000 credentials (bench/sweep-bench.ts) and its outbox drain against the Slack and Discord
 * fakes (bench/drain-bench.ts). `--profile` adds a CPU profile summary of each sweep stage.
 * Targets (issue 5): sweep under 1 s with no step over 20 ms; drain at 90% or more of the allowed
 * rate with no limit exceeded. Printed as PASS/MISS next to the figures; nothing is asserted.
 */
import { pathToFileURL } from 'node:url';
import { runDrainBench } from './drain-bench.js';
import { runSweepBench } from './sweep-bench.js';

export async function runSchedulerBench(options: { profile?: boolean } = {}): Promise<void> {
  console.log(`\nscheduler: node ${process.version}`);
  await runSweepBench(options);
  await runDrainBench();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSchedulerBench({ profile: process.argv.includes('--profile') });
}
