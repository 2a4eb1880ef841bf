/**
 * One claim: header (employee, purpose), the grid of lines with each line's policy
 * violations (live while a draft is edited), and the action bar for the claim's state.
 * The live check is a query keyed by the draft as it would be saved: an answer about lines
 * that have changed since is kept under its own key and never shown over a newer one.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ClaimDetail, Option } from '../../../../shared/contract/claims';
import { formatFen } from '../../../../shared/money';
import { api } from '../../api/platform';
import { queryKey, useApiMutation } from '../../api/queries';
import { useDebounced } from '../../debounced';
import { Picker } from '../../components/Picker';
import { useI18n } from '../../i18n/index';
import { ClaimActions } from './ClaimActions';
import { emptyLine, fromDetail, toCore, type DraftLine } from './draft';
import { ReadOnlyLine, ViolationCell } from './LineViews';

/** The key of the live check when there is nothing to check (the query is off then). */
const NO_DRAFT = { employeeId: 0, lines: [] };

interface Props {
  detail: ClaimDetail | null;
  categories: Option[];
  onSaved: (d: ClaimDetail) => void;
  onDeleted: () => void;
}

export function ClaimEditor({ detail, categories, onSaved, onDeleted }: Props) {
  const { t } = useI18n();
  const editable = !detail || detail.status === 'draft';
  const [employeeId, setEmployeeId] = useState<number | null>(detail?.employeeId ?? null);
  const [employeeLabel, setEmployeeLabel] = useState(detail?.employeeName ?? '');
  const [title, setTitle] = useState(detail?.title ?? '');
  const [lines, setLines] = useState<DraftLine[]>(detail ? fromDetail(detail) : [emptyLine()]);
  // Errors of the form itself (what to fix before saving); the core's refusals go to the toast area.
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const saving = useApiMutation('claims.save');
  const deleting = useApiMutation('claims.delete');

  // Policy checks while typing: 300 ms after the last change, on the lines as they would be saved.
  const draft = useMemo(() => {
    const core = toCore(lines);
    if (!editable || employeeId === null || !core.ok || core.lines.length === 0) return null;
    return { req: { employeeId, ...(detail ? { claimId: detail.id } : {}), lines: core.lines }, index: core.index };
  }, [lines, employeeId, editable, detail]);
  const asked = useDebounced(draft, 300);
  // The answer numbers lines as the core saw them; index maps them back to grid rows (blank rows are skipped), so it is part of the key.
  const evaluated = useQuery({
    queryKey: [...queryKey('claims.evaluate', asked?.req ?? NO_DRAFT), asked?.index],
    queryFn: async () => (await api('claims.evaluate', asked!.req)).map((x) => ({ ...x, line: asked!.index[x.line] ?? x.line })),
    enabled: asked !== null,
    placeholderData: (previous) => previous,
  });

  const violations = editable ? (evaluated.data ?? detail?.violations ?? []) : (detail?.violations ?? []);
  const set = (i: number, patch: Partial<DraftLine>) => setLines((ls) => ls.map((l, n) => (n === i ? { ...l, ...patch } : l)));

  const save = async (): Promise<ClaimDetail | null> => {
    setError('');
    setNote('');
    if (employeeId === null) {
      setError(t('claims.needEmployee'));
      return null;
    }
    const core = toCore(lines);
    if (!core.ok) {
      setError(core.missingCategory ? t('line.noCategory', { line: core.line }) : t('line.badAmount', { line: core.line, text: core.text }));
      return null;
    }
    try {
      const d = await saving.mutateAsync({ ...(detail ? { id: detail.id } : {}), employeeId, title, lines: core.lines });
      setNote(t('claims.saved'));
      onSaved(d);
      return d;
    } catch {
      return null; // the refusal is in the toast area (queries.ts); a submit waiting on this save stops
    }
  };

  const total = (() => {
    const core = toCore(lines);
    return core.ok ? core.lines.reduce((s, l) => s + l.amountFen, 0) : null;
  })();

  return (
    <div className="claim-editor" data-testid="claim-editor">
      <div className="claim-head">
        <h2>{detail ? t('claims.editor', { id: detail.id }) : t('claims.newEditor')}</h2>
        {detail && <span className={`status status-${detail.status}`}>{t(`status.${detail.status}`)}</span>}
        {detail?.rejectReason && <span className="error inline">{t('claims.rejected', { reason: detail.rejectReason })}</span>}
      </div>
      <div className="claim-fields">
        <label>
          {t('claims.employee')}
          {editable ? (
            <Picker kind="employee" label={employeeLabel} testId="claim-employee" onPick={(i) => {
              setEmployeeId(i ? Number(i.id) : null);
              setEmployeeLabel(i ? `${i.code} ${i.name}` : '');
            }} />
          ) : (
            <strong>{detail?.employeeName}</strong>
          )}
        </label>
        <label>
          {t('claims.title')}
          <input value={title} disabled={!editable} onChange={(e) => setTitle(e.target.value)} data-testid="claim-title" />
        </label>
        <span className="claim-total">
          {t('claims.total')} <strong className="num">{total === null ? '—' : formatFen(total)}</strong>
        </span>
      </div>
      <div className="claim-lines-scroll">
      <table className={`plain claim-lines${editable ? '' : ' readonly'}`} data-testid="claim-lines">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('line.date')}</th>
            <th>{t('line.category')}</th>
            <th>{t('line.customer')}</th>
            <th>{t('line.description')}</th>
            <th>{t('line.invoice')}</th>
            <th className="num">{t('line.amount')}</th>
            <th className="num">{t('line.tax')}</th>
            <th>{t('line.receipt')}</th>
            <th>{t('line.policy')}</th>
            {editable && <th />}
          </tr>
        </thead>
        <tbody>
          {!editable && detail && detail.lineRows.map((l, i) => <ReadOnlyLine key={l.lineNo} l={l} index={i} violations={violations} />)}
          {editable && lines.map((l, i) => {
            return (
              <tr key={i} data-testid={`claim-line-${i + 1}`}>
                <td className="muted">{i + 1}</td>
                <td>
                  <input type="date" value={l.date} disabled={!editable} onChange={(e) => set(i, { date: e.target.value })} />
                </td>
                <td>
                  <select value={l.categoryId ?? ''} disabled={!editable} data-testid={`line-category-${i + 1}`} onChange={(e) => set(i, { categoryId: e.target.value ? Number(e.target.value) : null })}>
                    <option value="" />
                    {categories.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="cell-picker">
                  {editable ? (
                    <Picker kind="customer" label={l.customerLabel} testId={`line-customer-${i + 1}`} onPick={(it) => set(i, { customerId: it ? Number(it.id) : null, customerLabel: it ? it.name : '' })} />
                  ) : (
                    l.customerLabel
                  )}
                </td>
                <td className="desc">
                  <input value={l.description} disabled={!editable} onChange={(e) => set(i, { description: e.target.value })} data-testid={`line-description-${i + 1}`} />
                </td>
                <td>
                  <input className="invoice" value={l.invoiceNo} disabled={!editable} onChange={(e) => set(i, { invoiceNo: e.target.value })} data-testid={`line-invoice-${i + 1}`} />
                </td>
                <td>
                  <input className="num amount" value={l.amount} disabled={!editable} inputMode="decimal" onChange={(e) => set(i, { amount: e.target.value })} data-testid={`line-amount-${i + 1}`} />
                </td>
                <td>
                  <input className="num amount" value={l.tax} disabled={!editable} inputMode="decimal" onChange={(e) => set(i, { tax: e.target.value })} />
                </td>
                <td>
                  <input type="checkbox" checked={l.receipt} disabled={!editable} onChange={(e) => set(i, { receipt: e.target.checked })} />
                </td>
                <ViolationCell line={i} violations={violations} />
                {editable && (
                  <td>
                    <button type="button" className="small" onClick={() => setLines((ls) => (ls.length > 1 ? ls.filter((_, n) => n !== i) : ls))}>
                      {t('line.remove')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      {editable && (
        <div className="claim-bar">
          <button type="button" onClick={() => setLines((ls) => [...ls, emptyLine(ls[ls.length - 1]?.date)])} data-testid="line-add">
            {t('line.add')}
          </button>
          <button type="button" className="primary" disabled={saving.isPending} onClick={() => void save()} data-testid="claim-save">
            {t('claims.save')}
          </button>
          {detail && (
            <button type="button" disabled={deleting.isPending} onClick={() => deleting.mutate({ id: detail.id }, { onSuccess: onDeleted })}>
              {t('claims.delete')}
            </button>
          )}
        </div>
      )}
      {error && <div className="error" data-testid="claim-error">{error}</div>}
      {note && <div className="ok-note">{note}</div>}
      {detail && <ClaimActions detail={detail} beforeSubmit={save} onDone={onSaved} />}
    </div>
  );
}
