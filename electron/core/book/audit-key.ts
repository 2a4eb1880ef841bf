/**
 * The audit chain's secret. Every record's hash is plain SHA-256 (a published recipe
 * anyone can recompute), so a copy of the file alone could be re-hashed after an edit. The
 * chain heads (audit_head, row_log_head) therefore carry an HMAC-SHA256 tag under a
 * per-book key kept outside the book: without the key nobody can make a re-hashed or
 * shortened chain look whole. The CLI and the web harness keep keys as files in the app
 * home (`keys/<book id>.key`, 0600, folder 0700). The Electron app seals each key
 * (SealedKeyStore, `keys/<book id>.sealed`) under a wrapping key that main keeps encrypted
 * with safeStorage, the OS keychain (electron/main/audit-keys.ts): safeStorage exists only
 * in Electron's main process, and the core runs in a utility process, so main unwraps that
 * one key at start and hands it to the engine; where safeStorage is unavailable the app
 * falls back to plain key files and `book check` says so (the store's `where`).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

/** The folder of an app home's key files (an internal folder: no user path reaches it). */
export const keysFolder = (appHome: string): string => join(appHome, 'keys');

/** Writes `text` to a new 0600 file; false if the file exists ('wx': a key is never overwritten). */
export function writeNewSecret(file: string, text: string): boolean {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(dirname(file), 0o700);
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Keys as files: `where` names the folder, and why plain files when the app fell back to them
 * (`note`, e.g. "Electron safeStorage unavailable"), which `book check` prints.
 */
export class FileKeyStore implements AuditKeyStore {
  readonly where: string;
  private readonly dir: string;
  constructor(appHome: string, note?: string) {
    this.dir = keysFolder(appHome);
    this.where = note ? `${this.dir} (plain key files: ${note})` : this.dir;
  }

  get(bookId: string): Buffer | null {
    const file = join(this.dir, fileName(bookId));
    if (!existsSync(file)) return null;
    const hex = readFileSync(file, 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
  }

  create(bookId: string): Buffer {
    const key = randomBytes(32);
    // Two processes keying one book: one wins, the other reads it.
    return writeNewSecret(join(this.dir, fileName(bookId)), key.toString('hex') + '\n') ? key : (this.get(bookId) ?? key);
  }

  discard(bookId: string): void {
    rmSync(join(this.dir, fileName(bookId)), { force: true });
  }
}

/**
 * Keys sealed with AES-256-GCM under a wrapping key held elsewhere (the app's, from
 * safeStorage): a copy of the key folder without the OS account's keychain yields no key.
 * The book id is the GCM associated data, so a sealed key renamed to another book fails to
 * open. A plain key file of the same book (an app that ran before sealing, or on the file
 * fallback) is adopted: sealed, then removed. A key that does not open reads as absent, which
 * `book check` reports; it is never replaced.
 */
export class SealedKeyStore implements AuditKeyStore {
  readonly where: string;
  private readonly dir: string;
  private readonly plain: FileKeyStore;
  constructor(
    appHome: string,
    private readonly wrapKey: Buffer,
    how: string,
  ) {
    this.dir = keysFolder(appHome);
    this.plain = new FileKeyStore(appHome);
    this.where = `${this.dir} (sealed, wrapping key in ${how})`;
  }

  private file(bookId: string): string {
    return join(this.dir, fileName(bookId).replace(/\.key$/, '.sealed'));
  }

  private seal(bookId: string, key: Buffer): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.wrapKey, iv).setAAD(Buffer.from(bookId));
    const sealed = Buffer.concat([c.update(key), c.final()]);
    return `${iv.toString('hex')}.${c.getAuthTag().toString('hex')}.${sealed.toString('hex')}\n`;
  }

  get(bookId: string): Buffer | null {
    const file = this.file(bookId);
    if (!existsSync(file)) return this.adopt(bookId);
    const m = /^([0-9a-f]{24})\.([0-9a-f]{32})\.([0-9a-f]{64})$/.exec(readFileSync(file, 'utf8').trim());
    if (!m) return null;
    try {
      const d = createDecipheriv('aes-256-gcm', this.wrapKey, Buffer.from(m[1]!, 'hex')).setAAD(Buffer.from(bookId));
      d.setAuthTag(Buffer.from(m[2]!, 'hex'));
      return Buffer.concat([d.update(Buffer.from(m[3]!, 'hex')), d.final()]);
    } catch {
      return null; // another wrapping key (a new keychain) or an altered file
    }
  }

  private adopt(bookId: string): Buffer | null {
    const key = this.plain.get(bookId);
    if (!key) return null;
    if (writeNewSecret(this.file(bookId), this.seal(bookId, key))) this.plain.discard(bookId);
    return this.get(bookId);
  }

  create(bookId: string): Buffer {
    const key = randomBytes(32);
    return writeNewSecret(this.file(bookId), this.seal(bookId, key)) ? key : (this.get(bookId) ?? key);
  }

  discard(bookId: string): void {
    rmSync(this.file(bookId), { force: true });
  }
}

/** How the app protects its keys (SessionOptions.keyProtection, made by electron/main/audit-keys.ts). */
export type KeyProtection = { wrapKeyHex: string; how: string } | { fallback: string };

/** The store for an app home: sealed when the app has a wrapping key, else key files (saying why, if the app fell back). */
export function keyStoreFor(appHome: string, protection?: KeyProtection): AuditKeyStore {
  if (protection && 'wrapKeyHex' in protection) return new SealedKeyStore(appHome, Buffer.from(protection.wrapKeyHex, 'hex'), protection.how);
  return new FileKeyStore(appHome, protection?.fallback);
}
