/**
 * Builds the command line to plain JavaScript in out/cli (scripts/cli.mjs builds it when
 * missing or stale, then runs it with node): no TypeScript loader at run time. The worker
 * threads the core starts (job-worker, import-reader, integrity-worker) are entries beside
 * index.js, where workerScript looks for them. Dependencies stay in node_modules (an SSR
 * build externalizes them), so better-sqlite3 loads its native build as it does under tsx.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

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
        index: resolve('electron/cli/index.ts'),
        'job-worker': resolve('electron/core/jobs/worker.ts'),
        'import-reader': resolve('electron/core/import/read-worker.ts'),
        'integrity-worker': resolve('electron/core/book/integrity-worker.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/core-[hash].js' },
    },
  },
  logLevel: 'warn',
});
