/**
 * The Electron shell's hardening, checked with the electron module mocked (the one place
 * we mock): a sandboxed, isolated window without Node, a CSP on every response, no
 * navigation, no new windows, no permissions, only the contract's channels over IPC and
 * only from our own window.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/contract/index';

const h = vi.hoisted(() => {
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  const webContents = {
    on: vi.fn(),
    setWindowOpenHandler: vi.fn(),
    mainFrame: { id: 'main' },
  };
  const windows: { options: Record<string, unknown>; webContents: typeof webContents }[] = [];
  const exposed: Record<string, unknown> = {};
  const loaded: string[] = [];
  return { loaded, handlers, webContents, windows, exposed, onHeaders: vi.fn(), onPermission: vi.fn(), invoke: vi.fn(async () => ({ ok: true, data: null })), rendererOn: vi.fn() };
});

vi.mock('electron', () => ({
  app: { isPackaged: true },
  BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: Record<string, unknown>) {
    h.windows.push({ options, webContents: h.webContents });
    this.webContents = h.webContents;
    this.once = vi.fn();
    this.loadFile = vi.fn(async (f: string) => void h.loaded.push(`file:${f}`));
    this.loadURL = vi.fn(async (u: string) => void h.loaded.push(u));
  }),
  session: { defaultSession: { webRequest: { onHeadersReceived: h.onHeaders }, setPermissionRequestHandler: h.onPermission } },
  ipcMain: { handle: (name: string, fn: (...a: unknown[]) => unknown) => h.handlers.set(name, fn) },
  ipcRenderer: { invoke: h.invoke, on: h.rendererOn, off: vi.fn() },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (h.exposed[key] = value) },
  dialog: {},
  shell: {},
}));

describe('Electron hardening', () => {
  beforeEach(() => {
    h.windows.length = 0;
  });

  it('opens an isolated, sandboxed window without Node that cannot navigate or open windows', async () => {
    const { createWindow } = await import('./window');
    createWindow('/app/out/main');
    const prefs = h.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(h.loaded).toEqual(['app://renderer/index.html']);
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    const navigate = h.webContents.on.mock.calls.find(([event]) => event === 'will-navigate')![1] as (e: { preventDefault(): void }) => void;
    const prevent = vi.fn();
    navigate({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    const openHandler = h.webContents.setWindowOpenHandler.mock.calls[0]![0] as () => { action: string };
    expect(openHandler()).toEqual({ action: 'deny' });
    const headers = h.onHeaders.mock.calls[0]![0] as (d: { responseHeaders: object }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
    let csp = '';
    headers({ responseHeaders: {} }, (r) => (csp = r.responseHeaders['Content-Security-Policy']![0]!));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const permission = h.onPermission.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    let granted = true;
    permission(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('registers exactly the contract channels and answers only our window', async () => {
    const { registerContract, IPC_PREFIX } = await import('./ipc');
    const { createEngine } = await import('../core/engine/engine');
    const engine = createEngine({ settingsDir: '/nonexistent', booksDir: '/nonexistent' });
    const trusted = { sender: 'ours' };
    registerContract((channel, payload) => engine.handle({ channel, payload }), (e) => e === (trusted as never));
    const registered = [...h.handlers.keys()].filter((k) => k.startsWith(IPC_PREFIX)).map((k) => k.slice(IPC_PREFIX.length));
    expect(registered.sort()).toEqual([...channelNames].sort());
    const appInfo = h.handlers.get(`${IPC_PREFIX}app.info`)!;
    expect(await appInfo({ sender: 'evil' }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await appInfo(trusted, {})).toMatchObject({ ok: true });
    // Payloads are validated before the core runs.
    const create = h.handlers.get(`${IPC_PREFIX}book.create`)!;
    expect(await create(trusted, { path: 1 })).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
  });

  it('exposes only named contract functions, the engine events and the file functions to the page', async () => {
    await import('../preload/index');
    const api = h.exposed.clientLedger as { invoke: Record<string, (r: unknown) => Promise<unknown>>; shell: Record<string, unknown>; onEvent: (l: (e: unknown) => void) => () => void };
    expect(Object.keys(h.exposed)).toEqual(['clientLedger']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onEvent', 'shell']);
    // Events come on the one channel main sends them on; one with transferred ports, or not shaped like an event, is dropped.
    const got: unknown[] = [];
    api.onEvent((e) => got.push(e));
    const [channel, handler] = h.rendererOn.mock.calls.at(-1)! as [string, (e: { ports: unknown[] }, ev: unknown) => void];
    expect(channel).toBe('engine:event');
    handler({ ports: [] }, { type: 'book.changed', tables: ['customer'] });
    handler({ ports: [{}] }, { type: 'book.changed', tables: ['x'] });
    handler({ ports: [] }, 'not an event');
    expect(got).toEqual([{ type: 'book.changed', tables: ['customer'] }]);
    expect(Object.keys(api.invoke).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(api.shell).sort()).toEqual(['onNavigate', 'openFile', 'reveal', 'savePath']);
    expect(Object.isFrozen(api.invoke)).toBe(true);
    await api.invoke['app.info']!({});
    expect(h.invoke).toHaveBeenCalledWith('cl:app.info', {});
  });
});
