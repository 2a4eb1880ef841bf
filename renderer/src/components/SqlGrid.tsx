/**
 * A grid over a table too big for memory: ag-grid's infinite row model, fed by a keyset
 * query (`after` = cursor of the last row seen). Blocks load one at a time in order, so
 * every block's cursor is known when it is asked for; jumping far ahead walks the cursors.
 */
import type { ColDef, GridApi, IDatasource } from 'ag-grid-community';
import { useEffect, useMemo, useRef } from 'react';
import type { Page } from '../../../shared/contract/define';
import { Grid } from './Grid';

const BLOCK = 100;

/** Column widths and order the user set are remembered per grid. */
const stateKey = (id: string) => `client-ledger-grid:${id}`;

export function saveColumns(api: GridApi, id: string | undefined): void {
  if (id) localStorage.setItem(stateKey(id), JSON.stringify(api.getColumnState().map(({ colId, width }) => ({ colId, width }))));
}

export function restoreColumns(api: GridApi, id: string | undefined): void {
  const saved = id ? localStorage.getItem(stateKey(id)) : null;
  if (!saved) return;
  try {
    api.applyColumnState({ state: JSON.parse(saved) as { colId: string; width: number }[], applyOrder: true });
  } catch {
    localStorage.removeItem(stateKey(id!));
  }
}

export interface SqlGridProps<Row> {
  columns: ColDef<Row>[];
  fetchPage: (after: string | null, limit: number) => Promise<Page<Row>>;
  /** Changing this key reloads the grid (e.g. after a search or an edit). */
  reloadKey?: string;
  rowId?: (row: Row) => string;
  onRowDoubleClicked?: (row: Row) => void;
  testId?: string;
}

export function SqlGrid<Row>({ columns, fetchPage, reloadKey, rowId, onRowDoubleClicked, testId }: SqlGridProps<Row>) {
  const apiRef = useRef<GridApi<Row> | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const datasource = useMemo<IDatasource>(() => {
    const cursors = new Map<number, string | null>([[0, null]]);
    let last: number | undefined;
    return {
      getRows: async (params) => {
        try {
          const start = params.startRow;
          // Walk forward from the nearest known cursor.
          let known = Math.max(...[...cursors.keys()].filter((k) => k <= start));
          while (known < start) {
            const page = await fetchRef.current(cursors.get(known) ?? null, BLOCK);
            known += BLOCK;
            cursors.set(known, page.next);
            if (!page.next) break;
          }
          if (known < start) return params.successCallback([], last ?? known);
          const page = await fetchRef.current(cursors.get(start) ?? null, params.endRow - params.startRow);
          cursors.set(params.endRow, page.next);
          if (!page.next) last = start + page.rows.length;
          params.successCallback(page.rows as unknown[], page.next ? undefined : start + page.rows.length);
        } catch {
          params.failCallback();
        }
      },
    };
    // reloadKey deliberately rebuilds the datasource and its cursors.
  }, [reloadKey]);

  useEffect(() => {
    apiRef.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  return (
    <div className="grid-host" data-testid={testId}>
      <Grid<Row>
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: false }}
        rowModelType="infinite"
        cacheBlockSize={BLOCK}
        maxConcurrentDatasourceRequests={1}
        datasource={datasource}
        onGridReady={(e) => {
          apiRef.current = e.api;
          restoreColumns(e.api, testId);
        }}
        onColumnResized={(e) => e.finished && saveColumns(e.api, testId)}
        onColumnMoved={(e) => e.finished && saveColumns(e.api, testId)}
        getRowId={rowId ? (p) => rowId(p.data) : undefined}
        onRowDoubleClicked={(e) => e.data && onRowDoubleClicked?.(e.data)}
        // Enter on a focused row does what a double-click does (keyboard users open rows too).
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | null | undefined)?.key;
          if (key === 'Enter' && e.data) onRowDoubleClicked?.(e.data);
        }}
      />
    </div>
  );
}
