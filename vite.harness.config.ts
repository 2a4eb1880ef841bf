/**
 * Builds the web harness to plain JavaScript in out/harness (npm run build:harness; dev:web
 * and the first-paint bench run it): started from TypeScript, the engine thread loaded the
 * whole core through tsx's require hook first, ~80 % of the harness's first paint (issue 19).
 * As in vite.cli.config.ts, the threads the core starts (engine-thread, job-worker,
 * import-reader, integrity-worker) are entries beside the others, where workerScript looks
 * for them, and dependencies stay in node_modules (an SSR build externalizes them).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  // Pure-JavaScript ESM dependencies go into the chunks: one file to compile instead of
  // hundreds of modules to resolve and read at every engine start (kysely alone ~0.3 s CPU).
  ssr: { noExternal: ['kysely', 'zod', 'pinyin-pro'] },
  build: {
    ssr: true,
    outDir: 'out/harness',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        main: resolve('electron/web/main.ts'),
        server: resolve('electron/web/server.ts'),
        'engine-thread': resolve('electron/core/engine/thread-entry.ts'),
        'job-worker': resolve('electron/core/jobs/worker.ts'),
        'import-reader': resolve('electron/core/import/read-worker.ts'),
        'integrity-worker': resolve('electron/core/book/integrity-worker.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/core-[hash].js' },
    },
  },
  logLevel: 'warn',
});
