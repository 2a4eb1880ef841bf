/**
 * The renderer's only door to the core. In Electron the preload exposes the contract's
 * channels as named functions on window.clientLedger; in the web harness the same calls
 * go over loopback HTTP with the per-run token. Pages call `api(channel, request)` (through
 * TanStack Query, see queries.ts) and get typed data or a thrown ApiError carrying the
 * core's message in the UI language. The engine's push events (shared/contract/events.ts)
 * reach `subscribe` listeners: over IPC in Electron, over Server-Sent Events on the web.
 */
import type { ChannelName, Req, Res } from '../../../shared/contract/index';
import type { Reply } from '../../../shared/errors';
import type { ShellApi } from '../../../shared/shell';
import type { EngineEvent } from '../../../shared/contract/events';
import { followEventSource } from './event-source';

import { ApiError } from './api-error';

export { ApiError };

/** What to show for a failed call: the core's message in the UI language (or the error's own text). */
export const errorText = (e: unknown): string => (e instanceof ApiError ? e.message : String(e));

declare global {
  interface Window {
    clientLedger?: {
      invoke: Record<string, (req: unknown) => Promise<Reply<unknown>>>;
      shell: ShellApi;
      onEvent: (listener: (e: EngineEvent) => void) => () => void;
    };
  }
}

function webToken(): string {
  const fromHash = /token=([0-9a-f]+)/.exec(window.location.hash)?.[1];
  if (fromHash) sessionStorage.setItem('client-ledger-token', fromHash);
  return fromHash ?? sessionStorage.getItem('client-ledger-token') ?? '';
}

const isElectron = typeof window !== 'undefined' && window.clientLedger !== undefined;

async function webInvoke(channel: string, req: unknown): Promise<Reply<unknown>> {
  const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-ledger-token': webToken() },
    body: JSON.stringify(req ?? {}),
  });
  return (await res.json()) as Reply<unknown>;
}

export async function api<K extends ChannelName>(channel: K, req: Req<K>): Promise<Res<K>> {
  const invoke = isElectron ? window.clientLedger!.invoke[channel] : (r: unknown) => webInvoke(channel, r);
  if (!invoke) throw new ApiError('channel.unknown', channel);
  const reply = await invoke(req);
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
  return reply.data as Res<K>;
}

const listeners = new Set<(e: EngineEvent) => void>();
let connected = false;

/**
 * One connection to the engine's events for the page's whole life, opened with the first
 * listener and never closed: an event pushed while it reconnected would be lost (a short
 * job's whole life fits in that gap); a drop the browser reconnects after resyncs the cache.
 */
function connectEvents(): void {
  const deliver = (e: EngineEvent) => {
    for (const l of [...listeners]) l(e);
  };
  if (isElectron) return void window.clientLedger!.onEvent(deliver);
  // EventSource reconnects by itself after a drop; a reconnection resyncs (event-source.ts).
  followEventSource(new EventSource(`/events?token=${webToken()}`), deliver);
}

/** Listens to every engine event; returns the unsubscribe function. */
export function subscribe(listener: (e: EngineEvent) => void): () => void {
  listeners.add(listener);
  if (!connected) {
    connected = true;
    connectEvents();
  }
  return () => void listeners.delete(listener);
}

/** Files: native dialogs in Electron; upload / download through the harness on the web. */
export const files: ShellApi = isElectron
  ? window.clientLedger!.shell
  : {
      async openFile(options) {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = options.extensions.map((e) => `.${e}`).join(',');
        const file = await new Promise<File | null>((ok) => {
          input.onchange = () => ok(input.files?.[0] ?? null);
          input.click();
        });
        return file ? uploadFile(file) : null;
      },
      async savePath(options) {
        const res = await fetch(`/api/save-path?name=${encodeURIComponent(options.defaultName)}`, {
          method: 'POST',
          headers: { 'x-client-ledger-token': webToken() },
        });
        const reply = (await res.json()) as Reply<{ path: string }>;
        return reply.ok ? reply.data.path : null;
      },
      onNavigate: () => () => {},
      async reveal(path) {
        const a = document.createElement('a');
        a.href = `/download?path=${encodeURIComponent(path)}&token=${webToken()}`;
        a.download = path.split(/[\\/]/).pop() ?? 'export.xlsx';
        document.body.append(a);
        a.click();
        a.remove();
      },
    };

/** Drag-and-drop and <input type=file> give a File; the web harness needs it uploaded. */
export async function uploadFile(file: File): Promise<string> {
  const electronPath = (file as File & { path?: string }).path;
  if (isElectron && electronPath) return electronPath;
  const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'x-client-ledger-token': webToken() },
    body: file,
  });
  const reply = (await res.json()) as Reply<{ path: string }>;
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
  return reply.data.path;
}
