/**
 * Name matching: NFKC folds full-width forms （）１ to ( ) 1, then case and white space are
 * dropped, so 蓝海贸易（上海）有限公司 and 蓝海贸易(上海)有限公司 are one customer.
 */
export const nameKey = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Display form of a name: NFKC is not applied (keep what the user wrote), only trimmed. */
export const cleanName = (s: string): string => s.replace(/\s+/g, ' ').trim();
