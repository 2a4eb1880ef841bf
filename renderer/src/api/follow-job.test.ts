/** Following a job: its end arrives as an event, or — when the event stream lost it in a reconnection — from one `jobs.outcome` question. */
import { beforeEach, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/contract/events';
import type { JobOutcome } from '../../../shared/contract/jobs';
import { RESYNC } from './event-source';
import { followJob, type Engine } from './follow-job';

const listeners = new Set<(e: EngineEvent) => void>();
const asked: string[] = [];
let outcome: JobOutcome = { state: 'running' };
const engine: Engine = {
  subscribe: (l) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
  outcome: (jobId) => {
    asked.push(`jobs.outcome ${jobId}`);
    return Promise.resolve(outcome);
  },
  onError: (e) => {
    throw e;
  },
};
const runJob = <R>(start: () => Promise<{ jobId: string }>) => followJob<R>(engine, start);
const push = (e: EngineEvent) => [...listeners].forEach((l) => l(e));
const settled = async <T>(p: Promise<T>) => Promise.race([p.then((v) => ({ v }), (e: unknown) => ({ e })), new Promise((ok) => setTimeout(() => ok('pending'), 20))]);

beforeEach(() => {
  listeners.clear();
  asked.length = 0;
  outcome = { state: 'running' };
});

it('a job whose job.done was pushed during a reconnection still resolves, with its result', async () => {
  const job = runJob<{ rows: number }>(() => Promise.resolve({ jobId: 'j1' }));
  await job.jobId;
  outcome = { state: 'done', result: { rows: 7 } };
  push(RESYNC);
  expect(await settled(job.result)).toEqual({ v: { rows: 7 } });
  expect(asked).toEqual(['jobs.outcome j1']);
  expect(listeners.size).toBe(0);
});

it('a job still running after the reconnection waits for its event; a failure found by asking rejects typed', async () => {
  const job = runJob<number>(() => Promise.resolve({ jobId: 'j2' }));
  await job.jobId;
  push(RESYNC);
  expect(await settled(job.result)).toBe('pending');
  push({ type: 'job.done', jobId: 'j2', job: 'import', result: 3 });
  expect(await settled(job.result)).toEqual({ v: 3 });

  const failing = runJob<number>(() => Promise.resolve({ jobId: 'j3' }));
  await failing.jobId;
  outcome = { state: 'failed', error: { code: 'report.writeFailed', message: '无法写入文件' } };
  push(RESYNC);
  const r = (await settled(failing.result)) as { e: { code: string; message: string } };
  expect([r.e.code, r.e.message]).toEqual(['report.writeFailed', '无法写入文件']);
});

it('other jobs’ events and ordinary changes ask nothing', async () => {
  const job = runJob<number>(() => Promise.resolve({ jobId: 'j4' }));
  await job.jobId;
  push({ type: 'book.changed', tables: ['customer'] });
  push({ type: 'job.done', jobId: 'other', job: 'import', result: 1 });
  expect(await settled(job.result)).toBe('pending');
  expect(asked).toEqual([]);
});
