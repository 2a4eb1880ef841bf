/**
 * The one notification surface: every failed query and mutation (queries.ts) and every
 * engine notice (the engine restarted) lands here, and the toast area (components/Toasts.tsx)
 * shows it. Pages keep no error state of their own and swallow no error.
 */
import { useSyncExternalStore } from 'react';
import { ApiError, errorText } from './platform';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

let toasts: Toast[] = [];
let next = 1;
const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};

/** Shows `text`; the same text already showing is not repeated. */
export function notify(text: string, kind: Toast['kind'] = 'error'): void {
  if (toasts.some((t) => t.text === text)) return;
  toasts = [...toasts, { id: next++, kind, text }];
  changed();
}

/**
 * A failed call, shown in the UI language; a request the engine's death cut off is covered by
 * the one restart notice, and a job the user cancelled is said on its page (api/jobs.ts).
 */
export function notifyError(e: unknown): void {
  if (e instanceof ApiError && (e.code === 'engine.stopped' || e.code === 'job.cancelled')) return;
  notify(errorText(e));
}

export function dismiss(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  changed();
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}
