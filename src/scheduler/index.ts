export { createScheduler, type Scheduler, type SchedulerOptions } from './create-scheduler.js';
export type { DrainStats } from './drain-outbox.js';
export type { SweepStats } from './sweep.js';
