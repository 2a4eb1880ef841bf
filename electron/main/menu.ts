/**
 * The application menu: the usual Edit/View/Window roles (so copy, paste and zoom work with
 * the platform's shortcuts) plus Help → user guide. Shortcuts show in the menu. Menu
 * commands reach the page as a navigation message (`menu:navigate`), nothing more.
 */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

type Nav = (page: string) => void;

export function buildMenu(getWindow: () => BrowserWindow | null, locale: 'zh-CN' | 'en'): Menu {
  const zh = locale === 'zh-CN';
  const go: Nav = (page) => getWindow()?.webContents.send('menu:navigate', page);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: zh ? '文件' : 'File',
      submenu: [
        { label: zh ? '首页' : 'Home', accelerator: 'CmdOrCtrl+H', click: () => go('home') },
        { label: zh ? '导入 Excel…' : 'Import Excel…', accelerator: 'CmdOrCtrl+I', click: () => go('import') },
        { label: zh ? '报表' : 'Reports', accelerator: 'CmdOrCtrl+R', click: () => go('reports') },
        { label: zh ? '打印…' : 'Print…', accelerator: 'CmdOrCtrl+P', click: () => getWindow()?.webContents.print() },
        { type: 'separator' },
        { role: 'quit', label: zh ? '退出' : 'Quit' },
      ],
    },
    { role: 'editMenu', label: zh ? '编辑' : 'Edit' },
    {
      label: zh ? '视图' : 'View',
      submenu: [
        { label: zh ? '凭证' : 'Vouchers', accelerator: 'CmdOrCtrl+1', click: () => go('vouchers') },
        { label: zh ? '报销审批' : 'Claims', accelerator: 'CmdOrCtrl+2', click: () => go('claims') },
        { label: zh ? '成本分配' : 'Allocation', accelerator: 'CmdOrCtrl+3', click: () => go('allocation') },
        { label: zh ? '客户盈利' : 'Profitability', accelerator: 'CmdOrCtrl+4', click: () => go('profitability') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu', label: zh ? '窗口' : 'Window' },
    {
      role: 'help',
      label: zh ? '帮助' : 'Help',
      submenu: [{ label: zh ? '使用指南' : 'User guide', accelerator: 'F1', click: () => go('help') }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
