/**
 * A child process for the deleted -wal test: opens the book through the core, saves a
 * customer, deletes book-wal as a sync tool would, tries to save another (printing the
 * refusal's code), then dies by SIGKILL without closing anything.
 */
import { rmSync } from 'node:fs';
import { dispatch } from '../../electron/core/service/index';
import { Session } from '../../electron/core/service/session';

const [path, home] = process.argv.slice(2) as [string, string];
const session = new Session({ settingsDir: home, booksDir: home });
const say = (x: unknown) => process.stdout.write(JSON.stringify(x) + '\n');
say(await dispatch(session, 'book.open', { path }));
say(await dispatch(session, 'customers.create', { name: '甲公司' }));
rmSync(`${path}-wal`);
say(await dispatch(session, 'customers.create', { name: '乙公司' }));
say(await dispatch(session, 'customers.create', { name: '丙公司' }));
process.kill(process.pid, 'SIGKILL');
