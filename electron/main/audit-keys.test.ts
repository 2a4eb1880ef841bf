/**
 * Issue 16: the audit key kept outside the book, in the app by Electron safeStorage. Electron
 * cannot run here, so safeStorage is a fake of the four calls we use (SafeStorageApi is our
 * interface): it really encrypts, under a secret of its own standing for the OS keychain. The
 * key files, the sealing and the book check around it are real.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKeyStore, keyStoreFor, SealedKeyStore } from '../core/book/audit-key';
import { dispatch } from '../core/service/index';
import { Session } from '../core/service/session';
import { tempDir } from '../../test/support/temp';
import { keyProtection, type SafeStorageApi } from './audit-keys';

/** A keychain: AES-256-GCM under its own secret; another keychain cannot decrypt. */
function fakeSafeStorage(o: { available?: boolean; backend?: ReturnType<SafeStorageApi['getSelectedStorageBackend']> } = {}): SafeStorageApi & { calls: string[] } {
  const secret = randomBytes(32);
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => o.available ?? true,
    getSelectedStorageBackend: () => o.backend ?? 'gnome_libsecret',
    encryptString: (text) => {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString: (buf) => {
      calls.push('decrypt');
      const d = createDecipheriv('aes-256-gcm', secret, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const BOOK = '3f1c2a4e-0000-4000-8000-000000000001';

describe('the wrapping key in safeStorage', () => {
  it('is made once, kept encrypted (0600) in userData/keys, and unwrapped the same on the next start', () => {
    const home = tempDir();
    const safe = fakeSafeStorage();
    const first = keyProtection(safe, home, 'linux');
    if (!('wrapKeyHex' in first)) throw new Error(`fell back: ${first.fallback}`);
    const file = join(home, 'keys', 'wrap.safe');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(first.wrapKeyHex);
    expect(keyProtection(safe, home, 'linux')).toEqual(first);
    expect(safe.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('falls back to plain key files, saying why: unavailable, a basic_text Linux store, another keychain (the file is kept)', () => {
    const home = tempDir();
    expect(keyProtection(fakeSafeStorage({ available: false }), home)).toEqual({ fallback: 'Electron safeStorage unavailable on this system' });
    expect(keyProtection(fakeSafeStorage({ backend: 'basic_text' }), home, 'linux')).toMatchObject({ fallback: expect.stringContaining('no OS secret store') });
    expect(existsSync(join(home, 'keys'))).toBe(false);
    // basic_text is a Linux answer only.
    expect(keyProtection(fakeSafeStorage({ backend: 'basic_text' }), home, 'darwin')).toHaveProperty('wrapKeyHex');
    const kept = readFileSync(join(home, 'keys', 'wrap.safe'), 'utf8');
    expect(keyProtection(fakeSafeStorage(), home, 'darwin')).toMatchObject({ fallback: expect.stringContaining('does not open') });
    expect(readFileSync(join(home, 'keys', 'wrap.safe'), 'utf8')).toBe(kept);
    expect(keyStoreFor(home, { fallback: 'Electron safeStorage unavailable on this system' }).where).toBe(`${join(home, 'keys')} (plain key files: Electron safeStorage unavailable on this system)`);
  });
});

describe('sealed book keys', () => {
  it('keeps no key in clear, opens only under its wrapping key and for its own book, never replaces one', () => {
    const home = tempDir();
    const wrap = randomBytes(32);
    const store = new SealedKeyStore(home, wrap, 'test keychain');
    const key = store.create(BOOK);
    expect(readdirSync(join(home, 'keys'))).toEqual([`${BOOK}.sealed`]);
    expect(readFileSync(join(home, 'keys', `${BOOK}.sealed`), 'utf8')).not.toContain(key.toString('hex'));
    expect(store.get(BOOK)).toEqual(key);
    expect(store.create(BOOK)).toEqual(key);
    expect(new SealedKeyStore(home, randomBytes(32), 'another').get(BOOK)).toBeNull();
    const other = BOOK.replace(/1$/, '2');
    renameSync(join(home, 'keys', `${BOOK}.sealed`), join(home, 'keys', `${other}.sealed`));
    expect(store.get(other)).toBeNull();
  });

  it('adopts a plain key file of the same book (a book keyed before sealing): sealed, and the plain file removed', () => {
    const home = tempDir();
    const key = new FileKeyStore(home).create(BOOK);
    const store = new SealedKeyStore(home, randomBytes(32), 'test keychain');
    expect(store.get(BOOK)).toEqual(key);
    expect(readdirSync(join(home, 'keys'))).toEqual([`${BOOK}.sealed`]);
    expect(store.get(BOOK)).toEqual(key);
  });
});

describe('book check names the store', () => {
  async function checkWith(protection: ReturnType<typeof keyProtection>) {
    const dir = tempDir();
    const session = new Session({ settingsDir: dir, booksDir: dir, keyProtection: protection });
    const call = async (channel: string, req: unknown) => {
      const r = await dispatch(session, channel, req);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.data as never;
    };
    await call('book.create', { path: 'k', company: '测试', firstPeriod: '2026-01' });
    // A book is keyed at its first write (core/book/keying.ts).
    await call('vouchers.save', { date: '2026-01-05', memo: 'k', lines: [{ account: '1002', debitFen: 100 }, { account: '3001', creditFen: 100 }] });
    const report = (await call('book.check', {})) as { key: { status: string; where: string | null }; verified: string[] };
    session.setBook(null);
    return { dir, report };
  }

  it('sealed under safeStorage, or plain files with the reason', async () => {
    const home = tempDir();
    const sealed = await checkWith(keyProtection(fakeSafeStorage(), home, 'linux'));
    expect(sealed.report.key).toMatchObject({ status: 'verified', where: expect.stringContaining('sealed, wrapping key in Electron safeStorage') });
    expect(sealed.report.verified.join('\n')).toContain('sealed, wrapping key in Electron safeStorage');
    expect(readdirSync(join(sealed.dir, 'keys')).some((f) => f.endsWith('.sealed'))).toBe(true);
    const plain = await checkWith(keyProtection(fakeSafeStorage({ available: false }), home));
    expect(plain.report.key).toMatchObject({ status: 'verified', where: expect.stringContaining('plain key files: Electron safeStorage unavailable') });
    expect(readdirSync(join(plain.dir, 'keys')).some((f) => f.endsWith('.key'))).toBe(true);
  });
});
