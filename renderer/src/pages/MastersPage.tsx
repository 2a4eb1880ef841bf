/**
 * 客户与员工: customers, employees, departments and expense categories edited in place,
 * Excel-like (double-click or type into a cell, Enter saves). Every edit is one audited
 * core call; a refused edit (a duplicate name after NFKC folding, say) shows the core's
 * message next to the grid (the cell is its cause) and the cell keeps the stored value:
 * the grid never writes its rows (ag-grid readOnlyEdit, its cellEditRequest event asks us),
 * they are the queries' answers, which book.changed refreshes after a write.
 */
import type { CellEditRequestEvent, ColDef } from 'ag-grid-community';
import { useState } from 'react';
import type { CategoryRow, CustomerRow, DepartmentRow, EmployeeRow } from '../../../shared/contract/masters';
import { useApi, useApiAllPages, useApiMutation } from '../api/queries';
import { Grid } from '../components/Grid';
import { useI18n } from '../i18n/index';
import { ChartEditor } from './masters/ChartEditor';

type Tab = 'customers' | 'employees' | 'departments' | 'categories' | 'chart';
type AnyRow = CustomerRow | EmployeeRow | DepartmentRow | CategoryRow;

export function MastersPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('customers');
  const [inactive, setInactive] = useState(false);
  // The choices of the manager, department and approver cells, inactive ones too (a row may still name one).
  const employees: EmployeeRow[] = useApiAllPages('employees.page', { limit: 500, includeInactive: true }).data ?? [];
  const departments: DepartmentRow[] = useApi('departments.list', { includeInactive: true }).data ?? [];
  const customers: CustomerRow[] = useApiAllPages('customers.page', { limit: 500, includeInactive: inactive }).data ?? [];
  const categories: CategoryRow[] = useApi('categories.list', {}, { enabled: tab === 'categories' }).data ?? [];
  const rows: AnyRow[] =
    tab === 'customers' ? customers : tab === 'employees' ? employees.filter((e) => inactive || e.active) : tab === 'departments' ? departments.filter((d) => inactive || d.active) : tab === 'categories' ? categories : [];
  const [newName, setNewName] = useState('');
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  // A refusal names the cell or the name just typed: said here, next to them.
  const own = { ownErrors: true };
  const write = {
    customers: { create: useApiMutation('customers.create', own), update: useApiMutation('customers.update', own), setActive: useApiMutation('customers.setActive', own) },
    employees: { create: useApiMutation('employees.create', own), update: useApiMutation('employees.update', own), setActive: useApiMutation('employees.setActive', own) },
    departments: { create: useApiMutation('departments.create', own), update: useApiMutation('departments.update', own), setActive: useApiMutation('departments.setActive', own) },
    categories: { update: useApiMutation('categories.update', own) },
  };

  const run = (call: Promise<unknown>, done?: () => void) =>
    void call.then(
      () => {
        done?.();
        setNote({ text: t('masters.saved') });
      },
      (e: Error) => setNote({ text: e.message, error: true }),
    );

  const byName = (list: { id: number; name: string }[], name: unknown) => list.find((x) => x.name === name)?.id ?? null;

  const onEdit = (e: CellEditRequestEvent<AnyRow>) => {
    const field = e.colDef.field as string;
    const id = e.data.id;
    const v = e.newValue as unknown;
    const text = String(v ?? '');
    if (tab === 'customers') return run(write.customers.update.mutateAsync(field === 'managerName' ? { id, managerId: byName(employees, v) } : { id, [field]: text }));
    if (tab === 'employees') {
      const patch = field === 'departmentName' ? { id, departmentId: byName(departments, v) } : field === 'approverName' ? { id, approverId: byName(employees, v) } : { id, [field]: text };
      return run(write.employees.update.mutateAsync(patch));
    }
    if (tab === 'departments') return run(write.departments.update.mutateAsync({ id, [field]: field === 'isService' ? Boolean(v) : text }));
    if (field === 'synonyms') return run(write.categories.update.mutateAsync({ id, synonyms: text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) }));
    return run(write.categories.update.mutateAsync({ id, [field]: text }));
  };

  const add = () => {
    const name = newName.trim();
    if (!name || tab === 'categories' || tab === 'chart') return;
    run(write[tab].create.mutateAsync({ name }), () => setNewName(''));
  };

  const toggleActive = (r: AnyRow) =>
    run(tab === 'categories' ? write.categories.update.mutateAsync({ id: r.id, active: !r.active }) : tab === 'chart' ? Promise.resolve() : write[tab].setActive.mutateAsync({ id: r.id, active: !r.active }));

  const select = (values: string[]) => ({ cellEditor: 'agSelectCellEditor', cellEditorParams: { values: ['', ...values] } });
  const activeCol: ColDef<AnyRow> = {
    colId: 'active',
    headerName: t('masters.active'),
    width: 120,
    cellRenderer: (p: { data?: AnyRow }) =>
      p.data ? (
        <button type="button" className="small" onClick={() => toggleActive(p.data!)}>
          {p.data.active ? t('masters.deactivate') : t('masters.activate')}
        </button>
      ) : null,
  };
  const edit = { editable: true };
  const columns: Record<Exclude<Tab, 'chart'>, ColDef<AnyRow>[]> = {
    customers: [
      { field: 'code' as never, headerName: t('masters.code'), width: 110, ...edit },
      { field: 'name' as never, headerName: t('masters.name'), flex: 1, minWidth: 220, ...edit },
      { field: 'tier' as never, headerName: t('masters.tier'), width: 90, ...edit },
      { field: 'managerName' as never, headerName: t('masters.manager'), width: 160, ...edit, ...select(employees.filter((e) => e.active).map((e) => e.name)) },
      activeCol,
    ],
    employees: [
      { field: 'code' as never, headerName: t('masters.code'), width: 110, ...edit },
      { field: 'name' as never, headerName: t('masters.name'), flex: 1, minWidth: 160, ...edit },
      { field: 'departmentName' as never, headerName: t('masters.department'), width: 160, ...edit, ...select(departments.filter((d) => d.active).map((d) => d.name)) },
      { field: 'approverName' as never, headerName: t('masters.approver'), width: 160, ...edit, ...select(employees.filter((e) => e.active).map((e) => e.name)) },
      activeCol,
    ],
    departments: [
      { field: 'code' as never, headerName: t('masters.code'), width: 110, ...edit },
      { field: 'name' as never, headerName: t('masters.name'), flex: 1, ...edit },
      { field: 'isService' as never, headerName: t('masters.isService'), width: 130, ...edit, cellDataType: 'boolean' },
      activeCol,
    ],
    categories: [
      { field: 'code' as never, headerName: t('masters.code'), width: 120 },
      { field: 'name' as never, headerName: t('masters.name'), width: 140, ...edit },
      { field: 'nameEn' as never, headerName: t('masters.nameEn'), width: 150, ...edit },
      { field: 'synonyms' as never, headerName: t('masters.synonyms'), flex: 1, minWidth: 240, ...edit, valueFormatter: (p) => ((p.value as string[] | undefined) ?? []).join(', '), valueParser: (p) => p.newValue as never },
      { field: 'accountCode' as never, headerName: t('masters.accountCode'), width: 120, ...edit },
      { field: 'accountName' as never, headerName: '', width: 140 },
      activeCol,
    ],
  };

  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('masters.title')}</h1>
        <label className="check">
          <input type="checkbox" checked={inactive} onChange={(e) => setInactive(e.target.checked)} /> {t('masters.showInactive')}
        </label>
      </header>
      <div className="ledger-tabs" role="tablist">
        {(['customers', 'employees', 'departments', 'categories', 'chart'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} data-testid={`masters-tab-${k}`} onClick={() => (setTab(k), setNote(null))}>
            {t(`masters.${k}`)}
          </button>
        ))}
      </div>
      {tab !== 'categories' && tab !== 'chart' && (
        <form className="inline-form" onSubmit={(e) => (e.preventDefault(), add())}>
          <input value={newName} placeholder={t('masters.newName')} onChange={(e) => setNewName(e.target.value)} data-testid="masters-new-name" size={30} />
          <button type="submit" className="primary" disabled={!newName.trim()}>{t('masters.add')}</button>
          <span className="muted">{t('masters.editHint')}</span>
        </form>
      )}
      {note && <p className={note.error ? 'error' : 'ok-note'} data-testid="masters-note">{note.text}</p>}
      {tab === 'chart' && <ChartEditor onNote={setNote} />}
      {tab !== 'chart' && (
      <div className="grid-host ledger-grid" data-testid={`masters-${tab}`}>
        <Grid<AnyRow>
          key={tab}
          columnDefs={columns[tab as Exclude<Tab, 'chart'>]}
          rowData={rows}
          getRowId={(p) => String(p.data.id)}
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          readOnlyEdit
          onCellEditRequest={onEdit}
        />
      </div>
      )}
    </section>
  );
}
