/** The web harness's engine thread (see thread.ts): the engine served on this worker's port. */
import { parentPort } from 'node:worker_threads';
import type { HostMessage } from './protocol';
import { serveEngine } from './serve';

const port = parentPort!;
serveEngine({ onMessage: (listener) => port.on('message', (m: HostMessage) => listener(m)), post: (m) => port.postMessage(m) });
