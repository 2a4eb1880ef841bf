/**
 * Main's side of the engine: forks the engine's utilityProcess (engine-process.ts, built
 * beside index.js as engine.js) and routes typed messages to and fro; if it dies, the
 * supervisor forks a new one with the open book reopened (core/engine/supervisor.ts).
 * Main holds no book and runs no core code; a request waits in the engine, never on the
 * window's thread.
 */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { superviseEngine, type SupervisedEngine } from '../core/engine/supervisor';
import type { EngineEvent, EngineInit, EngineMessage } from '../core/engine/protocol';

export type EngineProcess = SupervisedEngine;

export function startEngineProcess(mainDir: string, init: EngineInit, onEvent: (e: EngineEvent) => void): EngineProcess {
  return superviseEngine((receive, exited) => {
    // Messages posted before the child is up are queued by Electron (docs: api/utility-process).
    const child = utilityProcess.fork(join(mainDir, 'engine.js'), [], { serviceName: 'Client Ledger engine', stdio: 'inherit' });
    child.on('message', (m: EngineMessage) => receive(m));
    child.on('exit', (code) => exited(`exit ${code}`));
    return { post: (m) => child.postMessage(m), kill: () => void child.kill() };
  }, init, onEvent);
}
