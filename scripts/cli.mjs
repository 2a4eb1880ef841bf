#!/usr/bin/env node
// `npm run cli -- ARGS` and the `client-ledger` command: the command line as built
// JavaScript (out/cli, vite.cli.config.ts), run by plain node with no TypeScript loader.
// The first call after a checkout, or after any source changed, builds it (a few seconds,
// said on stderr so --json output stays one document); every other call only compares
// modification times (a few milliseconds for the ~250 source files).
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'out', 'cli');
const stampFile = join(out, '.sources-mtime');
const SOURCES = ['electron', 'shared'];
const CONFIG = ['vite.cli.config.ts', 'vite.node-bundle.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newest() {
  let max = 0;
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() && !e.name.endsWith('.test.ts')) max = Math.max(max, statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCES) visit(join(root, d));
  for (const f of CONFIG) if (existsSync(join(root, f))) max = Math.max(max, statSync(join(root, f)).mtimeMs);
  return max;
}

const sources = newest();
const built = existsSync(stampFile) && existsSync(join(out, 'index.js')) ? Number(readFileSync(stampFile, 'utf8')) : -1;
if (built !== sources) {
  process.stderr.write('client-ledger: building the command line (out/cli)…\n');
  const { build } = await import('vite');
  // Built beside and swapped in, so a concurrent call never runs a half-written build.
  const tmp = join(root, 'out', `.cli-build-${process.pid}`);
  await build({ configFile: join(root, 'vite.cli.config.ts'), root, logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
  writeFileSync(join(tmp, '.sources-mtime'), String(sources));
  rmSync(out, { recursive: true, force: true });
  try {
    renameSync(tmp, out);
  } catch {
    // Another call swapped its own build in first: same sources, use that one.
    rmSync(tmp, { recursive: true, force: true });
  }
}
await import(pathToFileURL(join(out, 'index.js')).href);
