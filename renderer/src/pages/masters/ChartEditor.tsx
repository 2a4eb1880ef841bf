/**
 * Chart maintenance inside 客户与员工: add a sub-account under a parent (the core picks the
 * next 4-2-2 code and refuses a parent that already has postings), rename, set required
 * dimensions, (de)activate. Edits are in-grid like the other masters (MastersPage: the grid
 * never writes its rows, a refusal is said in the page's note and the cell keeps the stored value).
 */
import type { CellEditRequestEvent, ColDef } from 'ag-grid-community';
import { useState } from 'react';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { useApiAllPages, useApiMutation } from '../../api/queries';
import { itemLabel, Picker } from '../../components/Picker';
import { Grid } from '../../components/Grid';
import { useI18n } from '../../i18n/index';

const DIMS = ['customer', 'employee', 'department'] as const;
type Dim = (typeof DIMS)[number];

export function ChartEditor({ onNote }: { onNote: (n: { text: string; error?: boolean }) => void }) {
  const { t } = useI18n();
  const rows: AccountRow[] = useApiAllPages('accounts.page', { limit: 1000 }).data ?? [];
  const [parent, setParent] = useState<{ code: string; label: string } | null>(null);
  const [name, setName] = useState('');
  const dimLabel = (d: Dim) => t(`voucher.${d}`);
  const own = { ownErrors: true };
  const adding = useApiMutation('accounts.addSub', own);
  const updating = useApiMutation('accounts.update', own);
  const activating = useApiMutation('accounts.setActive', own);

  const run = <R,>(call: Promise<R>, ok: (r: R) => string = () => t('masters.saved')) =>
    void call.then(
      (r) => onNote({ text: ok(r) }),
      (e: Error) => onNote({ text: e.message, error: true }),
    );

  const add = () => {
    if (!parent || !name.trim()) return;
    run(adding.mutateAsync({ parent: parent.code, name: name.trim() }), (a) => {
      setName('');
      return t('masters.subAdded', { account: `${a.code} ${a.name}` });
    });
  };

  const onEdit = (e: CellEditRequestEvent<AccountRow>) => {
    const code = e.data.code;
    if (e.colDef.field === 'name') run(updating.mutateAsync({ code, name: String(e.newValue ?? '') }));
    if (e.colDef.field === 'dims') {
      // Typed in either language: 客户 / customer, 员工 / employee, 部门 / department.
      const dims = String(e.newValue ?? '')
        .split(/[,，、\s]+/)
        .map((w) => DIMS.find((d) => d === w.toLowerCase() || dimLabel(d) === w))
        .filter((d): d is Dim => d !== undefined);
      run(updating.mutateAsync({ code, dims }));
    }
  };

  const columns: ColDef<AccountRow>[] = [
    { field: 'code', headerName: t('accounts.code'), width: 130 },
    { field: 'name', headerName: t('accounts.name'), flex: 1, editable: true, cellRenderer: (p: { data?: AccountRow; value?: string }) => <span style={{ paddingLeft: ((p.data?.level ?? 1) - 1) * 18 }}>{p.value}</span> },
    { field: 'type', headerName: t('accounts.type'), width: 110, valueFormatter: (p) => (p.value ? t(`type.${p.value as AccountRow['type']}`) : '') },
    { field: 'dims', headerName: `${t('accounts.dims')}（${DIMS.map(dimLabel).join('、')}）`, width: 300, editable: true, valueFormatter: (p) => ((p.value as Dim[] | undefined) ?? []).map(dimLabel).join(', '), valueParser: (p) => p.newValue as never },
    {
      colId: 'active',
      headerName: t('masters.active'),
      width: 120,
      cellRenderer: (p: { data?: AccountRow }) =>
        p.data ? (
          <button type="button" className="small" onClick={() => run(activating.mutateAsync({ code: p.data!.code, active: !p.data!.active }))}>
            {p.data.active ? t('masters.deactivate') : t('masters.activate')}
          </button>
        ) : null,
    },
  ];

  return (
    <>
      <form className="inline-form" onSubmit={(e) => (e.preventDefault(), add())}>
        <span className="picker-inline">
          <Picker kind="account" label={parent?.label ?? ''} placeholder={t('masters.parentAccount')} testId="chart-parent" onPick={(i) => setParent(i ? { code: String(i.id), label: itemLabel(i) } : null)} />
        </span>
        <input value={name} placeholder={t('masters.subName')} onChange={(e) => setName(e.target.value)} data-testid="chart-sub-name" size={24} />
        <button type="submit" className="primary" disabled={!parent || !name.trim()}>{t('masters.addSub')}</button>
        <span className="muted">{t('masters.chartHint')}</span>
      </form>
      <div className="grid-host ledger-grid" data-testid="masters-chart">
        <Grid<AccountRow> columnDefs={columns} rowData={rows} getRowId={(p) => p.data.code} stopEditingWhenCellsLoseFocus readOnlyEdit onCellEditRequest={onEdit} />
      </div>
    </>
  );
}
