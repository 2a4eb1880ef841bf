/**
 * 账簿: 科目余额表 (by level, optionally for one customer, in the Chinese layout of the
 * trial-balance report: 期初余额 / 本期发生额 / 本年累计 / 期末余额, each 借方 and 贷方, balances
 * unsigned on their side, totals in every column, accounts without balance or movement
 * hidden unless asked for), 明细账 (an
 * account's lines with running balance, paged from SQL) and 序时账 (every posted line in
 * voucher order). The same numbers as the trial-balance / detail-ledger / journal reports.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useState } from 'react';
import type { LedgerLineRow, TrialBalanceDto } from '../../../shared/contract/ledger';
import { formatFen } from '../../../shared/money';
import { files } from '../api/platform';
import { notifyError } from '../api/notify';
import { useApi, useApiMutation } from '../api/queries';
import { Picker, itemLabel } from '../components/Picker';
import { SqlGrid } from '../components/SqlGrid';
import { Grid } from '../components/Grid';
import { useI18n } from '../i18n/index';
import { VoucherView } from './vouchers/workflow-ui';

type Tab = 'tb' | 'detail' | 'journal';
type TbRow = TrialBalanceDto['rows'][number];

const money = (p: { value: unknown }) => (typeof p.value === 'number' ? formatFen(p.value) : '');
/** The 科目余额表's column pairs, as the trial-balance report has them: each balance unsigned on its side. */
const TB_PAIRS = [
  ['ledger.opening', 'openingDebitFen', 'openingCreditFen'],
  ['ledger.movement', 'debitFen', 'creditFen'],
  ['ledger.ytd', 'ytdDebitFen', 'ytdCreditFen'],
  ['ledger.closing', 'closingDebitFen', 'closingCreditFen'],
] as const;
// Negative amounts (red-ink reversals, credit balances) show in red, as on paper.
const moneyCol = { type: 'rightAligned', width: 150, valueFormatter: money, cellClassRules: { 'neg-amount': (p: { value: unknown }) => typeof p.value === 'number' && p.value < 0 } };

