/**
 * The period pack's last sheet: the audit chain's heads as each period in the range was
 * closed (from the closing records, book/audit-head.ts) and as they stand now, so the
 * pack a user files away is an outside copy of the chain's state.
 */
import { message, type Locale, type MessageCode, type MessageParams } from '../../../shared/messages/index';
import type { ReportResult } from '../../../shared/report';
import { chainHeads } from '../book/audit-head';
import type { Book } from '../book/book';

type Head = ReturnType<typeof chainHeads>;

export function chainSheet(book: Book, from: string, to: string, locale: Locale): ReportResult {
  const m = (code: MessageCode, params?: MessageParams) => message(locale, code, params);
  const rows = book.db
    .all(book.q.selectFrom('audit_log').select(['entity_id', 'at', 'after']).where('action', '=', 'period.close').where('entity_id', '>=', from).where('entity_id', '<=', to).orderBy('id'))
    .map((r) => ({ period: r.entity_id, at: r.at, head: (JSON.parse(r.after ?? 'null') as { chainHead?: Head } | null)?.chainHead }))
    .filter((r) => r.head)
    .map((r) => ({ what: m('report.chain.closed', { period: r.period }), at: r.at, auditLastId: r.head!.auditLastId, auditHash: r.head!.auditHash, rowLogLastId: r.head!.rowLogLastId, rowLogHash: r.head!.rowLogHash }));
  const now = chainHeads(book.sqlite);
  rows.push({ what: m('report.chain.now'), at: new Date().toISOString(), ...now });
  return {
    report: 'audit-chain',
    title: m('report.chain.title'),
    company: book.meta('company') ?? '',
    from,
    to,
    generatedAt: new Date().toISOString(),
    sections: [
      {
        name: 'audit-chain',
        title: m('report.chain.heads'),
        columns: [
          { key: 'what', label: m('report.chain.when'), kind: 'text' },
          { key: 'at', label: m('report.chain.at'), kind: 'text' },
          { key: 'auditLastId', label: m('report.chain.auditRecord'), kind: 'int' },
          { key: 'auditHash', label: m('report.chain.auditHash'), kind: 'text' },
          { key: 'rowLogLastId', label: m('report.chain.rowLogEntry'), kind: 'int' },
          { key: 'rowLogHash', label: m('report.chain.rowLogHash'), kind: 'text' },
        ],
        rows,
        notes: [m('report.chain.note')],
      },
    ],
  };
}
