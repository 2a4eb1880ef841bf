/**
 * Paths come from the user only (issue 16, breaks 4 and 5), through the web harness: every
 * path a page sends is confined to the work folder by real path; a folder download answers
 * 404 instead of crashing the harness; a sibling of the static folder is not served; and
 * the open book is never an output.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, type WebHarness } from '../../electron/web/server';

let h: WebHarness;
let base: string;
let work: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cl-webp-'));
  mkdirSync(join(work, 'static'));
  writeFileSync(join(work, 'static', 'index.html'), '<!doctype html><title>app</title>');
  // A sibling whose name starts like the static folder's: startsWith without a separator served it.
  mkdirSync(join(work, 'static-secret'));
  writeFileSync(join(work, 'static-secret', 'x.txt'), 'secret');
  h = await startWebHarness({ staticDir: join(work, 'static'), workDir: join(work, 'data') });
  base = h.url.split('/#')[0]!;
}, 60_000);
afterAll(async () => {
  await h.close();
  rmSync(work, { recursive: true, force: true });
});

const api = async (channel: string, body: unknown) =>
  (await (await fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'x-client-ledger-token': h.token }, body: JSON.stringify(body) })).json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };

describe('harness paths', () => {
  it('book.create with ../ and an absolute path outside the work folder are refused', async () => {
    expect((await api('book.create', { path: '../escaped', company: 'x' })).error?.code).toBe('path.outside');
    expect((await api('book.create', { path: join(work, 'outside.book'), company: 'x' })).error?.code).toBe('path.outside');
    expect((await api('book.create', { path: 'co', company: '测试' })).ok).toBe(true);
  });

  it('claims.attach of /etc/passwd and claims.receipt to an outside path are refused; a device too', async () => {
    const claim = await api('claims.save', { employeeId: null, lines: [] });
    const id = (claim.data?.id as number | undefined) ?? 1;
    expect((await api('claims.attach', { id, path: '/etc/passwd' })).error?.code).toBe('path.outside');
    expect((await api('claims.attach', { id, path: '/dev/zero' })).error?.code).toBe('path.outside');
    expect((await api('claims.receipt', { receiptId: 1, path: join(tmpdir(), 'stolen.bin') })).error?.code).toBe('path.outside');
    expect((await api('import.preview', { kind: 'expenses', path: '/etc/passwd' })).error?.code).toBe('path.outside');
  });

  it('the open book is never an export target, even inside the work folder', async () => {
    const info = (await api('app.info', {})).data as { book: { path: string } };
    expect((await api('ledger.exportHledger', { path: info.book.path })).error?.code).toBe('path.isBook');
    expect((await api('ledger.exportHledger', { path: join(work, 'data', 'keys', 'x.key') })).error?.code).toBe('path.internal');
  });

  it('a folder download is a 404 and the harness keeps answering', async () => {
    const r = await fetch(`${base}/download?token=${h.token}&path=${encodeURIComponent(join(work, 'data', 'uploads'))}`);
    expect(r.status).toBe(404);
    expect((await api('app.info', {})).ok).toBe(true);
  });

  it('does not serve a sibling of the static folder', async () => {
    const r = await fetch(`${base}/..%2fstatic-secret/x.txt`);
    expect(await r.text()).not.toContain('secret');
    const r2 = await fetch(`${base}/%2e%2e/static-secret/x.txt`);
    expect(await r2.text()).not.toContain('secret');
  });

  it('streams an upload to disk and refuses nothing it can hold', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 7);
    const r = await fetch(`${base}/api/upload?name=big.xlsx`, { method: 'POST', headers: { 'x-client-ledger-token': h.token }, body });
    const j = (await r.json()) as { data: { path: string } };
    expect(j.data.path.startsWith(join(work, 'data', 'uploads'))).toBe(true);
  });
});
