/**
 * The loopback web harness: the built renderer plus the engine (on a thread of its own) on
 * 127.0.0.1, a random port and a per-run token. It lets the whole UI run in a browser against a real book on a
 * machine without Electron (e2e tests, development). It is not a product server: it binds
 * to loopback only and every API call must carry the token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileUnder, receiveFile, sendFile } from './files';
import { safeFileName } from '../../shared/file-name';
import { startEngineThread, type EngineThread } from '../core/engine/thread';
import { BookView } from './book-view';
import type { EngineEvent } from '../../shared/contract/events';

export interface WebHarness {
  url: string;
  token: string;
  server: Server;
  /** The engine's open book on a second connection, for tests (see book-view.ts). */
  session: BookView;
  /** The engine thread (tests make it die to see the restart). */
  engine: EngineThread;
  close(): Promise<void>;
}

export interface WebHarnessOptions {
  /** The built renderer (vite build --config vite.web.config.ts). */
  staticDir: string;
  /** Books, uploads and exports live here. */
  workDir: string;
  port?: number;
  locale?: 'zh-CN' | 'en';
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
};

/** The same CSP as the Electron window: only our own scripts, no remote content. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const MAX_UPLOAD = 200 * 1024 * 1024;

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startWebHarness(options: WebHarnessOptions): Promise<WebHarness> {
  const token = randomBytes(24).toString('hex');
  const uploads = join(options.workDir, 'uploads');
  const exportsDir = join(options.workDir, 'exports');
  for (const d of [uploads, exportsDir]) mkdirSync(d, { recursive: true });
  // The engine runs on its own thread: a long action blocks it, never this HTTP loop.
  const session = new BookView();
  // The engine's push events go to every page listening on /events (Server-Sent Events:
  // one long GET, plain text lines `data: JSON`, docs: html.spec.whatwg.org server-sent events).
  const listeners = new Set<ServerResponse>();
  const push = (event: EngineEvent) => {
    if (event.type === 'book.opened') session.changed(event.path);
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(line);
  };
  const engine = startEngineThread(
    {
      session: {
        settingsDir: options.workDir,
        booksDir: options.workDir,
        autoBackup: true,
        // Every path the page sends is confined to the work folder by real path (core/files/paths.ts); keys and settings stay out of reach.
        confineTo: options.workDir,
        internalDirs: [join(options.workDir, 'keys'), join(options.workDir, 'recent-books.json')],
        ...(options.locale ? { locale: options.locale } : {}),
      },
    },
    push,
  );
  // A comment line now and then keeps idle connections open through proxies and sleeping laptops.
  const heartbeat = setInterval(() => {
    for (const res of listeners) res.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();
  const staticRoot = resolve(options.staticDir);

  const authorised = (req: IncomingMessage, url: URL): boolean => {
    const given = String(req.headers['x-client-ledger-token'] ?? url.searchParams.get('token') ?? '');
    return given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(req, url)) return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'bad token' } });
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'method', message: 'POST only' } });
      if (url.pathname === '/api/upload') {
        const name = safeFileName(basename(url.searchParams.get('name') ?? 'upload.xlsx'), 'upload.xlsx');
        const dir = join(uploads, randomBytes(6).toString('hex'));
        mkdirSync(dir);
        const path = join(dir, name);
        try {
          await receiveFile(req, path, MAX_UPLOAD);
        } catch {
          return send(res, 413, { ok: false, error: { code: 'upload.failed', message: 'upload too large or interrupted' } });
        }
        return send(res, 200, { ok: true, data: { path } });
      }
      if (url.pathname === '/api/save-path') {
        const name = safeFileName(basename(url.searchParams.get('name') ?? 'export.xlsx'), 'export.xlsx');
        const dir = join(exportsDir, randomBytes(6).toString('hex'));
        mkdirSync(dir);
        return send(res, 200, { ok: true, data: { path: join(dir, name) } });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      let payload: unknown;
      try {
        payload = JSON.parse((await readBody(req, 10 * 1024 * 1024)).toString('utf8') || '{}');
      } catch {
        return send(res, 400, { ok: false, error: { code: 'payload.invalid', message: 'body is not JSON' } });
      }
      return send(res, 200, await engine.request(channel, payload));
    }
    if (url.pathname === '/events') {
      // EventSource cannot send headers: the token comes in the query, as for /download.
      if (!authorised(req, url)) return send(res, 403, { error: 'bad token' });
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname === '/download') {
      if (!authorised(req, url)) return send(res, 403, { error: 'bad token' });
      // Only files this harness handed out (exports) or that the core wrote under workDir.
      const file = fileUnder(options.workDir, resolve(url.searchParams.get('path') ?? ''));
      if (!file) return send(res, 404, { error: 'not found' });
      return sendFile(res, file, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(file))}`,
      });
    }
    // Static renderer files; anything unknown falls back to index.html (single-page app).
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const file = fileUnder(staticRoot, resolve(staticRoot, '.' + pathname)) ?? fileUnder(staticRoot, join(staticRoot, 'index.html'));
    if (!file) return send(res, 500, { error: 'renderer not built: run npm run build:web' });
    return sendFile(res, file, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: String(e) } });
    });
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  return {
    url,
    token,
    server,
    session,
    engine,
    close: async () => {
      clearInterval(heartbeat);
      for (const res of listeners) res.end();
      listeners.clear();
      session.close();
      await engine.close();
      await engine.terminate();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
