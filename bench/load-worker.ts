/** The load thread started by `startLoadClient`: runs one job at a time and posts back its samples. */
import { parentPort, workerData } from 'node:worker_threads';
import { makeJobRunner, type LoadJob, type LoadWorkerData } from './load.js';

const run = makeJobRunner(workerData as LoadWorkerData);

parentPort!.on('message', (message: { id: number; job: LoadJob }) => {
  run(message.job).then(
    (result) => parentPort!.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
