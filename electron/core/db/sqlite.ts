/**
 * Loads better-sqlite3. Under Electron the main process passes the path of an
 * Electron-ABI build (see scripts/start.mjs) in CLIENT_LEDGER_NATIVE_BINDING; under Node
 * the default build in node_modules is used. One switch, so both runtimes work after
 * `npm install` without a manual rebuild.
 */
import Database from 'better-sqlite3';

export type Sqlite = Database.Database;

export function openSqlite(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Sqlite {
  const nativeBinding = process.env.CLIENT_LEDGER_NATIVE_BINDING || undefined;
  return new Database(path, { ...options, nativeBinding });
}
