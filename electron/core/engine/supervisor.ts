/**
 * A host's hold on its engine (Electron's utilityProcess, the harness's worker_thread):
 * when the engine dies unexpectedly, every request in flight fails typed
 * (`engine.stopped`, client.ts), a new engine starts with the book that was open
 * reopened, and `engine.restarted` is pushed so the UI shows one message. More than
 * MAX_RESTARTS deaths within a minute stop the restarts (a crash at start would loop).
 */
import type { EngineClient } from './client';
import { engineClient } from './client';
import type { EngineEvent, EngineInit, EngineMessage, HostMessage } from './protocol';

/** Starts one engine; `exited` is called once when it is gone. */
export type SpawnEngine = (receive: (m: EngineMessage) => void, exited: (detail: string) => void) => { post(m: HostMessage): void; kill(): void };

export interface SupervisedEngine extends EngineClient {
  /** Ends the engine for good (no restart). */
  kill(): void;
}

const MAX_RESTARTS = 3;
const WINDOW_MS = 60_000;

export interface SuperviseOptions {
  /** Called with the book the dead engine had open, before the new one reopens it. */
  beforeRestart?: (openPath: string | null) => void;
}

export function superviseEngine(spawn: SpawnEngine, init: EngineInit, onEvent: (e: EngineEvent) => void, options: SuperviseOptions = {}): SupervisedEngine {
  let openPath: string | null = null;
  let ending = false;
  const deaths: number[] = [];
  const forward = (e: EngineEvent) => {
    if (e.type === 'book.opened') openPath = e.path;
    onEvent(e);
  };
  const start = (first: boolean) => {
    const again: EngineInit = { session: init.session, ...(openPath ? { reopen: openPath } : {}) };
    let child: ReturnType<SpawnEngine> | null = null;
    const client = engineClient({ post: (m) => child!.post(m) }, first ? init : again, forward, { lazy: true });
    child = spawn(client.receive, (detail) => {
      client.stopped(detail);
      if (ending) return;
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && now - deaths[0]! > WINDOW_MS) deaths.shift();
      if (deaths.length > MAX_RESTARTS) return console.error(`[engine] stopped ${deaths.length} times within a minute: not restarting`);
      console.error(`[engine] stopped (${detail}); restarting`);
      options.beforeRestart?.(openPath);
      current = start(false);
      onEvent({ type: 'engine.restarted', detail });
    });
    client.begin();
    return { client, child };
  };
  let current = start(true);
  return {
    request: (channel, payload) => current.client.request(channel, payload),
    close: () => current.client.close(),
    kill: () => {
      ending = true;
      current.child.kill();
    },
  };
}
