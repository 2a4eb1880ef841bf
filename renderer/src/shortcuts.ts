/**
 * Keyboard shortcuts to pages: the same keys as the Electron menu (electron/main/menu.ts),
 * handled in the page too so they work in the web harness. Shown as tooltips in the menu.
 */
export const pageShortcuts: Record<string, string> = {
  home: 'Ctrl+H',
  import: 'Ctrl+I',
  reports: 'Ctrl+R',
  vouchers: 'Ctrl+1',
  claims: 'Ctrl+2',
  allocation: 'Ctrl+3',
  profitability: 'Ctrl+4',
  help: 'F1',
};

export function shortcutPage(e: KeyboardEvent): string | null {
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  const combo = (e.ctrlKey || e.metaKey ? 'Ctrl+' : '') + (e.altKey ? 'Alt+' : '') + key;
  for (const [page, accel] of Object.entries(pageShortcuts)) if (accel === combo) return page;
  return null;
}
