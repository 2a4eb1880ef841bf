/**
 * What can happen to a claim next (submit, approve with a comment, reject with a reason,
 * pay), with what the approver needs to see: the chain, the budgets it uses, the history
 * and the receipts. The actions are mutations whose refusal is said here, next to the comment
 * or reason it may name (ownErrors); the claim shown follows from book.changed.
 */
import { useState } from 'react';
import type { ClaimActionResult, ClaimDetail } from '../../../../shared/contract/claims';
import { ApiError, files, errorText } from '../../api/platform';
import { useApiMutation } from '../../api/queries';
import { useI18n, type StringKey } from '../../i18n/index';
import { BudgetBar } from './BudgetBar';
import { PayDialog } from './PayDialog';

interface Props {
  detail: ClaimDetail;
  /** Saves the draft's edits before submitting; null when they did not save. */
  beforeSubmit: () => Promise<ClaimDetail | null>;
  onDone: (d: ClaimDetail) => void;
}

export function ClaimActions({ detail, beforeSubmit, onDone }: Props) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [result, setResult] = useState<string[]>([]);
  const [attachLine, setAttachLine] = useState('');
  const [paying, setPaying] = useState(false);
  const own = { ownErrors: true };
  const submitting = useApiMutation('claims.submit', own);
  const approving = useApiMutation('claims.approve', own);
  const rejecting = useApiMutation('claims.reject', own);
  const payingMutation = useApiMutation('claims.pay', own);
  const attaching = useApiMutation('claims.attach', own);
  const savingReceipt = useApiMutation('claims.receipt', own);

  const run = async (fn: () => Promise<ClaimActionResult>) => {
    setError('');
    setResult([]);
    try {
      const r = await fn();
      setComment('');
      setReason('');
      setResult([t('claims.done', { status: t(`status.${r.claim.status}`) }), ...(r.voucher ? [t('claims.voucher', { no: r.voucher })] : []), ...r.warnings]);
      onDone(r.claim);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const attach = async () => {
    setError('');
    const path = await files.openFile({ extensions: ['pdf', 'jpg', 'jpeg', 'png', 'ofd', 'xml'] });
    if (!path) return;
    try {
      // The receipt arrives with the claim's refresh (book.changed).
      await attaching.mutateAsync({ id: detail.id, ...(attachLine ? { lineNo: Number(attachLine) } : {}), path });
    } catch (e) {
      setError(errorText(e));
    }
  };

  // Saved where the user (or, on the web, the harness) chooses, then shown or downloaded.
  const openReceipt = async (receiptId: number, fileName: string) => {
    const path = await files.savePath({ defaultName: fileName });
    if (!path) return;
    try {
      await files.reveal((await savingReceipt.mutateAsync({ receiptId, path })).path);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const s = detail.status;
  const approval = detail.approval;
  const roleName = approval ? t(`role.${approval.role}` as StringKey) : '';
  return (
    <div className="claim-actions">
      <div className="claim-bar">
        {s === 'draft' && (
          <button
            type="button"
            className="primary"
            data-testid="claim-submit"
            onClick={() =>
              void run(async () => {
                const saved = await beforeSubmit();
                if (!saved) throw new ApiError('claims.notSaved', '');
                return submitting.mutateAsync({ id: detail.id });
              })
            }
          >
            {t('claims.submit')}
          </button>
        )}
        {s === 'submitted' && (
          <>
            <input className="comment" placeholder={t('claims.comment')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="claim-comment" />
            <button
              type="button"
              className="primary"
              data-testid="claim-approve"
              // Only the user the pending step belongs to gets an active button; others read why.
              disabled={approval ? !approval.mayApprove : false}
              title={approval?.why ?? undefined}
              onClick={() => void run(() => approving.mutateAsync({ id: detail.id, comment }))}
            >
              {approval?.mayApprove ? t('approval.approveAs', { role: roleName }) : t('claims.approve')}
            </button>
            <input className="comment" placeholder={t('claims.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="claim-reason" />
            <button type="button" data-testid="claim-reject" onClick={() => void run(() => rejecting.mutateAsync({ id: detail.id, reason }))}>
              {t('claims.reject')}
            </button>
          </>
        )}
        {s === 'approved' && !paying && (
          <button type="button" className="primary" data-testid="claim-pay" onClick={() => setPaying(true)}>
            {t('claims.pay')}
          </button>
        )}
      </div>
      {s === 'submitted' && approval && (
        <div className="approval-info" data-testid="approval-info">
          <strong>{approval.approver ? t('approval.waitsForNamed', { role: roleName, approver: approval.approver }) : t('approval.waitsFor', { role: roleName })}</strong>
          {approval.why && <span className="muted"> — {approval.why}</span>}
          {approval.accruals.map((a) => (
            <div key={a.month} className={a.moved ? 'warn-note' : 'muted'} data-testid="accrual-date">
              {a.moved === 'closed'
                ? t('approval.movedClosed', { month: a.month, date: a.date })
                : a.moved === 'beforeStart'
                  ? t('approval.movedBeforeStart', { month: a.month, date: a.date })
                  : t('approval.accrualOn', { date: a.date })}
            </div>
          ))}
        </div>
      )}
      {s === 'approved' && paying && (
        <PayDialog
          totalFen={detail.totalFen}
          onCancel={() => setPaying(false)}
          // Paid, the claim leaves 'approved' and the dialog goes; refused, it stays with the error.
          onPay={(p) => void run(() => payingMutation.mutateAsync({ id: detail.id, ...p }))}
        />
      )}
      {error && <div className="error" data-testid="action-error">{error}</div>}
      {result.length > 0 && (
        <ul className="action-result" data-testid="action-result">
          {result.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <div className="claim-panels">
        <section>
          <h3>{t('claims.chain')}</h3>
          <ol className="chain" data-testid="claim-chain">
            {detail.chain.map((c) => (
              <li key={c.step} className={`chain-${c.state}`}>
                {t(`role.${c.role}` as StringKey)} · {t(`chain.${c.state}`)}
                {c.user && <span className="muted"> · {c.user} {c.at?.replace('T', ' ').slice(0, 16)}</span>}
              </li>
            ))}
          </ol>
          {(detail.accrualVoucher || detail.settlementVoucher) && (
            <p className="muted">{t('claims.vouchers', { accrual: detail.accrualVoucher ?? '—', settlement: detail.settlementVoucher ?? '—' })}</p>
          )}
        </section>
        <section data-testid="claim-budgets">
          <h3>{t('claims.budgetUsage')}</h3>
          {detail.budgets.length === 0 && <p className="muted">{t('claims.noBudget')}</p>}
          {detail.budgets.map((b) => (
            <div key={b.budgetId} className="budget-check">
              <div>
                {b.name} <span className="muted">{b.scope && b.scope !== b.name ? `${b.scope} · ` : ''}{b.period}</span> <span className={`level level-${b.level}`}>{t(`level.${b.level}`)}</span>
              </div>
              <BudgetBar amountFen={b.amountFen} actualFen={b.actualFen} committedFen={b.projectedFen - b.actualFen} level={b.level} />
            </div>
          ))}
        </section>
        <section>
          <h3>{t('claims.timeline')}</h3>
          <ul className="timeline" data-testid="claim-timeline">
            {detail.steps.map((st, i) => (
              <li key={i}>
                <span className="mono">{st.at.replace('T', ' ').slice(0, 16)}</span> {st.user} · {t(`action.${st.action}`)}
                {st.role && st.action === 'approve' ? ` (${t(`role.${st.role}` as StringKey)})` : ''}
                {st.comment && <span className="muted"> — {st.comment}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h3>{t('claims.receipts')}</h3>
          <ul className="timeline">
            {detail.receipts.map((r) => (
              <li key={r.id}>
                {r.lineNo ? `#${r.lineNo} ` : ''}
                {r.fileName} <span className="muted">{Math.ceil(r.size / 1024)} KB</span>{' '}
                <button type="button" className="small" onClick={() => void openReceipt(r.id, r.fileName)}>
                  {t('claims.open')}
                </button>
              </li>
            ))}
          </ul>
          {s === 'draft' && (
            <div className="claim-bar">
              <select value={attachLine} onChange={(e) => setAttachLine(e.target.value)} aria-label={t('claims.attachTo')}>
                <option value="">{t('claims.attachTo')}</option>
                {detail.lineRows.map((l) => (
                  <option key={l.lineNo} value={l.lineNo}>
                    #{l.lineNo}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => void attach()}>
                {t('claims.attach')}
              </button>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
