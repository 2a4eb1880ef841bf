/** A process that, per line "try <book path>" on stdin, tries to take the book's lock and answers "win" or "lose" (lock.test.ts). */
import { createInterface } from 'node:readline';
import { lockBook } from '../../electron/core/book/lock';

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const path = line.replace(/^try /, '');
  try {
    lockBook(path); // kept: a winner holds the lock while the others try
    process.stdout.write('win\n');
  } catch (e) {
    process.stdout.write((e as Error).name === 'UserError' ? 'lose\n' : `error ${(e as Error).message}\n`);
  }
});
process.stdout.write('ready\n');
