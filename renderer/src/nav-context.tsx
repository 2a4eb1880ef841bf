/** Lets any page send the user to another page (checklist links, drill-downs). */
import { createContext, useContext } from 'react';

export const NavContext = createContext<(page: string) => void>(() => {});
export const useNav = () => useContext(NavContext);

/** Set by the reports page when a period pack was exported; read by the home checklist. */
export const packExportedKey = (bookId: string) => `client-ledger-pack-exported:${bookId}`;
