/**
 * The engine's utilityProcess entry (bundled as out/main/engine.js): the core — book,
 * service dispatch, jobs — served on Electron's parentPort, so demo generation, an
 * allocation run or `book check` never run on the main process that draws the window.
 * `process.parentPort` is Electron's, present only in a utility process.
 */
import type { HostMessage } from '../core/engine/protocol';
import { serveEngine } from '../core/engine/serve';

const port = process.parentPort;
serveEngine({ onMessage: (listener) => port.on('message', (e) => listener(e.data as HostMessage)), post: (m) => port.postMessage(m) });
