/**
 * What-if: two rule sets on one period side by side, per customer (nothing is stored). The
 * comparison asked is a query (refreshed when the book changes, its failure in the toast area).
 */
import type { ColDef } from 'ag-grid-community';
import { useState } from 'react';
import type { WhatIfResult } from '../../../../shared/contract/allocation';
import { formatFen } from '../../../../shared/money';
import { useApi } from '../../api/queries';
import { Grid } from '../../components/Grid';
import { useI18n } from '../../i18n/index';

type Row = WhatIfResult['customers'][number];

export function WhatIf({ period, ruleSets }: { period: string; ruleSets: string[] }) {
  const { t } = useI18n();
  const [a, setA] = useState('default');
  const [b, setB] = useState(ruleSets.find((s) => s !== 'default') ?? 'default');
  // The comparison last asked for (null: none yet).
  const [asked, setAsked] = useState<{ a: string; b: string } | null>(null);
  const compared = useApi('allocation.whatIf', { period, a: { ruleSet: asked?.a ?? a }, b: { ruleSet: asked?.b ?? b } }, { enabled: asked !== null });
  const result: WhatIfResult | null = asked && !compared.isError ? (compared.data ?? null) : null;
  const money = { type: 'rightAligned', valueFormatter: (p: { value: number | null }) => (p.value === null ? '' : formatFen(p.value)), width: 140 };
  const cols: ColDef<Row>[] = [
    { field: 'code', headerName: t('profit.code'), width: 110 },
    { field: 'name', headerName: t('alloc.customer'), flex: 1 },
    { field: 'aFen', headerName: `${t('alloc.whatIfA')}：${a === 'default' ? t('alloc.defaultSet') : a}`, ...money },
    { field: 'bFen', headerName: `${t('alloc.whatIfB')}：${b === 'default' ? t('alloc.defaultSet') : b}`, ...money },
    { field: 'diffFen', headerName: t('alloc.diff'), ...money, cellClassRules: { 'neg-amount': (p) => (p.value as number) < 0 } },
  ];
  const pick = (value: string, onChange: (v: string) => void, label: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {ruleSets.map((s) => (
          <option key={s} value={s}>
            {s === 'default' ? t('alloc.defaultSet') : s}
          </option>
        ))}
      </select>
    </label>
  );
  const total = (k: 'aFen' | 'bFen' | 'diffFen') => (result?.customers ?? []).reduce((s, r) => s + r[k], 0);
  return (
    <section className="card" data-testid="whatif">
      <h2>{t('alloc.whatIf')}</h2>
      <div className="report-filters">
        {pick(a, setA, t('alloc.whatIfA'))}
        {pick(b, setB, t('alloc.whatIfB'))}
        <button type="button" onClick={() => setAsked({ a, b })}>
          {t('alloc.compare')}
        </button>
      </div>
      {result && (
        <div className="report-grid">
          <Grid<Row>
            columnDefs={cols}
            rowData={result.customers}
                size="content"
            pinnedBottomRowData={[{ customerId: 0, code: '', name: t('alloc.total'), aFen: total('aFen'), bFen: total('bFen'), diffFen: total('diffFen') }]}
            getRowClass={(p) => (p.node.rowPinned ? 'report-totals' : undefined)}
          />
        </div>
      )}
    </section>
  );
}
