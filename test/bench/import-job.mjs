/**
 * The import benchmark's "ours": one import as the packed app runs it — the built job
 * worker (out/main/job-worker.js, which reads in the built reader thread) under the job
 * limits — in a plain Node process of its own, so that the peak RSS measured is the
 * import's and carries no TypeScript loader. Plain JavaScript for the same reason.
 * Usage: node import-job.mjs WORKER_JS JOB_INPUT_JSON RESOURCE_LIMITS_JSON
 * Prints {"ms", "peakRssMb", "message"} (the job's last message: done or error).
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

const [script, input, limits] = process.argv.slice(2);
const t = performance.now();
const worker = new Worker(script, { workerData: JSON.parse(input), resourceLimits: JSON.parse(limits) });
let message = { type: 'error', code: 'bench.noResult', params: {} };
worker.on('message', (m) => {
  if (m.type !== 'progress') message = m;
});
worker.on('error', (e) => (message = { type: 'error', code: 'bench.crashed', params: { detail: e.message } }));
await new Promise((done) => worker.on('exit', done));
const ms = performance.now() - t;
process.stdout.write(`${JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, message })}\n`);
