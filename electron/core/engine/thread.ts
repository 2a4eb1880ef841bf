/**
 * The engine on a worker_thread of its own, for the web harness: a long action (demo
 * generation, an allocation run, book check) then blocks that thread only, and the
 * harness's HTTP loop keeps answering. Under tsx/vitest the entry is the .ts file (see
 * jobs/worker-script.ts); built, it is engine-thread.js.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../jobs/worker-script';
import { engineClient, type EngineClient } from './client';
import type { EngineEvent, EngineInit, EngineMessage } from './protocol';

export interface EngineThread extends EngineClient {
  /** Stops the thread (after `close()` for an orderly end). */
  terminate(): Promise<void>;
}

export function startEngineThread(init: EngineInit, onEvent?: (e: EngineEvent) => void): EngineThread {
  const { script, eval: isCode } = workerScript(import.meta.url, 'thread-entry.ts', 'engine-thread');
  const worker = new Worker(script, { eval: isCode });
  const client = engineClient({ post: (m) => worker.postMessage(m) }, init, onEvent);
  worker.on('message', (m: EngineMessage) => client.receive(m));
  worker.on('error', (e) => {
    console.error('[engine]', e);
    client.stopped(e.message);
  });
  worker.on('exit', (code) => client.stopped(`exit ${code}`));
  return {
    request: client.request,
    close: client.close,
    terminate: async () => void (await worker.terminate()),
  };
}
