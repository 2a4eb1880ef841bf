/**
 * Audit keys for core sessions in tests: kept for the whole test process, because a
 * session's temp folder (its default key store) is removed after each test while some
 * tests go on using a book that session keyed.
 */
import { randomBytes } from 'node:crypto';
import type { AuditKeyStore } from '../../electron/core/book/audit-key';

const keys = new Map<string, Buffer>();

export const testKeys: AuditKeyStore = {
  where: 'test key store (memory)',
  get: (bookId) => keys.get(bookId) ?? null,
  create: (bookId) => {
    const key = keys.get(bookId) ?? randomBytes(32);
    keys.set(bookId, key);
    return key;
  },
  discard: (bookId) => void keys.delete(bookId),
};
