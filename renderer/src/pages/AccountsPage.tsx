/** 会计科目: the chart of accounts, paged from SQL. */
import type { ColDef } from 'ag-grid-community';
import { useState } from 'react';
import type { AccountRow } from '../../../shared/contract/accounts';
import { SqlGrid } from '../components/SqlGrid';
import { useI18n } from '../i18n/index';

export function AccountsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const columns: ColDef<AccountRow>[] = [
    { field: 'code', headerName: t('accounts.code'), width: 130 },
    {
      field: 'name',
      headerName: t('accounts.name'),
      flex: 1,
      cellRenderer: (p: { data?: AccountRow }) =>
        p.data ? <span style={{ paddingLeft: (p.data.level - 1) * 18 }}>{p.data.name}</span> : null,
    },
    { field: 'type', headerName: t('accounts.type'), width: 120, valueFormatter: (p) => (p.value ? t(`type.${p.value as AccountRow['type']}`) : '') },
    { field: 'normalSide', headerName: t('accounts.side'), width: 110, valueFormatter: (p) => (p.value ? t(`side.${p.value as 'debit' | 'credit'}`) : '') },
    { field: 'active', headerName: t('accounts.active'), width: 90, valueFormatter: (p) => (p.value ? t('yes') : t('no')) },
    // Dimensions by name in the UI language (客户、员工), never their codes.
    { field: 'dims', headerName: t('accounts.dims'), width: 160, valueFormatter: (p) => ((p.value as ('customer' | 'employee' | 'department')[] | undefined) ?? []).map((d) => t(`voucher.${d}`)).join('、') },
  ];
  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('nav.accounts')}</h1>
        <input className="search" placeholder={t('common.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
      </header>
      <SqlGrid testId="accounts-grid" columns={columns} channel="accounts.page" request={search ? { search } : {}} rowId={(r) => r.code} />
    </section>
  );
}
