/**
 * Pieces the voucher screens share: who made, reviewed and posted a voucher (制单 / 审核 /
 * 记账, with 系统生成 and 自审 said as such), printing to PDF through the contract, and the
 * read-only voucher view the ledgers open from a 明细账 / 序时账 row.
 */
import { useEffect } from 'react';
import type { VoucherDto } from '../../../../shared/contract/ledger';
import type { PrintResult } from '../../../../shared/contract/vouchers';
import { fenToDaxie } from '../../../../shared/daxie';
import { formatFen } from '../../../../shared/money';
import { runJob } from '../../api/jobs';
import { api, files } from '../../api/platform';
import { notifyError } from '../../api/notify';
import { useApi } from '../../api/queries';
import { useI18n } from '../../i18n/index';

export function WorkflowInfo({ voucher }: { voucher: VoucherDto }) {
  const { t } = useI18n();
  const kind = voucher.reviewKind === 'generated' ? ` (${t('voucher.generated')})` : voucher.reviewKind === 'self' ? ` (${t('voucher.selfReviewed')})` : '';
  return (
    <p className="muted voucher-people" data-testid="voucher-people">
      {t('voucher.maker')}：{voucher.maker}{"\u3000"}{t('voucher.reviewer')}：{voucher.reviewer ? `${voucher.reviewer}${kind}` : '—'}{"\u3000"}{t('voucher.poster')}：{voucher.poster ?? '—'}
    </p>
  );
}

/** Asks where to save (dialog or harness), prints in the core's job worker, reveals the file. Null if cancelled. */
export async function printVouchers(sel: { ids: number[] } | { from: string; to: string }, defaultName: string, layout: 'a4' | 'voucher' = 'a4'): Promise<PrintResult | null> {
  const path = await files.savePath({ defaultName });
  if (!path) return null;
  const r = await runJob<PrintResult>(() => api('vouchers.print', { ...sel, layout, path })).result;
  await files.reveal(r.path);
  return r;
}

/** A voucher as it reads on paper, opened over the ledger; Esc or the button closes it. */
export function VoucherView({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n();
  const shown = useApi('vouchers.get', { id });
  // Another voucher's answer (kept while this one reads) is not this one.
  const v: VoucherDto | null = shown.isPlaceholderData ? null : (shown.data ?? null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const print = () => v && printVouchers({ ids: [v.id] }, `${v.period} ${v.no}.pdf`).catch(notifyError);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <section className="modal voucher-view" role="dialog" aria-label={t('voucher.view')} data-testid="voucher-view" onClick={(e) => e.stopPropagation()}>
        {v && (
          <>
            <header className="page-head">
              <h2>{`${v.period} ${v.no}`}</h2>
              <span className={`badge ${v.status}`}>{t(`voucher.status.${v.status}`)}</span>
              <span>{v.date}</span>
              <span>{t('voucher.attachments')} {v.attachments} {t('voucher.attachmentsUnit')}</span>
              <span className="grow">{v.memo}</span>
            </header>
            <table className="voucher-lines">
              <thead>
                <tr>
                  <th>{t('voucher.memo')}</th>
                  <th>{t('voucher.account')}</th>
                  <th className="num">{t('voucher.debit')}</th>
                  <th className="num">{t('voucher.credit')}</th>
                </tr>
              </thead>
              <tbody>
                {v.lines.map((l) => (
                  <tr key={l.lineNo}>
                    <td>{l.memo}</td>
                    <td>
                      {l.account} {l.accountName}
                      {[l.customerName, l.employeeName, l.departmentName].filter(Boolean).length > 0 && <span className="muted"> · {[l.customerName, l.employeeName, l.departmentName].filter(Boolean).join(' / ')}</span>}
                    </td>
                    <td className="num">{l.debitFen ? formatFen(l.debitFen) : ''}</td>
                    <td className="num">{l.creditFen ? formatFen(l.creditFen) : ''}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={2}>
                    {t('voucher.total')} · {t('voucher.daxie')}：{fenToDaxie(v.debitFen)}
                  </td>
                  <td className="num">{formatFen(v.debitFen)}</td>
                  <td className="num">{formatFen(v.creditFen)}</td>
                </tr>
              </tfoot>
            </table>
            <WorkflowInfo voucher={v} />
          </>
        )}
        <div className="voucher-actions">
          <button type="button" onClick={() => void print()} disabled={!v}>{t('voucher.printThis')}</button>
          <button type="button" className="primary" autoFocus onClick={onClose}>{t('voucher.close')}</button>
        </div>
      </section>
    </div>
  );
}
