/**
 * How to start a worker_thread whose entry is a TypeScript file beside the caller. In the
 * electron-vite build the caller sits in out/main (index.js or a chunk below it) and the
 * entry is bundled as out/main/<built>.js. Under tsx/vitest the entry is the .ts file:
 * Node 20 does not apply `--import tsx` loader hooks inside workers, so a two-line
 * bootstrap registers tsx's require hook and loads the TypeScript entry.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `callerUrl`: the caller's import.meta.url; `tsEntry`: the entry's file name beside the caller's source. */
export function workerScript(callerUrl: string, tsEntry: string, built: string): { script: string; eval: boolean } {
  const here = fileURLToPath(callerUrl);
  if (here.endsWith('.ts')) {
    const tsx = createRequire(callerUrl).resolve('tsx/cjs/api');
    const entry = join(dirname(here), tsEntry);
    return { script: `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(entry)});`, eval: true };
  }
  for (let dir = dirname(here), i = 0; i < 3; i++, dir = dirname(dir)) {
    const file = join(dir, `${built}.js`);
    if (existsSync(file)) return { script: file, eval: false };
  }
  throw new Error(`${built}.js not found near ${here}`);
}
