/**
 * The loopback web harness is no product server, but it must not be a hole: loopback only,
 * every API call needs the per-run token, files go only where the harness says, names are
 * sanitised, and every response carries the CSP.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHarness } from '../../electron/web/server';
import { startTestHarness, type TestHarness } from '../support/web';

let t: TestHarness;
let h: WebHarness;
let base: string;
let work: string;
beforeAll(async () => {
  t = await startTestHarness();
  ({ h, base, work } = t);
});
afterAll(() => t.stop());

const post = (path: string, body: unknown, token: string | null = h.token) =>
  fetch(base + path, { method: 'POST', headers: token ? { 'x-client-ledger-token': token } : {}, body: JSON.stringify(body) });

describe('web harness', () => {
  it('listens on loopback only', () => {
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/);
    const address = h.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    expect((await post('/api/app.info', {}, null)).status).toBe(403);
    expect((await post('/api/app.info', {}, 'f'.repeat(48))).status).toBe(403);
    const ok = await post('/api/app.info', {});
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('sends the CSP with every response', async () => {
    const page = await fetch(base + '/');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await post('/api/app.info', {})).headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('sanitises upload and export names and keeps them inside its folders', async () => {
    const reply = (await (await post('/api/save-path?name=' + encodeURIComponent('../../evil<x>:CON.xlsx'), {})).json()) as { data: { path: string } };
    expect(reply.data.path.startsWith(join(work, 'data', 'exports'))).toBe(true);
    expect(basename(reply.data.path)).toBe('evil_x__CON.xlsx');
    const up = await fetch(base + '/api/upload?name=' + encodeURIComponent('..\\..\\a|b.xlsx'), { method: 'POST', headers: { 'x-client-ledger-token': h.token }, body: 'PK' });
    const uploaded = ((await up.json()) as { data: { path: string } }).data.path;
    expect(dirname(dirname(uploaded))).toBe(join(work, 'data', 'uploads'));
    expect(basename(uploaded)).toBe('_.._a_b.xlsx');
  });

  it('downloads only files under its own folder, and only with the token', async () => {
    const outside = join(work, 'secret.txt');
    writeFileSync(outside, 'secret');
    expect((await fetch(`${base}/download?path=${encodeURIComponent(outside)}&token=${h.token}`)).status).toBe(404);
    const inside = join(work, 'data', 'exports', 'ok.txt');
    writeFileSync(inside, 'fine');
    expect((await fetch(`${base}/download?path=${encodeURIComponent(inside)}`)).status).toBe(403);
    const got = await fetch(`${base}/download?path=${encodeURIComponent(inside)}&token=${h.token}`);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('fine');
  });
});
