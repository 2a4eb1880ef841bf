/**
 * Main's side of the engine: forks the engine's utilityProcess (engine-process.ts, built
 * beside index.js as engine.js) and routes typed messages to and fro. Main holds no book
 * and runs no core code; a request waits in the engine, never on the window's thread.
 */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { engineClient, type EngineClient } from '../core/engine/client';
import type { EngineEvent, EngineInit, EngineMessage } from '../core/engine/protocol';

export interface EngineProcess extends EngineClient {
  kill(): void;
}

export function startEngineProcess(mainDir: string, init: EngineInit, onEvent: (e: EngineEvent) => void): EngineProcess {
  // Messages posted before the child is up are queued by Electron (docs: api/utility-process).
  const child = utilityProcess.fork(join(mainDir, 'engine.js'), [], { serviceName: 'Client Ledger engine', stdio: 'inherit' });
  const client = engineClient({ post: (m) => child.postMessage(m) }, init, onEvent);
  child.on('message', (m: EngineMessage) => client.receive(m));
  child.on('exit', (code) => {
    if (code !== 0) console.error(`[engine] exited with ${code}`);
    client.stopped(`exit ${code}`);
  });
  return { request: client.request, close: client.close, kill: () => void child.kill() };
}
