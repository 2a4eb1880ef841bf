/**
 * State the user set that should survive a restart (report choice, period range, filters),
 * kept in localStorage per book, so each company opens as it was left.
 */
import { useEffect, useState } from 'react';

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
  useEffect(() => {
    localStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  return [value, setValue];
}
