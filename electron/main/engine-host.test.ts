/**
 * Main only routes: a request goes to the engine's utilityProcess and its reply comes
 * back; pushed events reach the window's listener; a dead engine answers typed instead of
 * hanging. The electron module is mocked (utilityProcess.fork gives a fake child that
 * runs the real engine protocol in this process, as the child would).
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent, EngineMessage, HostMessage } from '../core/engine/protocol';
import { serveEngine } from '../core/engine/serve';

const h = vi.hoisted(() => ({ forks: [] as { path: string; options: Record<string, unknown>; child: unknown }[] }));

class FakeChild extends EventEmitter {
  private readonly toEngine = new EventEmitter();
  constructor() {
    super();
    // What engine-process.ts does with process.parentPort, here over an in-process emitter.
    serveEngine({ onMessage: (l) => this.toEngine.on('m', l), post: (m: EngineMessage) => setImmediate(() => this.muted || this.emit('message', structuredClone(m))) });
  }
  postMessage(m: HostMessage) {
    setImmediate(() => this.toEngine.emit('m', structuredClone(m)));
  }
  kill = vi.fn(() => true);
  private muted = false;
  /** A real dead process holds no book lock; this in-process engine must let go of its book first. */
  async releaseBook() {
    this.muted = true;
    this.toEngine.emit('m', { type: 'close', id: -1 } satisfies HostMessage);
    await new Promise((r) => setTimeout(r, 50));
  }
}

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (path: string, _args: string[], options: Record<string, unknown>) => {
      const child = new FakeChild();
      h.forks.push({ path, options, child });
      return child;
    },
  },
}));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the engine process host', () => {
  it('forks engine.js beside main, routes requests and replies, and forwards book events', async () => {
    const { startEngineProcess } = await import('./engine-host');
    const dir = mkdtempSync(join(tmpdir(), 'cl-host-'));
    dirs.push(dir);
    const events: EngineEvent[] = [];
    const engine = startEngineProcess('/app/out/main', { session: { settingsDir: dir, booksDir: dir } }, (e) => events.push(e));
    expect(h.forks.at(-1)).toMatchObject({ path: join('/app/out/main', 'engine.js'), options: { serviceName: 'Client Ledger engine' } });
    expect(await engine.request('app.info', {})).toMatchObject({ ok: true });
    expect(await engine.request('book.create', { path: 1 })).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
    const created = await engine.request('book.create', { path: join(dir, 'a.book'), company: '甲公司' });
    expect(created).toMatchObject({ ok: true, data: { company: '甲公司' } });
    expect(events).toEqual([{ type: 'book.opened', path: join(dir, 'a.book') }]);
    // A write is pushed as book.changed naming the tables it wrote.
    expect(await engine.request('customers.create', { name: '乙客户', tier: 'A' })).toMatchObject({ ok: true });
    expect(events.at(-1)).toEqual({ type: 'book.changed', tables: expect.arrayContaining(['customer']) });
    // A read pushes nothing.
    await engine.request('customers.page', { limit: 10 });
    expect(events).toHaveLength(2);
    await engine.close();
    expect(events.at(-1)).toEqual({ type: 'book.opened', path: null });
  });

  it('fails waiting requests typed when the engine process dies, then forks a new one with the book reopened', async () => {
    const { startEngineProcess } = await import('./engine-host');
    const dir = mkdtempSync(join(tmpdir(), 'cl-host-'));
    dirs.push(dir);
    const events: EngineEvent[] = [];
    const engine = startEngineProcess('/app/out/main', { session: { settingsDir: dir, booksDir: dir } }, (e) => events.push(e));
    const forks = h.forks.length;
    const child = h.forks.at(-1)!.child as FakeChild;
    await engine.request('book.create', { path: join(dir, 'r.book'), company: '丙公司' });
    await child.releaseBook();
    const waiting = engine.request('app.info', {});
    child.emit('exit', 9);
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'engine.stopped', message: expect.stringContaining('exit 9') } });
    expect(h.forks.length).toBe(forks + 1);
    expect(events).toContainEqual({ type: 'engine.restarted', detail: 'exit 9' });
    // The new engine has the same book open again.
    expect(await engine.request('book.settings', {})).toMatchObject({ ok: true });
    expect(events.at(-1)).toEqual({ type: 'book.opened', path: join(dir, 'r.book') });
    engine.kill();
    expect((h.forks.at(-1)!.child as FakeChild).kill).toHaveBeenCalled();
  });
});
