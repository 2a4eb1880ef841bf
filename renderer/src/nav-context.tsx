/** Lets any page send the user to another page (checklist links, drill-downs). */
import { createContext, useContext } from 'react';

export const NavContext = createContext<(page: string) => void>(() => {});
export const useNav = () => useContext(NavContext);

/** Set by the reports page when a period pack was exported; read by the home checklist. */
export const packExportedKey = (bookId: string) => `client-ledger-pack-exported:${bookId}`;

/** A workbook dropped anywhere in the window, waiting for the import page to take it. */
export interface DroppedFile {
  path: string;
  name: string;
}

let pendingDrop: DroppedFile | null = null;
export const setDroppedFile = (f: DroppedFile) => void (pendingDrop = f);
/** Takes (and clears) the workbook dropped outside the import page, if any. */
export function takeDroppedFile(): DroppedFile | null {
  const f = pendingDrop;
  pendingDrop = null;
  return f;
}
