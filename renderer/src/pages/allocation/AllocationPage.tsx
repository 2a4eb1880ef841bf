/**
 * 成本分配: the rules (rule sets for scenarios), running a period, the result grid (click a
 * customer for the explanation), posting the run as a reclass voucher, and what-if.
 * Reads are queries, writes mutations (api/queries.ts): a saved or deleted rule shows when
 * the engine says the rules changed; failures go to the toast area.
 */
import type { ColDef, RowClickedEvent } from 'ag-grid-community';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { Rule, StoredRun } from '../../../../shared/contract/allocation';
import { formatFen } from '../../../../shared/money';
import { queryKey, useApi, useApiMutation } from '../../api/queries';
import { Grid } from '../../components/Grid';
import { useI18n } from '../../i18n/index';
import { ExplainPanel, type ExplainTarget } from './ExplainPanel';
import { driverLabel, driverValue, share } from './format';
import { emptyRule, RuleEditor } from './RuleEditor';
import { WhatIf } from './WhatIf';
import { thisPeriodLocal } from '../../../../shared/today';

interface ResultRow {
  pool: string;
  driver: string;
  customerId: number | null;
  target: string;
  driverValue: string;
  share: string;
  amountFen: number;
}

export function AllocationPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [period, setPeriod] = useState(() => sessionStorage.getItem('client-ledger-alloc-period') ?? thisPeriodLocal());
  const [ruleSet, setRuleSet] = useState('default');
  const [editing, setEditing] = useState<Rule | null>(null);
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const [newSet, setNewSet] = useState('');
  const options = useApi('allocation.options', {}).data ?? null;
  const rules = useApi('allocation.rules', { ruleSet }).data ?? [];
  const validPeriod = /^\d{4}-\d{2}$/.test(period);
  const runKey = { period };
  const run = useApi('allocation.getRun', runKey, { enabled: validPeriod }).data?.run ?? null;
  // The stored run is the answer of getRun: a new run or its posting shows at once, and again when book.changed refetches it.
  const showRun = (r: StoredRun) => client.setQueryData(queryKey('allocation.getRun', runKey), { run: r });
  const running = useApiMutation('allocation.run');
  const posting = useApiMutation('allocation.post');
  const saving = useApiMutation('allocation.saveRule');
  const deleting = useApiMutation('allocation.deleteRule');
  const busy = running.isPending || posting.isPending || saving.isPending;
  useEffect(() => sessionStorage.setItem('client-ledger-alloc-period', period), [period]);

  const sets = useMemo(() => [...new Set(['default', ...(options?.ruleSets ?? []), ruleSet])], [options, ruleSet]);
  const copySet = async () => {
    const name = newSet.trim();
    if (!name) return;
    try {
      for (const r of rules) await saving.mutateAsync({ ruleSet: name, rule: { ...r, id: undefined } });
    } catch {
      return; // said in the toast area (queries.ts); the set stays unselected
    }
    setNewSet('');
    setRuleSet(name);
  };
  const rows = useMemo<ResultRow[]>(
    () =>
      (run?.pools ?? []).flatMap((p) =>
        p.lines.map((l) => ({
          pool: p.pool,
          driver: driverLabel(t, p.driver),
          customerId: l.customerId,
          target: `${l.code} ${l.name}`,
          driverValue: driverValue(p.driver, l.driverValue),
          share: share(l.shareNumerator, l.shareDenominator),
          amountFen: l.amountFen,
        })),
      ),
    [run, t],
  );
  const cols: ColDef<ResultRow>[] = [
    { field: 'pool', headerName: t('alloc.pool'), width: 160 },
    { field: 'driver', headerName: t('alloc.driver'), width: 120 },
    { field: 'target', headerName: t('alloc.customer'), flex: 1 },
    { field: 'driverValue', headerName: t('alloc.driverValue'), type: 'rightAligned', width: 140 },
    { field: 'share', headerName: t('alloc.share'), type: 'rightAligned', width: 110 },
    { field: 'amountFen', headerName: t('alloc.amount'), type: 'rightAligned', width: 150, valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatFen(p.value as number)) },
  ];
  const onRow = (e: RowClickedEvent<ResultRow>) => {
    if (e.data?.customerId) setExplain({ customerId: e.data.customerId, label: e.data.target, from: period, to: period });
  };
  const ruleSummary = (r: Rule) =>
    r.target.kind === 'all' ? t('alloc.target.all') : r.target.kind === 'tier' ? `${t('alloc.target.tier')}: ${r.target.tiers.join(', ')}` : t('alloc.target.manager');
  const dept = (id: number | null) => (id === null ? '' : (options?.departments.find((d) => d.id === id)?.name ?? String(id)));

  return (
    <section className="page alloc-page">
      <header className="page-head">
        <h1>{t('nav.allocation')}</h1>
        <label className="inline">
          {t('alloc.period')}
          <input type="month" value={period} onChange={(e) => setPeriod(e.target.value)} aria-label={t('alloc.period')} />
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => running.mutate({ period, ruleSet }, { onSuccess: showRun })}>
          {t('alloc.run')}
        </button>
        {run && run.voucherId === null && (
          <button type="button" disabled={busy} onClick={() => posting.mutate({ runId: run.runId }, { onSuccess: (r) => showRun({ ...run, voucherId: r.voucherId, voucherNo: r.voucherNo }) })}>
            {t('alloc.post')}
          </button>
        )}
      </header>

      <section className="card">
        <div className="page-head">
          <h2>{t('alloc.rules')}</h2>
          <label className="inline">
            {t('alloc.ruleSet')}
            <select value={ruleSet} onChange={(e) => setRuleSet(e.target.value)}>
              {sets.map((s) => (
                <option key={s} value={s}>
                  {s === 'default' ? t('alloc.defaultSet') : s}
                </option>
              ))}
            </select>
          </label>
          <input value={newSet} placeholder={t('alloc.newRuleSetName')} onChange={(e) => setNewSet(e.target.value)} />
          <button type="button" disabled={!newSet.trim() || busy} onClick={() => void copySet()}>
            {t('alloc.newRuleSet')}
          </button>
          <button type="button" onClick={() => setEditing(emptyRule((rules.at(-1)?.seq ?? 0) + 10))}>
            {t('alloc.addRule')}
          </button>
        </div>
        {rules.length === 0 ? (
          <p className="muted">{t('alloc.noRules')}</p>
        ) : (
          <table className="plain" data-testid="rules-table">
            <thead>
              <tr>
                <th>{t('alloc.seq')}</th>
                <th>{t('alloc.name')}</th>
                <th>{t('alloc.method')}</th>
                <th>{t('alloc.accounts')}</th>
                <th>{t('alloc.department')}</th>
                <th>{t('alloc.driver')}</th>
                <th>{t('alloc.target')}</th>
                <th>{t('alloc.active')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <td>{r.seq}</td>
                  <td>{r.name}</td>
                  <td>{t(`alloc.method.${r.method}`)}</td>
                  <td className="mono">{r.accounts.join(', ')}</td>
                  <td>{dept(r.departmentId)}</td>
                  <td>{driverLabel(t, r.driver)}</td>
                  <td>{ruleSummary(r)}</td>
                  <td>{r.active ? '✓' : ''}</td>
                  <td className="alloc-actions">
                    <button type="button" onClick={() => setEditing(r)}>
                      {t('alloc.edit')}
                    </button>
                    <button type="button" disabled={deleting.isPending} onClick={() => deleting.mutate({ id: r.id! })}>
                      {t('alloc.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing && options && (
          <RuleEditor key={editing.id ?? 'new'} rule={editing} ruleSet={ruleSet} options={options} onCancel={() => setEditing(null)} onSaved={() => setEditing(null)} />
        )}
      </section>

      <section className="card" data-testid="alloc-result">
        <div className="page-head">
          <h2>{run ? t('alloc.runInfo', { id: run.runId, period: run.period, total: formatFen(run.totalFen) }) : t('alloc.noRun')}</h2>
          {run?.voucherNo && <span className="ok-note">{t('alloc.posted', { voucher: run.voucherNo })}</span>}
        </div>
        {run && (
          <>
            <p className="muted">{t('alloc.clickHint')}</p>
            <div className="report-grid">
              <Grid<ResultRow>
                columnDefs={cols}
                rowData={rows}
                onRowClicked={onRow}
                size="content"
                rowClass="clickable"
                pinnedBottomRowData={[{ pool: t('alloc.total'), driver: '', customerId: null, target: '', driverValue: '', share: '', amountFen: run.totalFen }]}
                getRowClass={(p) => (p.node.rowPinned ? 'report-totals' : undefined)}
              />
            </div>
          </>
        )}
        {explain && <ExplainPanel target={explain} onClose={() => setExplain(null)} />}
      </section>

      <WhatIf period={period} ruleSets={sets} />
    </section>
  );
}
