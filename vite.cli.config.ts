/**
 * Builds the command line to plain JavaScript in out/cli (scripts/cli.mjs builds it when
 * missing or stale, then runs it with node): no TypeScript loader at run time.
 */
import { nodeBundle } from './vite.node-bundle';

export default nodeBundle('out/cli', { index: 'electron/cli/index.ts' });
