/** The web harness on loopback over a temp folder with a one-page static site, for integration tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHarness, type WebHarness } from '../../electron/web/server';

export interface TestHarness {
  h: WebHarness;
  /** http://127.0.0.1:PORT, without the token fragment. */
  base: string;
  /** The temp folder: static/ and data/ (the harness's workDir) below it. */
  work: string;
  stop(): Promise<void>;
}

export async function startTestHarness(): Promise<TestHarness> {
  const work = mkdtempSync(join(tmpdir(), 'cl-web-'));
  const staticDir = join(work, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const h = await startWebHarness({ staticDir, workDir: join(work, 'data') });
  return {
    h,
    base: h.url.split('/#')[0]!,
    work,
    async stop() {
      await h.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
