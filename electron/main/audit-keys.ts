/**
 * The app's protection of the books' audit keys (core/book/audit-key.ts SealedKeyStore):
 * one wrapping key, kept in userData/keys/wrap.safe encrypted with Electron safeStorage
 * (macOS Keychain, Windows DPAPI, a Linux secret store). safeStorage is a main-process
 * module ("Process: Main", https://www.electronjs.org/docs/api/safe-storage), and the core
 * runs in a utility process, so main unwraps the key here and passes it in the engine's
 * session options. Where encryption is unavailable, or on Linux the backend is `basic_text`
 * (no secret store: safeStorage would encrypt with a hard-coded password, as the same page
 * says), the app falls back to plain key files and `book check` names the reason.
 * The synchronous isEncryptionAvailable/encryptString/decryptString of Electron 40 (ours);
 * the page marks them for removal in Electron 46 in favour of the async ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { keysFolder, writeNewSecret, type KeyProtection } from '../core/book/audit-key';

/** The part of safeStorage this uses (an interface of ours: tests pass a fake). */
export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

const HOW = 'Electron safeStorage (the OS keychain)';

/** Call after app `ready` (on Linux and Windows safeStorage is unavailable before it). */
export function keyProtection(safe: SafeStorageApi, userData: string, platform: NodeJS.Platform = process.platform): KeyProtection {
  if (!safe.isEncryptionAvailable()) return { fallback: 'Electron safeStorage unavailable on this system' };
  if (platform === 'linux' && safe.getSelectedStorageBackend() === 'basic_text') return { fallback: 'no OS secret store (safeStorage would use a hard-coded password)' };
  const file = join(keysFolder(userData), 'wrap.safe');
  if (!existsSync(file)) {
    const hex = randomBytes(32).toString('hex');
    // 'wx' in writeNewSecret: a second instance racing us keeps the first key, which we then read.
    if (writeNewSecret(file, safe.encryptString(hex).toString('base64'))) return { wrapKeyHex: hex, how: HOW };
  }
  try {
    const hex = safe.decryptString(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
    if (/^[0-9a-f]{64}$/.test(hex)) return { wrapKeyHex: hex, how: HOW };
  } catch {
    // Another keychain (a new OS account or machine): the sealed keys stay unreadable, never replaced.
  }
  return { fallback: `${file} does not open with this account's safeStorage` };
}
