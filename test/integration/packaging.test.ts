/**
 * Packaging cannot run here (no Electron download), so we check what it would do:
 * electron-builder's own schema accepts the configuration, and the files it would pack
 * include the built core (main), the sandboxed preload, the renderer and the native module.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'electron-vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { testBook } from '../support/book';
import { tempDir } from '../support/temp';
import { writeXlsx } from '../support/xlsx';

const config = JSON.parse(readFileSync('build/electron-builder.json', 'utf8')) as {
  files: string[];
  asarUnpack: string[];
  win: { target: { target: string }[] };
  mac: { target: { target: string }[] };
  linux: { target: string[] };
  [k: string]: unknown;
};

/** electron-builder's globs as we use them: `**` any path, `*` within one folder. */
function globMatch(path: string, glob: string): boolean {
  // eslint-disable-next-line no-control-regex -- NUL marks `**` while the glob is rewritten
  const re = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '(?:.*/)?.*');
  return new RegExp(`^${re}$`).test(path);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('packaging', () => {
  beforeAll(async () => {
    await build({ logLevel: 'error' });
  }, 180_000);

  it('is a configuration electron-builder accepts, for all three platforms', async () => {
    const { $comment: _comment, ...rest } = config;
    await expect(validateConfiguration(rest as never, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.win.target[0]?.target).toBe('nsis');
    expect(config.mac.target[0]?.target).toBe('dmg');
    expect(config.linux.target).toContain('AppImage');
    expect(existsSync('build/icon.png')).toBe(true);
  });

  it('packs the core, the preload, the renderer and the native module', () => {
    const built = walk('out').map((p) => relative('.', p).split('\\').join('/'));
    const included = (f: string) => {
      const positive = config.files.filter((g) => !g.startsWith('!'));
      const negative = config.files.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
      return positive.some((g) => globMatch(f, g)) && !negative.some((g) => globMatch(f, g));
    };
    const packed = built.filter(included);
    expect(packed).toContain('out/main/index.js');
    // The engine (the core) runs in a utilityProcess forked from this file beside index.js (main/engine-host.ts).
    expect(packed).toContain('out/main/engine.js');
    // Imports and exports run in a worker_thread started from this file beside index.js (jobs/runner.ts).
    expect(packed).toContain('out/main/job-worker.js');
    // An import reads its workbook in one more thread (import/read-in-thread.ts).
    expect(packed).toContain('out/main/import-reader.js');
    expect(packed).toContain('out/preload/index.cjs');
    expect(packed).toContain('out/renderer/index.html');
    expect(packed.some((f) => f.startsWith('out/renderer/assets/') && f.endsWith('.js'))).toBe(true);
    // The core is bundled into main (index.js, the job worker and the chunk they share, all packed):
    // its dispatch and migrations are in those files.
    const mainFiles = built.filter((f) => f.startsWith('out/main/') && f.endsWith('.js'));
    for (const f of mainFiles) expect(packed).toContain(f);
    const main = mainFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(main).toContain('CREATE TABLE voucher_line');
    expect(main).not.toMatch(/from ['"]\.\.\/core/);
    // better-sqlite3 stays external (required at run time) and its .node is unpacked from asar.
    expect(main).toMatch(/better-sqlite3/);
    const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(native)).toBe(true);
    expect(config.asarUnpack.some((g) => globMatch(native, g))).toBe(true);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(pkg.main).toBe('./out/main/index.js');
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
  });

  it('the built job worker runs a job on its own connection (plain Node, as in the packed app)', async () => {
    const book = testBook({ company: '打包测试' });
    const path = join(tempDir(), 'pack.xlsx');
    const worker = new Worker(resolve('out/main/job-worker.js'), {
      workerData: { job: 'reports.pack', bookPath: book.path, user: 'tester', locale: 'en', payload: { from: '2026-01', to: '2026-01', path } },
    });
    const messages: { type: string; result?: unknown }[] = [];
    await new Promise<void>((done, fail) => {
      worker.on('message', (m: { type: string }) => messages.push(m));
      worker.on('error', fail);
      worker.on('exit', () => done());
    });
    const last = messages.at(-1);
    expect(last).toMatchObject({ type: 'done', result: { path } });
    expect(existsSync(path)).toBe(true);
  }, 60_000);

  it('the built job worker imports a sheet, reading it in the built reader thread', async () => {
    const book = testBook({ company: '打包测试' });
    const path = await writeXlsx([{ name: '明细', rows: [['日期', '报销人', '客户', '费用类别', '金额'], ['2026-03-02', '张伟', '甲公司', '差旅', 12.5], ['2026-03-03', '李娜', '', '餐费', '8']] }]);
    book.close();
    const worker = new Worker(resolve('out/main/job-worker.js'), {
      workerData: { job: 'import', bookPath: book.path, user: 'tester', locale: 'en', payload: { kind: 'expenses', path } },
    });
    const messages: { type: string; result?: unknown }[] = [];
    await new Promise<void>((done, fail) => {
      worker.on('message', (m: { type: string }) => messages.push(m));
      worker.on('error', fail);
      worker.on('exit', () => done());
    });
    expect(messages.at(-1)).toMatchObject({ type: 'done', result: { rowsRead: 2, accepted: 2, acceptedTotalFen: 2050 } });
  }, 60_000);
});
