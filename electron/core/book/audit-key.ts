/**
 * The audit chain's secret. Every record's hash is plain SHA-256 (a published recipe
 * anyone can recompute), so a copy of the file alone could be re-hashed after an edit. The
 * chain heads (audit_head, row_log_head) therefore carry an HMAC-SHA256 tag under a
 * per-book key kept outside the book: without the key nobody can make a re-hashed or
 * shortened chain look whole. The CLI and the web harness keep keys as files in the app
 * home (`keys/<book id>.key`, 0600, folder 0700); the Electron app keeps them encrypted
 * with safeStorage (electron/main/audit-keys.ts) behind the same interface.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface AuditKeyStore {
  /** Where the keys are, for messages ("key absent from …"). */
  readonly where: string;
  /** The key of a book, or null when this store has none. */
  get(bookId: string): Buffer | null;
  /** Makes and keeps a new key for a book that has none (never replaces one). */
  create(bookId: string): Buffer;
  /** Forgets a key just created whose keying transaction rolled back. */
  discard(bookId: string): void;
}

/** A short public name for a key: enough to say which key verified a book, useless to forge with. */
export const keyId = (key: Buffer): string => createHash('sha256').update('client-ledger audit key id\n').update(key).digest('hex').slice(0, 16);

export const hmac = (key: Buffer, text: string): string => createHmac('sha256', key).update(text).digest('hex');

/** Book ids are UUIDs; anything else never becomes part of a file name. */
const fileName = (bookId: string): string => {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(bookId)) throw new Error(`bad book id for a key file: ${bookId.slice(0, 80)}`);
  return `${bookId}.key`;
};

export class FileKeyStore implements AuditKeyStore {
  readonly where: string;
  constructor(appHome: string) {
    this.where = join(appHome, 'keys');
  }

  get(bookId: string): Buffer | null {
    const file = join(this.where, fileName(bookId));
    if (!existsSync(file)) return null;
    const hex = readFileSync(file, 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
  }

  create(bookId: string): Buffer {
    mkdirSync(this.where, { recursive: true, mode: 0o700 });
    chmodSync(this.where, 0o700);
    const key = randomBytes(32);
    // 'wx': a key that exists is never overwritten (two processes keying one book: one wins, the other reads it).
    let fd: number;
    try {
      fd = openSync(join(this.where, fileName(bookId)), 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return this.get(bookId) ?? key;
      throw e;
    }
    try {
      writeSync(fd, key.toString('hex') + '\n');
    } finally {
      closeSync(fd);
    }
    return key;
  }

  discard(bookId: string): void {
    rmSync(join(this.where, fileName(bookId)), { force: true });
  }
}
