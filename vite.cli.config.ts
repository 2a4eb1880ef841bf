/**
 * Builds the command line to plain JavaScript in out/cli (scripts/cli.mjs builds it when
 * missing or stale, then runs it with node): no TypeScript loader at run time. The worker
 * threads the core starts (job-worker, import-reader, integrity-worker) are entries beside
 * index.js, where workerScript looks for them. Dependencies stay in node_modules (an SSR
 * build externalizes them), so better-sqlite3 loads its native build as it does under tsx.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Entries from this file's folder, not the working directory: scripts/cli.mjs builds from
// wherever the command is run. Vite injects a bundled config file's own import.meta.url
// (https://github.com/vitejs/vite/pull/8442), so it names this file, not the bundle.
const here = fileURLToPath(new URL('.', import.meta.url));
const entry = (path: string) => resolve(here, path);

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        index: entry('electron/cli/index.ts'),
        'job-worker': entry('electron/core/jobs/worker.ts'),
        'import-reader': entry('electron/core/import/read-worker.ts'),
        'integrity-worker': entry('electron/core/book/integrity-worker.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/core-[hash].js' },
    },
  },
  logLevel: 'warn',
});
