/**
 * The host side of a port to the engine: numbered requests, replies matched by id, events
 * to a listener. When the engine stops, every waiting request gets a typed
 * `engine.stopped` reply instead of hanging (supervisor.ts then starts a new engine).
 */
import type { Reply } from '../../../shared/errors';
import { message } from '../../../shared/messages/index';
import type { EngineEvent, EngineInit, EngineMessage, HostMessage } from './protocol';

export interface EngineClient {
  request(channel: string, payload: unknown): Promise<Reply<unknown>>;
  /** Asks the engine to close the open book; settles when it has (or has stopped). */
  close(): Promise<void>;
}

export interface ClientPort {
  post(m: HostMessage): void;
}

export interface ClientSide extends EngineClient {
  /** Sends `init` (done at once unless the client was made `lazy`). */
  begin(): void;
  /** Feed every message from the engine here. */
  receive(m: EngineMessage): void;
  /** Call when the engine is gone (exit, crash). */
  stopped(detail: string): void;
}

export function engineClient(port: ClientPort, init: EngineInit, onEvent: (e: EngineEvent) => void = () => {}, opts: { lazy?: boolean } = {}): ClientSide {
  let next = 1;
  let gone: string | null = null;
  const waiting = new Map<number, (m: EngineMessage | null) => void>();
  const ask = (make: (id: number) => HostMessage) =>
    new Promise<EngineMessage | null>((resolve) => {
      if (gone !== null) return resolve(null);
      const id = next++;
      waiting.set(id, resolve);
      port.post(make(id));
    });
  const stoppedReply = (): Reply<unknown> => {
    const params = { detail: gone ?? '' };
    return { ok: false, error: { code: 'engine.stopped', message: message(init.session.locale ?? 'zh-CN', 'engine.stopped', params), params } };
  };
  const begin = () => port.post({ type: 'init', init });
  if (!opts.lazy) begin();
  return {
    begin,
    async request(channel, payload) {
      const m = await ask((id) => ({ type: 'request', id, request: { channel, payload } }));
      return m?.type === 'reply' ? m.reply : stoppedReply();
    },
    async close() {
      await ask((id) => ({ type: 'close', id }));
    },
    receive(m) {
      if (m.type === 'event') return onEvent(m.event);
      const settle = waiting.get(m.id);
      waiting.delete(m.id);
      settle?.(m);
    },
    stopped(detail) {
      gone = detail;
      for (const settle of waiting.values()) settle(null);
      waiting.clear();
    },
  };
}