export function LedgerPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('tb');
  // The voucher behind a 明细账 / 序时账 row, opened by double-click or Enter.
  const [viewId, setViewId] = useState<number | null>(null);
  const periods = useApi('periods.list', {}).data ?? [];
  // Until the user picks: the latest period that has postings, else the newest.
  const current = periods.find((p) => p.posted > 0)?.period ?? periods[0]?.period ?? '';
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const from = picked.from ?? current;
  const to = picked.to ?? current;
  const setFrom = (v: string) => setPicked((p) => ({ ...p, from: v }));
  const setTo = (v: string) => setPicked((p) => ({ ...p, to: v }));
  const [level, setLevel] = useState(0);
  const [hideZero, setHideZero] = useState(true);
  const [customer, setCustomer] = useState<{ id: number; label: string } | null>(null);
  const [employee, setEmployee] = useState<{ id: number; label: string } | null>(null);
  const [department, setDepartment] = useState<{ id: number; label: string } | null>(null);
  const [account, setAccount] = useState<{ code: string; label: string } | null>(null);
  const [note, setNote] = useState('');
  const dims = { ...(customer ? { customerId: customer.id } : {}), ...(employee ? { employeeId: employee.id } : {}), ...(department ? { departmentId: department.id } : {}) };
  const tb: TrialBalanceDto | null =
    useApi('ledger.trialBalance', { from, to: to < from ? from : to, ...(level ? { level } : {}), ...dims, zero: hideZero ? 'hide' : 'show' }, { enabled: tab === 'tb' && !!from && !!to }).data ?? null;
  const exporting = useApiMutation('ledger.exportHledger');

  const exportHledger = () =>
    files.savePath({ defaultName: 'ledger.journal' }).then(
      (path) =>
        path &&
        exporting.mutate(
          { path },
          {
            onSuccess: (r) => {
              setNote(t('ledger.exported', { count: r.transactions }));
              files.reveal(path).catch(notifyError);
            },
          },
        ),
      notifyError,
    );

  const tbColumns: (ColDef<TbRow> | ColGroupDef<TbRow>)[] = [
    { field: 'code', headerName: t('ledger.code'), width: 120, pinned: 'left' },
    { field: 'name', headerName: t('ledger.name'), minWidth: 180, flex: 1, pinned: 'left', cellRenderer: (p: { data?: TbRow; value?: string }) => <span style={{ paddingLeft: ((p.data?.code.length ?? 4) - 4) * 9 }}>{p.value}</span> },
    ...TB_PAIRS.map(([label, dr, cr]) => ({
      headerName: t(label),
      children: [
        { field: dr, headerName: t('ledger.drSide'), ...moneyCol, width: 140 },
        { field: cr, headerName: t('ledger.crSide'), ...moneyCol, width: 140 },
      ],
    })),
  ];
  const lineColumns = (detail: boolean): ColDef<LedgerLineRow>[] => [
    { field: 'date', headerName: t('voucher.date'), width: 115 },
    { field: 'no', headerName: t('voucher.no'), width: 95 },
    ...(detail ? [] : [{ field: 'account' as const, headerName: t('ledger.code'), width: 110 }]),
    { field: 'accountName', headerName: t('ledger.name'), width: 160 },
    { field: 'memo', headerName: t('voucher.memo'), flex: 1, minWidth: 180, valueFormatter: (p) => (p.data?.key === 'opening' ? t('ledger.openingRow') : String(p.value ?? '')) },
    { field: 'debitFen', headerName: t('ledger.debit'), ...moneyCol, valueFormatter: (p) => (p.data?.key === 'opening' ? '' : money(p)) },
    { field: 'creditFen', headerName: t('ledger.credit'), ...moneyCol, valueFormatter: (p) => (p.data?.key === 'opening' ? '' : money(p)) },
    ...(detail
      ? [
          { colId: 'side', headerName: t('ledger.side'), width: 70, valueGetter: (p: { data?: LedgerLineRow }) => (!p.data?.balanceFen ? '平' : p.data.balanceFen > 0 ? t('side.debit') : t('side.credit')) },
          { field: 'balanceFen' as const, headerName: t('ledger.balance'), ...moneyCol, valueFormatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatFen(Math.abs(p.value)) : '') },
        ]
      : []),
  ];

  const periodSelect = (value: string, set: (v: string) => void, testId: string) => (
    <select value={value} onChange={(e) => set(e.target.value)} data-testid={testId}>
      {[...periods].reverse().map((p) => (
        <option key={p.period} value={p.period}>{p.period}</option>
      ))}
    </select>
  );

  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('ledger.title')}</h1>
        <button type="button" onClick={() => void exportHledger()}>{t('ledger.exportHledger')}</button>
      </header>
      <div className="ledger-tabs" role="tablist">
        {(['tb', 'detail', 'journal'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} data-testid={`ledger-tab-${k}`} onClick={() => setTab(k)}>
            {t(k === 'tb' ? 'ledger.trialBalance' : k === 'detail' ? 'ledger.detail' : 'ledger.journal')}
          </button>
        ))}
      </div>
      <div className="report-filters">
        <label>{t('ledger.from')}{periodSelect(from, setFrom, 'ledger-from')}</label>
        <label>{t('ledger.to')}{periodSelect(to, setTo, 'ledger-to')}</label>
        {tab === 'tb' && (
          <>
            <label>
              {t('ledger.level')}
              <select value={level} onChange={(e) => setLevel(Number(e.target.value))}>
                <option value={0}>{t('ledger.allLevels')}</option>
                {[1, 2, 3].map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
            <label>
              {t('ledger.customer')}
              <Picker kind="customer" label={customer?.label ?? ''} onPick={(i) => setCustomer(i ? { id: Number(i.id), label: itemLabel(i) } : null)} />
            </label>
            <label>
              {t('voucher.employee')}
              <Picker kind="employee" label={employee?.label ?? ''} onPick={(i) => setEmployee(i ? { id: Number(i.id), label: itemLabel(i) } : null)} />
            </label>
            <label>
              {t('voucher.department')}
              <Picker kind="department" label={department?.label ?? ''} onPick={(i) => setDepartment(i ? { id: Number(i.id), label: itemLabel(i) } : null)} />
            </label>
            <label>
              <input type="checkbox" checked={hideZero} onChange={(e) => setHideZero(e.target.checked)} data-testid="ledger-hide-zero" />
              {t('ledger.hideZero')}
            </label>
            <span className="muted">{t('ledger.dblHint')}</span>
          </>
        )}
        {tab === 'detail' && (
          <label className="grow">
            {t('ledger.account')}
            <Picker kind="account" label={account?.label ?? ''} placeholder={t('ledger.chooseAccount')} testId="ledger-account" onPick={(i) => setAccount(i ? { code: String(i.id), label: itemLabel(i) } : null)} />
          </label>
        )}
      </div>
      {note && <p className="ok-note">{note}</p>}
      {tab === 'tb' && (
        <div className="grid-host" data-testid="trial-balance">
          <Grid<TbRow>
            columnDefs={tbColumns}
            rowData={tb?.rows ?? []}
            getRowId={(p) => p.data.code}
            // Totals in every column, over first-level accounts (the parents hold their sub-accounts).
            pinnedBottomRowData={tb ? [{ code: '', name: t('ledger.totals'), openingFen: null as never, closingFen: null as never, ...tb.totals }] : []}
            onRowDoubleClicked={(e) => {
              if (!e.data?.code) return;
              setAccount({ code: e.data.code, label: `${e.data.code} ${e.data.name}` });
              setTab('detail');
            }}
          />
        </div>
      )}
      {tab === 'detail' && account && from && to && (
        <SqlGrid
          testId="detail-ledger"
          onRowDoubleClicked={(r) => r.voucherId > 0 && setViewId(r.voucherId)}
          columns={lineColumns(true)}
          rowId={(r) => r.key}
          channel="ledger.detailPage"
          request={{ account: account.code, from, to: to < from ? from : to }}
        />
      )}
      {tab === 'journal' && from && to && (
        <SqlGrid
          testId="journal"
          onRowDoubleClicked={(r) => r.voucherId > 0 && setViewId(r.voucherId)}
          columns={lineColumns(false)}
          rowId={(r) => r.key}
          channel="ledger.journalPage"
          request={{ from, to: to < from ? from : to }}
        />
      )}
      {viewId !== null && <VoucherView id={viewId} onClose={() => setViewId(null)} />}
    </section>
  );
}
