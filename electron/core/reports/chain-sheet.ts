/**
 * The period pack's last sheet: the audit chain's heads as each period in the range was
 * closed (from the closing records, book/audit-head.ts) and as they stand now, so the
 * pack a user files away is an outside copy of the chain's state.
 */
import type { Locale } from '../../../shared/messages/index';
import type { ReportResult } from '../../../shared/report';
import { chainHeads } from '../book/audit-head';
import type { Book } from '../book/book';

type Head = ReturnType<typeof chainHeads>;

export function chainSheet(book: Book, from: string, to: string, locale: Locale): ReportResult {
  const en = locale === 'en';
  const rows = book.db
    .all(book.q.selectFrom('audit_log').select(['entity_id', 'at', 'after']).where('action', '=', 'period.close').where('entity_id', '>=', from).where('entity_id', '<=', to).orderBy('id'))
    .map((r) => ({ period: r.entity_id, at: r.at, head: (JSON.parse(r.after ?? 'null') as { chainHead?: Head } | null)?.chainHead }))
    .filter((r) => r.head)
    .map((r) => ({ what: `${en ? 'closed' : '结账'} ${r.period}`, at: r.at, auditLastId: r.head!.auditLastId, auditHash: r.head!.auditHash, rowLogLastId: r.head!.rowLogLastId, rowLogHash: r.head!.rowLogHash }));
  const now = chainHeads(book.sqlite);
  rows.push({ what: en ? 'now' : '当前', at: new Date().toISOString(), ...now });
  return {
    report: 'audit-chain',
    title: en ? 'Audit chain' : '审计链',
    company: book.meta('company') ?? '',
    from,
    to,
    generatedAt: new Date().toISOString(),
    sections: [
      {
        name: 'audit-chain',
        title: en ? 'Audit chain heads' : '审计链头',
        columns: [
          { key: 'what', label: en ? 'When' : '时点', kind: 'text' },
          { key: 'at', label: en ? 'At (UTC)' : '时间（UTC）', kind: 'text' },
          { key: 'auditLastId', label: en ? 'Audit record' : '审计记录号', kind: 'int' },
          { key: 'auditHash', label: en ? 'Audit head hash' : '审计链头哈希', kind: 'text' },
          { key: 'rowLogLastId', label: en ? 'Row log entry' : '行日志号', kind: 'int' },
          { key: 'rowLogHash', label: en ? 'Row log head hash' : '行日志头哈希', kind: 'text' },
        ],
        rows,
        notes: [en ? 'Keep this sheet outside the book: a later rewrite of the book file no longer matches these hashes.' : '请将此表保存在账套之外：日后若账套文件被改写，这些哈希将不再吻合。'],
      },
    ],
  };
}
