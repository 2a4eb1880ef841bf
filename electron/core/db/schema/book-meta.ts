export interface BookMetaTable {
  key: string;
  value: string;
}

/** One applied migration (migrations/index.ts). */
export interface MigrationTable {
  id: string;
  applied_at: string;
}
