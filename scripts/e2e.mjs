// `npm run e2e` (and the second half of `npm test`): build the renderer and the web harness,
// then run the e2e project in a real browser. Without a browser it says so in one line and
// stops green, so `npm test` still means something on a laptop without Chromium; under CI a
// missing browser is a failure, never a skip. Extra arguments go to vitest (file filters).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { findBrowser, NO_BROWSER } from './browser.mjs';

const root = resolve(import.meta.dirname, '..');
// The tools' own entry files (their package exports do not expose them to require.resolve).
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const browser = findBrowser();
if (!browser) {
  if (process.env.CI === 'true') {
    console.error(`${NO_BROWSER} — CI must run them: failing.`);
    process.exit(1);
  }
  console.log(NO_BROWSER);
  process.exit(0);
}

function run(script, args) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: browser } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The renderer, and the harness as plain JavaScript for the test of `npm run dev:web --no-build`.
for (const config of ['vite.web.config.ts', 'vite.harness.config.ts']) run(bin('vite', 'bin/vite.js'), ['build', '--config', config, '--logLevel', 'warn']);
run(bin('vitest', 'vitest.mjs'), ['run', '--project', 'e2e', ...process.argv.slice(2)]);
