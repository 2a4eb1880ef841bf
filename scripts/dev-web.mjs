// `npm run dev:web`: the app in a browser, for machines where Electron cannot run. Builds the
// renderer for the harness, then serves it and the core on 127.0.0.1 (random port unless PORT
// is set, per-run token) and prints the URL to open. Books live in CLIENT_LEDGER_HOME
// (default ~/.client-ledger/web). `--no-build` reuses out/web and out/harness.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// The tools' own entry files (their package exports do not expose them to require.resolve).
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

if (!process.argv.includes('--no-build')) {
  // The renderer, then the harness and its engine thread as plain JavaScript (vite.harness.config.ts).
  for (const config of ['vite.web.config.ts', 'vite.harness.config.ts']) {
    const r = spawnSync(process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--config', config, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
const child = spawn(process.execPath, ['out/harness/main.js'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
