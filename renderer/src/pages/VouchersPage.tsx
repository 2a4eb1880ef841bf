/**
 * 凭证: the entry form on top, the voucher list (keyset-paged) below with 制单 / 已审核 / 已记账
 * and their actions (审核, 反审核, 记账, 红字冲销); double-click or Enter opens one.
 */
import type { ColDef } from 'ag-grid-community';
import { useState } from 'react';
import type { VoucherListRow } from '../../../shared/contract/ledger';
import { formatFen } from '../../../shared/money';
import { useApi, useApiMutation } from '../api/queries';
import { SqlGrid } from '../components/SqlGrid';
import { useI18n } from '../i18n/index';
import { VoucherEditor } from './vouchers/VoucherEditor';
import { VoucherToolbar } from './vouchers/VoucherToolbar';

export function VouchersPage() {
  const { t } = useI18n();
  const [openId, setOpenId] = useState<number | null>(null);
  const [period, setPeriod] = useState('');
  const [status, setStatus] = useState<'' | 'draft' | 'reviewed' | 'posted'>('');
  const periods = useApi('periods.list', {}).data ?? [];
  // A refusal goes to the toast area; the list and the editor follow the engine's book.changed.
  const reversing = useApiMutation('vouchers.reverse');
  const verbs = { review: useApiMutation('vouchers.review'), unreview: useApiMutation('vouchers.unreview'), post: useApiMutation('vouchers.post') };

  const reverse = (row: VoucherListRow) => {
    if (!window.confirm(t('voucher.confirmReverse', { no: `${row.period} ${row.no}` }))) return;
    reversing.mutate({ id: row.id }, { onSuccess: (r) => setOpenId(r.id) });
  };

  const act = (row: VoucherListRow, verb: 'review' | 'unreview' | 'post') => verbs[verb].mutate({ id: row.id });
  const actionButton = (row: VoucherListRow, verb: 'review' | 'unreview' | 'post', label: string) => (
    <button type="button" className="small" data-testid={`${verb}-${row.id}`} onClick={() => act(row, verb)}>
      {label}
    </button>
  );

  const columns: ColDef<VoucherListRow>[] = [
    { field: 'period', headerName: t('voucher.period'), width: 100 },
    { field: 'no', headerName: t('voucher.no'), width: 100 },
    { field: 'date', headerName: t('voucher.date'), width: 120 },
    { field: 'memo', headerName: t('voucher.memo'), flex: 1, minWidth: 200 },
    { field: 'debitFen', headerName: t('voucher.amount'), width: 140, type: 'rightAligned', valueFormatter: (p) => (p.value == null ? '' : formatFen(p.value as number)), cellClassRules: { 'neg-amount': (p) => typeof p.value === 'number' && p.value < 0 } },
    { field: 'lineCount', headerName: t('voucher.lines'), width: 70, type: 'rightAligned' },
    { field: 'attachments', headerName: t('voucher.attachments'), width: 80, type: 'rightAligned' },
    { field: 'maker', headerName: t('voucher.maker'), width: 90 },
    {
      field: 'reviewer',
      headerName: t('voucher.reviewer'),
      width: 130,
      valueFormatter: (p) => (p.data?.reviewer ? `${p.data.reviewer}${p.data.reviewKind === 'generated' ? ` · ${t('voucher.generated')}` : p.data.reviewKind === 'self' ? ` · ${t('voucher.selfReviewed')}` : ''}` : ''),
    },
    {
      field: 'status',
      headerName: t('voucher.status'),
      width: 170,
      valueFormatter: (p) => {
        const r = p.data;
        if (!r) return '';
        const base = t(`voucher.status.${r.status}`);
        return r.reversesId ? `${base} · ${t('voucher.reversal')}` : r.reversedById ? `${base} · ${t('voucher.reversedBy')}` : base;
      },
    },
    {
      colId: 'actions',
      headerName: '',
      width: 220,
      cellRenderer: (p: { data?: VoucherListRow }) =>
        p.data ? (
          <span className="row-actions">
            <button type="button" className="small" onClick={() => setOpenId(p.data!.id)}>{t('voucher.open')}</button>
            {p.data.status === 'draft' && actionButton(p.data, 'review', t('voucher.review'))}
            {p.data.status === 'reviewed' && actionButton(p.data, 'unreview', t('voucher.unreview'))}
            {p.data.status === 'reviewed' && actionButton(p.data, 'post', t('voucher.postReviewed'))}
            {p.data.status === 'posted' && !p.data.reversesId && !p.data.reversedById && (
              <button type="button" className="small" data-testid={`reverse-${p.data.id}`} onClick={() => reverse(p.data!)}>
                {t('voucher.reverse')}
              </button>
            )}
          </span>
        ) : null,
    },
  ];

  return (
    <section className="page vouchers-page">
      <header className="page-head">
        <h1>{t('nav.vouchers')}</h1>
        <span className="muted">{t('voucher.pasteHint')}</span>
      </header>
      <VoucherEditor openId={openId} onOpen={setOpenId} />
      <div className="page-head">
        <h2>{t('voucher.list')}</h2>
        <select value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="voucher-period">
          <option value="">{t('voucher.allPeriods')}</option>
          {periods.map((p) => (
            <option key={p.period} value={p.period}>{p.period}</option>
          ))}
        </select>
        <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)} data-testid="voucher-status">
          <option value="">{t('voucher.allStatuses')}</option>
          <option value="draft">{t('voucher.status.draft')}</option>
          <option value="reviewed">{t('voucher.status.reviewed')}</option>
          <option value="posted">{t('voucher.status.posted')}</option>
        </select>
        <span className="muted">{t('voucher.openHint')}</span>
      </div>
      <VoucherToolbar periods={periods} period={period} />
      <SqlGrid
        testId="voucher-list"
        columns={columns}
        channel="vouchers.page"
        request={{ ...(period ? { period } : {}), ...(status ? { status } : {}) }}
        rowId={(r) => String(r.id)}
        onRowDoubleClicked={(r) => setOpenId(r.id)}
      />
    </section>
  );
}
