import { defineMessages } from './define';

export const bookMessages = defineMessages(
  {
    'book.none': () => '尚未打开账套',
    'book.exists': (p) => `文件已存在：${p.path}`,
    'book.notFound': (p) => `找不到账套文件：${p.path}`,
    'book.notABook': (p) => `不是客户费用账本的账套文件：${p.path}`,
    'book.corrupt': (p) => `账套文件已损坏，无法安全读取（${p.detail}）。请在开始页从自动备份恢复；未对文件做任何写入`,
    'book.newerVersion': (p) => `账套由更新版本的程序创建（未知迁移 ${p.id}），请升级程序`,
    'book.companyRequired': () => '请填写公司名称',
    'book.badExtension': (p) => `账套文件名应以 .book 或 .sqlite 结尾：${p.path}`,
    'backup.targetIsBook': () => '备份文件不能与账套文件相同',
    'backup.notFound': (p) => `找不到该备份：${p.path}`,
    'book.locked': (p) => `账套已在另一个窗口或程序中打开（进程 ${p.pid}${p.host ? '，' + p.host : ''}）：${p.path}。请先在那里关闭它。`,
  },
  {
    'book.none': () => 'No book is open',
    'book.exists': (p) => `File already exists: ${p.path}`,
    'book.notFound': (p) => `Book file not found: ${p.path}`,
    'book.notABook': (p) => `Not a Client Ledger book: ${p.path}`,
    'book.corrupt': (p) => `The book file is damaged and cannot be read safely (${p.detail}). Restore an automatic backup from the start page; nothing was written to the file`,
    'book.newerVersion': (p) => `The book was written by a newer version (unknown migration ${p.id}); please upgrade`,
    'book.companyRequired': () => 'Company name is required',
    'book.badExtension': (p) => `A book file name ends in .book or .sqlite: ${p.path}`,
    'backup.targetIsBook': () => 'The backup file must not be the book itself',
    'backup.notFound': (p) => `No such backup: ${p.path}`,
    'book.locked': (p) => `The book is open in another window or program (process ${p.pid}${p.host ? ', ' + p.host : ''}): ${p.path}. Close it there first.`,
  },
);
