/**
 * State the user set that should survive a restart (report choice, period range, filters),
 * kept in localStorage per book, so each company opens as it was left. Only what the user
 * sets is kept: an untouched default (this month's range) stays a default and moves on.
 */
import { useCallback, useState } from 'react';

export function useRemembered<T>(key: string, bookId: string | undefined, initial: () => T): [T, (v: T | ((old: T) => T)) => void] {
  const storageKey = `client-ledger:${bookId ?? 'none'}:${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = localStorage.getItem(storageKey);
      return saved === null ? initial() : (JSON.parse(saved) as T);
    } catch {
      return initial();
    }
  });
  const set = useCallback(
    (v: T | ((old: T) => T)) =>
      setValue((old) => {
        const next = typeof v === 'function' ? (v as (old: T) => T)(old) : v;
        localStorage.setItem(storageKey, JSON.stringify(next));
        return next;
      }),
    [storageKey],
  );
  return [value, set];
}
