/**
 * The harness's file endpoints, confined by real path: a download is a regular file under
 * the work folder (a folder, a device or a symlink out is "not found", never a crash or a
 * leak), a static file is under the renderer's folder compared with a trailing separator
 * (so a sibling "renderer-evil" is not "renderer"), and an upload is streamed to disk with
 * a size limit instead of being held in memory.
 */
import { createReadStream, createWriteStream, existsSync, realpathSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { sep } from 'node:path';

/** The real path of `file` if it is a regular file inside `root`; otherwise null. */
export function fileUnder(root: string, file: string): string | null {
  try {
    if (!existsSync(file)) return null;
    const real = realpathSync.native(file);
    const base = realpathSync.native(root);
    if (!real.startsWith(base.endsWith(sep) ? base : base + sep)) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

/** Streams a file to the response; a read error after the headers ends the response instead of crashing the harness. */
export async function sendFile(res: ServerResponse, file: string, headers: Record<string, string>): Promise<void> {
  res.writeHead(200, headers);
  try {
    await pipeline(createReadStream(file), res);
  } catch {
    res.destroy();
  }
}

/** Streams the request body into `path`, refusing more than `limit` bytes (the partial file is removed). */
export async function receiveFile(req: IncomingMessage, path: string, limit: number): Promise<void> {
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > limit ? new Error('too large') : null, chunk);
    },
  });
  try {
    await pipeline(req, cap, createWriteStream(path, { flags: 'wx' }));
  } catch (e) {
    rmSync(path, { force: true });
    throw e;
  }
}
