/**
 * Builds the web harness to plain JavaScript in out/harness (npm run build:harness; dev:web
 * and the first-paint bench run it): started from TypeScript, the engine thread loaded the
 * whole core through tsx's require hook first, ~80 % of the harness's first paint (issue 19).
 */
import { nodeBundle } from './vite.node-bundle';

export default nodeBundle('out/harness', {
  main: 'electron/web/main.ts',
  server: 'electron/web/server.ts',
  'engine-thread': 'electron/core/engine/thread-entry.ts',
});
