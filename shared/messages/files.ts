import { defineMessages } from './define';

/**
 * Paths and the file system. The environment's failures (disk full, read-only, missing
 * folder, a book file changed under the app) are not the user's bad input: the CLI exits 1
 * for the codes in ENVIRONMENT_CODES and 2 for the rest.
 */
export const fileMessages = defineMessages(
  {
    'path.isBook': (p) => `不能写入账套文件或其附属文件（-wal、-shm、锁文件）：${p.path}`,
    'path.internal': (p) => `不能写入程序的内部文件夹（备份、密钥、设置）：${p.path}`,
    'path.bookAsInput': (p) => `不能把打开的账套文件或其附属文件当作导入文件或附件读取：${p.path}`,
    'path.outside': (p) => `该路径不在允许的文件夹内：${p.path}`,
    'path.notGranted': (p) => `该路径不是通过文件对话框选择的：${p.path}`,
    'path.isFolder': (p) => `这是一个文件夹，不是文件：${p.path}`,
    'path.device': (p) => `不是普通文件（设备或管道）：${p.path}`,
    'file.folderMissing': (p) => `文件夹不存在：${p.path}`,
    'file.diskFull': (p) => `磁盘已满，未能写入：${p.path}`,
    'file.readOnly': (p) => `文件或文件夹为只读，未能写入：${p.path}`,
    'book.walMissing': (p) => `账套的预写日志（-wal）文件被删除（同步软件或杀毒软件？）：${p.path}。为避免丢失数据，已停止写入；请关闭后重新打开账套并运行“检查账套”。`,
    'book.replaced': (p) => `账套文件在程序打开期间被替换或移动：${p.path}。为避免覆盖，已停止写入；请重新打开账套。`,
    'book.auditRemoved': (p) => `审计记录被删除或改动（${p.detail}）：账套不会重新建立审计基线。请用备份恢复，或运行“检查账套”查看详情。`,
  },
  {
    'path.isBook': (p) => `Refusing to write over a book or its -wal/-shm/lock file: ${p.path}`,
    'path.internal': (p) => `Refusing to write into the app's internal folders (backups, keys, settings): ${p.path}`,
    'path.bookAsInput': (p) => `The open book or its -wal/-shm/lock file cannot be read as an import or an attachment: ${p.path}`,
    'path.outside': (p) => `The path is outside the folders allowed here: ${p.path}`,
    'path.notGranted': (p) => `The path was not chosen in a file dialog: ${p.path}`,
    'path.isFolder': (p) => `This is a folder, not a file: ${p.path}`,
    'path.device': (p) => `Not a regular file (a device or pipe): ${p.path}`,
    'file.folderMissing': (p) => `The folder does not exist: ${p.path}`,
    'file.diskFull': (p) => `The disk is full; nothing was written: ${p.path}`,
    'file.readOnly': (p) => `The file or folder is read-only; nothing was written: ${p.path}`,
    'book.walMissing': (p) => `The book's write-ahead log (-wal) was deleted (a sync tool or antivirus?): ${p.path}. Writing has stopped so nothing more is lost; close and reopen the book and run Check book.`,
    'book.replaced': (p) => `The book file was replaced or moved while open: ${p.path}. Writing has stopped so nothing is overwritten; reopen the book.`,
    'book.auditRemoved': (p) => `Audit records were removed or altered (${p.detail}): the book will not be given a fresh audit baseline. Restore a backup, or run Check book for details.`,
  },
);

/** Codes that describe the machine, not the user's input (CLI exit 1). */
export const ENVIRONMENT_CODES: ReadonlySet<string> = new Set(['file.folderMissing', 'file.diskFull', 'file.readOnly', 'book.walMissing', 'book.replaced', 'book.corrupt']);
