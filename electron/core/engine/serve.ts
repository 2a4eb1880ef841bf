/**
 * The engine side of a port: waits for `init`, then answers each request with its reply
 * and pushes events. Shared by the utilityProcess entry (electron/main/engine-process.ts)
 * and the web harness's worker_thread (thread-entry.ts), which differ only in their port.
 */
import { createEngine, type Engine } from './engine';
import type { EngineMessage, HostMessage } from './protocol';

export interface EnginePort {
  onMessage(listener: (m: HostMessage) => void): void;
  post(m: EngineMessage): void;
}

export function serveEngine(port: EnginePort): void {
  let engine: Engine | null = null;
  // Requests that arrive while the start book opens wait behind it, in order.
  let ready: Promise<void> = Promise.resolve();
  port.onMessage((m) => {
    if (m.type === 'init') {
      engine = createEngine(m.init.session, (event) => port.post({ type: 'event', event }));
      if (m.init.reopen) ready = engine.reopen(m.init.reopen).catch(() => undefined);
      else if (m.init.openAtStart) ready = engine.openAtStart().catch(() => undefined);
      return;
    }
    const e = engine;
    if (!e) throw new Error('engine: a request before init');
    if (m.type === 'request') {
      void ready.then(() => e.handle(m.request)).then((reply) => port.post({ type: 'reply', id: m.id, reply }));
    } else {
      void ready.then(() => {
        try {
          e.close();
        } finally {
          port.post({ type: 'closed', id: m.id });
        }
      });
    }
  });
}
