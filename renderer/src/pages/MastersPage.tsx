/**
 * 客户与员工: customers, employees, departments and expense categories edited in place,
 * Excel-like (double-click or type into a cell, Enter saves). Every edit is one audited
 * core call; a refused edit (a duplicate name after NFKC folding, say) shows the core's
 * message and the grid reloads the stored value.
 */
import type { CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useState } from 'react';
import type { CategoryRow, CustomerRow, DepartmentRow, EmployeeRow } from '../../../shared/contract/masters';
import { api } from '../api/platform';
import { Grid } from '../components/Grid';
import { useI18n } from '../i18n/index';
import { ChartEditor } from './masters/ChartEditor';

type Tab = 'customers' | 'employees' | 'departments' | 'categories' | 'chart';
type AnyRow = CustomerRow | EmployeeRow | DepartmentRow | CategoryRow;

async function allPages<R>(read: (after: string | null) => Promise<{ rows: R[]; next: string | null }>): Promise<R[]> {
  const out: R[] = [];
  for (let after: string | null = null; ; ) {
    const page = await read(after);
    out.push(...page.rows);
    if (!page.next) return out;
    after = page.next;
  }
}

export function MastersPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('customers');
  const [inactive, setInactive] = useState(false);
  const [rows, setRows] = useState<AnyRow[]>([]);
  const [employees, setEmployees] = useState<EmployeeRow[]>([]);
  const [departments, setDepartments] = useState<DepartmentRow[]>([]);
  const [newName, setNewName] = useState('');
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const load = async () => {
      const [emps, depts] = await Promise.all([allPages((after) => api('employees.page', { after, limit: 500, includeInactive: true })), api('departments.list', { includeInactive: true })]);
      setEmployees(emps);
      setDepartments(depts);
      if (tab === 'customers') setRows(await allPages((after) => api('customers.page', { after, limit: 500, includeInactive: inactive })));
      else if (tab === 'employees') setRows(inactive ? emps : emps.filter((e) => e.active));
      else if (tab === 'departments') setRows(inactive ? depts : depts.filter((d) => d.active));
      else if (tab === 'categories') setRows(await api('categories.list', {}));
    };
    load().catch((e: Error) => setNote({ text: e.message, error: true }));
  }, [tab, inactive, version]);

  const run = async (call: () => Promise<unknown>) => {
    try {
      await call();
      setNote({ text: t('masters.saved') });
    } catch (e) {
      setNote({ text: (e as Error).message, error: true });
    }
    reload();
  };

  const byName = (list: { id: number; name: string }[], name: unknown) => list.find((x) => x.name === name)?.id ?? null;

  const onEdit = (e: CellValueChangedEvent<AnyRow>) => {
    const field = e.colDef.field as string;
    const id = e.data.id;
    const v = e.newValue as unknown;
    void run(async () => {
      if (tab === 'customers') {
        if (field === 'managerName') return api('customers.update', { id, managerId: byName(employees, v) });
        return api('customers.update', { id, [field]: String(v ?? '') });
      }
      if (tab === 'employees') {
        if (field === 'departmentName') return api('employees.update', { id, departmentId: byName(departments, v) });
        if (field === 'approverName') return api('employees.update', { id, approverId: byName(employees, v) });
        return api('employees.update', { id, [field]: String(v ?? '') });
      }
      if (tab === 'departments') return api('departments.update', { id, [field]: field === 'isService' ? Boolean(v) : String(v ?? '') });
      if (field === 'synonyms') return api('categories.update', { id, synonyms: String(v ?? '').split(/[,，、]/).map((s) => s.trim()).filter(Boolean) });
      return api('categories.update', { id, [field]: String(v ?? '') });
    });
  };

  const add = () => {
    const name = newName.trim();
    if (!name) return;
    void run(async () => {
      if (tab === 'customers') await api('customers.create', { name });
      else if (tab === 'employees') await api('employees.create', { name });
      else await api('departments.create', { name });
      setNewName('');
    });
  };

  const toggleActive = (r: AnyRow) =>
    void run(() =>
      tab === 'customers'
        ? api('customers.setActive', { id: r.id, active: !r.active })
        : tab === 'employees'
          ? api('employees.setActive', { id: r.id, active: !r.active })
          : tab === 'departments'
            ? api('departments.setActive', { id: r.id, active: !r.active })
            : api('categories.update', { id: r.id, active: !r.active }),
    );

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
          onCellValueChanged={onEdit}
        />
      </div>
      )}
    </section>
  );
}
