/** Lets any page send the user to another page (checklist links, drill-downs). */
import { createContext, useContext, useEffect, useRef } from 'react';

export const NavContext = createContext<(page: string) => void>(() => {});
export const useNav = () => useContext(NavContext);

/** Set by the reports page when a period pack was exported; read by the home checklist. */
export const packExportedKey = (bookId: string) => `client-ledger-pack-exported:${bookId}`;

/**
 * A workbook dropped anywhere in the window goes to the import page: straight to it while it
 * is open (its running import and choices stay), else kept until it opens.
 */
let pendingDrop: File | null = null;
let dropTarget: ((f: File) => void) | null = null;

/** Hands a dropped file on; false when it waits for the import page to open. */
export function dropWorkbook(f: File): boolean {
  if (dropTarget) {
    dropTarget(f);
    return true;
  }
  pendingDrop = f;
  return false;
}

/** The import page takes the files dropped while it is open, and the one dropped just before it opened. */
export function useWorkbookDrops(take: (f: File) => void): void {
  const latest = useRef(take);
  latest.current = take;
  useEffect(() => {
    dropTarget = (f) => latest.current(f);
    if (pendingDrop) dropTarget(pendingDrop);
    pendingDrop = null;
    return () => {
      dropTarget = null;
    };
  }, []);
}
