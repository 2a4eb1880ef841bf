/**
 * The window loads the renderer from app://renderer/… instead of file://: a file:// page
 * can read other file:// URLs, a custom scheme serves only the renderer's folder (checked
 * by resolved path with a trailing separator). Registered as privileged before the app is
 * ready (standard + secure, so 'self' in the CSP means app://renderer).
 * Ref: Electron's security checklist, "Avoid usage of the file:// protocol".
 */
import { net, protocol } from 'electron';
import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;

/** Before app.whenReady(). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The file a URL of ours names inside `rendererDir`, or null for anything else. */
export function rendererFile(rendererDir: string, url: string): string | null {
  const u = new URL(url);
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== 'renderer') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  const root = resolve(rendererDir);
  const file = resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(root + sep) ? file : null;
}

/** After ready: serve the renderer's files, nothing else. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFile(rendererDir, request.url);
    return file ? net.fetch(pathToFileURL(file).toString()) : new Response('not found', { status: 404 });
  });
}
