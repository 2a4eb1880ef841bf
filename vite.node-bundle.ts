/**
 * The one shape of our plain-JavaScript Node builds (vite.cli.config.ts → out/cli,
 * vite.harness.config.ts → out/harness): an SSR build, one ESM file per entry, the threads
 * the core starts (job-worker, import-reader, integrity-worker, check-worker) as entries beside the others,
 * where workerScript looks for them. Dependencies stay in node_modules (better-sqlite3 loads
 * its native build as under tsx), except the pure-JavaScript ESM ones, which go into the
 * chunks: one file to compile instead of hundreds of modules to resolve and read at every
 * start (kysely alone ~0.3 s CPU, profiled for issue 19).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

// Entries from this file's folder, not the working directory: scripts/cli.mjs builds from
// wherever the command is run. Vite injects a bundled config file's own import.meta.url
// (https://github.com/vitejs/vite/pull/8442), so it names this file, not the bundle.
const here = fileURLToPath(new URL('.', import.meta.url));

const WORKERS = {
  'job-worker': 'electron/core/jobs/worker.ts',
  'import-reader': 'electron/core/import/read-worker.ts',
  'integrity-worker': 'electron/core/book/integrity-worker.ts',
  'check-worker': 'electron/core/book/check-worker.ts',
};

export function nodeBundle(outDir: string, entries: Record<string, string>): UserConfig {
  const input = Object.fromEntries(Object.entries({ ...entries, ...WORKERS }).map(([name, path]) => [name, resolve(here, path)]));
  return defineConfig({
    ssr: { noExternal: ['kysely', 'zod', 'pinyin-pro'] },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: { input, output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/core-[hash].js' } },
    },
    logLevel: 'warn',
  });
}
