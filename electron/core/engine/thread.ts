/**
 * The engine on a worker_thread of its own, for the web harness: a long action (demo
 * generation, an allocation run, book check) then blocks that thread only, and the
 * harness's HTTP loop keeps answering; a thread that dies is replaced with the open book
 * reopened (supervisor.ts). Under tsx/vitest the entry is the .ts file (see
 * jobs/worker-script.ts); built, it is engine-thread.js.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../jobs/worker-script';
import type { EngineClient } from './client';
import type { EngineEvent, EngineInit, EngineMessage } from './protocol';
import { superviseEngine } from './supervisor';
import { releaseOwnLock } from '../book/lock';

export interface EngineThread extends EngineClient {
  /** Stops the thread for good (after `close()` for an orderly end). */
  terminate(): Promise<void>;
  /** Tests: the running thread, to make it die. */
  readonly worker: Worker;
}

export function startEngineThread(init: EngineInit, onEvent: (e: EngineEvent) => void = () => {}): EngineThread {
  const { script, eval: isCode } = workerScript(import.meta.url, 'thread-entry.ts', 'engine-thread');
  let worker!: Worker;
  let stopped: Promise<void> = Promise.resolve();
  const engine = superviseEngine((receive, exited) => {
    const w = new Worker(script, { eval: isCode });
    worker = w;
    let gone = false;
    const exit = (detail: string) => {
      if (gone) return;
      gone = true;
      exited(detail);
    };
    w.on('message', (m: EngineMessage) => receive(m));
    w.on('error', (e) => {
      console.error('[engine]', e);
      exit(e.message);
    });
    w.on('exit', (code) => exit(`exit ${code}`));
    return { post: (m) => w.postMessage(m), kill: () => void (stopped = w.terminate().then(() => undefined)) };
  }, init, onEvent, { beforeRestart: (path) => path && releaseOwnLock(path) });
  return {
    request: engine.request,
    close: engine.close,
    get worker() {
      return worker;
    },
    terminate: async () => {
      engine.kill();
      await stopped;
    },
  };
}
