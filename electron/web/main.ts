/** `npm run dev:web`: start the harness and print its URL (with the per-run token). */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startWebHarness } from './server';

const workDir = process.env.CLIENT_LEDGER_HOME ?? join(homedir(), '.client-ledger', 'web');
mkdirSync(workDir, { recursive: true });
const port = process.env.PORT ? Number(process.env.PORT) : 0;
const harness = await startWebHarness({ staticDir: resolve('out/web'), workDir, port });
console.log(`客户费用账本 web harness: ${harness.url}`);
console.log(`books and exports in ${workDir}`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
