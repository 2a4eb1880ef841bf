// `npm start`: run the desktop app under Electron.
// better-sqlite3 is compiled per runtime. node_modules keeps the Node build (for npm test
// and the CLI); here we obtain an Electron build into .electron-native/ once and hand its
// path to the core as CLIENT_LEDGER_NATIVE_BINDING. So `npm test` and `npm start` both
// work after `npm install`, in either order, with no manual rebuild.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const NO_ELECTRON =
  'Electron 无法下载（本机无法连接其下载服务器）/ Electron could not be downloaded here: use `npm run dev:web` to run 客户费用账本 in a browser.';

function fail(line) {
  console.error(line);
  process.exit(1);
}

// 1. The Electron binary: package.json's allowScripts keeps npm from running Electron's
//    download at install time, so it happens here, on first start.
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const existing = existsSync(pathFile) && join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (existing && existsSync(existing)) return existing;
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
  if (r.status !== 0 || !existsSync(pathFile)) fail(NO_ELECTRON);
  return join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
}

// 2. better-sqlite3 built for Electron's ABI, kept apart from the Node build.
function electronSqlite() {
  const target = join(root, '.electron-native', `electron-${electronVersion}`, 'better-sqlite3');
  const binding = join(target, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(target, { recursive: true });
  const source = join(root, 'node_modules', 'better-sqlite3');
  cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`) });
  const prebuild = require.resolve('prebuild-install/bin.js', { paths: [source] });
  let r = spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion], { cwd: target, stdio: 'pipe' });
  if (r.status !== 0) {
    const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [source, root] });
    r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: target, stdio: 'pipe' });
  }
  if (r.status !== 0 || !existsSync(binding)) fail(`better-sqlite3 for Electron ${electronVersion} could not be obtained; use \`npm run dev:web\`.`);
  return binding;
}

const binary = electronBinary();
const binding = electronSqlite();
const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, CLIENT_LEDGER_NATIVE_BINDING: binding } });
child.on('exit', (code) => process.exit(code ?? 0));
