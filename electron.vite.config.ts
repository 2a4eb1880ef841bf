/**
 * electron-vite builds three bundles: main (shell + core, CommonJS-free ESM for Node),
 * the sandboxed preload (one CommonJS file: sandboxed preloads cannot `require` chunks),
 * and the renderer. Native and heavy deps stay external in main so better-sqlite3 loads
 * the Electron build that scripts/start.mjs points it at.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        // Long work (imports, exports) runs in a worker_thread started from this file beside
        // index.js; an import reads its workbook in one more thread (import-reader.js).
        input: {
          index: resolve('electron/main/index.ts'),
          // The engine (the whole core) runs in a utilityProcess of its own (engine-host.ts).
          engine: resolve('electron/main/engine-process.ts'),
          'job-worker': resolve('electron/core/jobs/worker.ts'),
          'import-reader': resolve('electron/core/import/read-worker.ts'),
          // book check's SQLite integrity check, beside its other checks (book/integrity.ts).
          'integrity-worker': resolve('electron/core/book/integrity-worker.ts'),
          // and the rest of its checks but the posted vouchers in one more (book/check-worker.ts).
          'check-worker': resolve('electron/core/book/check-worker.ts'),
        },
        // The core both entries share lands in one chunk, named for what it is.
        output: { chunkFileNames: 'chunks/core-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
