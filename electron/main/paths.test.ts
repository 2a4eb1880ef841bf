/**
 * Paths from the user only (issue 16, break 4), in the Electron shell with the electron
 * module mocked: a contract call carrying a path main's dialogs never handed out is refused
 * before the engine sees it; every shell channel checks its sender; the window loads our
 * app:// scheme, which serves the renderer's folder only; the packaged app's fuses are set.
 */
import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  handlers: new Map<string, (...a: unknown[]) => unknown>(),
  showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/li/发票/r1.pdf'] })),
  showItemInFolder: vi.fn(),
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (name: string, fn: (...a: unknown[]) => unknown) => h.handlers.set(name, fn) },
  dialog: { showOpenDialog: h.showOpenDialog, showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/li/out.xlsx' })) },
  shell: { showItemInFolder: h.showItemInFolder },
  BrowserWindow: vi.fn(),
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
}));

const ours = { sender: 'ours' };
const evil = { sender: 'evil' };
const trusted = (e: unknown) => e === ours;

describe('paths from the user only', () => {
  beforeEach(() => {
    h.handlers.clear();
    h.showOpenDialog.mockClear();
    h.showItemInFolder.mockClear();
  });

  it('refuses a path no dialog handed out; accepts it once the open dialog did', async () => {
    const { PathGrants } = await import('./path-grants');
    const { registerContract, IPC_PREFIX } = await import('./ipc');
    const { registerShell } = await import('./shell');
    const grants = new PathGrants('/home/li/Documents/客户费用账本', ['/home/li/.config/client-ledger']);
    const route = vi.fn(async () => ({ ok: true as const, data: null }));
    registerContract(route, trusted, grants);
    registerShell(() => null, trusted, grants);
    const attach = h.handlers.get(`${IPC_PREFIX}claims.attach`)!;
    for (const path of ['/etc/passwd', '/home/li/发票/r1.pdf', '../../etc/passwd', '/dev/zero']) {
      expect(await attach(ours, { id: 1, path })).toMatchObject({ ok: false, error: { code: 'path.notGranted' } });
    }
    expect(route).not.toHaveBeenCalled();
    expect(await h.handlers.get('shell:openFile')!(ours, { extensions: ['pdf'] })).toBe('/home/li/发票/r1.pdf');
    expect(await attach(ours, { id: 1, path: '/home/li/发票/r1.pdf' })).toMatchObject({ ok: true });
    // The books folder and the app's own folders need no dialog; a bare book name is in the books folder.
    expect(await h.handlers.get(`${IPC_PREFIX}book.open`)!(ours, { path: '示例账套.book' })).toMatchObject({ ok: true });
    expect(await h.handlers.get(`${IPC_PREFIX}backups.restore`)!(ours, { path: 'co.book', backup: '/tmp/evil.book' })).toMatchObject({ error: { code: 'path.notGranted' } });
  });

  it('every shell channel answers our window only, and reveals only granted paths', async () => {
    const { PathGrants } = await import('./path-grants');
    const { registerShell } = await import('./shell');
    const grants = new PathGrants('/books', []);
    registerShell(() => null, trusted, grants);
    expect(await h.handlers.get('shell:openFile')!(evil, { extensions: ['xlsx'] })).toBeNull();
    expect(await h.handlers.get('shell:savePath')!(evil, { defaultName: 'x.xlsx' })).toBeNull();
    expect(h.showOpenDialog).not.toHaveBeenCalled();
    h.handlers.get('shell:reveal')!(evil, '/books/a.book');
    h.handlers.get('shell:reveal')!(ours, '/etc/shadow');
    expect(h.showItemInFolder).not.toHaveBeenCalled();
    h.handlers.get('shell:reveal')!(ours, '/books/a.book');
    expect(h.showItemInFolder).toHaveBeenCalledWith('/books/a.book');
  });

  it('app:// serves the renderer folder only', async () => {
    const { rendererFile } = await import('./app-protocol');
    expect(rendererFile('/app/out/renderer', 'app://renderer/index.html')).toBe('/app/out/renderer/index.html');
    expect(rendererFile('/app/out/renderer', 'app://renderer/assets/a.js')).toBe('/app/out/renderer/assets/a.js');
    expect(rendererFile('/app/out/renderer', 'app://renderer/%2e%2e%2f%2e%2e%2fmain%2findex.js')).toBeNull();
    expect(rendererFile('/app/out/renderer', 'app://renderer/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(rendererFile('/app/out/renderer', 'app://other/index.html')).toBeNull();
    expect(rendererFile('/app/out/renderer', 'file:///etc/passwd')).toBeNull();
  });

  it('the packaged app has RunAsNode, NODE_OPTIONS and --inspect off and asar integrity on', () => {
    const config = JSON.parse(readFileSync(join(process.cwd(), 'build/electron-builder.json'), 'utf8')) as { afterPack: string };
    expect(config.afterPack).toBe('build/fuses.cjs');
    const hook = createRequire(import.meta.url)(join(process.cwd(), config.afterPack)) as { fuses: Record<number, boolean>; binaryPath(c: unknown): string };
    expect(hook.fuses).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    const context = (platform: string) => ({ electronPlatformName: platform, appOutDir: '/out', packager: { executableName: 'client-ledger', appInfo: { productFilename: '客户费用账本' } } });
    expect(hook.binaryPath(context('win32'))).toBe(join('/out', '客户费用账本.exe'));
    expect(hook.binaryPath(context('darwin'))).toBe(join('/out', '客户费用账本.app'));
    expect(hook.binaryPath(context('linux'))).toBe(join('/out', 'client-ledger'));
  });
});
