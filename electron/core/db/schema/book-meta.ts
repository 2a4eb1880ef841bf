export interface BookMetaTable {
  key: string;
  value: string;
}
