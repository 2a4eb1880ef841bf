/** Builds the renderer alone for the web harness (npm run dev:web, e2e tests). */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/web', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
