/**
 * A grid over a table too big for memory: ag-grid's infinite row model, fed by a keyset
 * query (`after` = cursor of the last row seen). Blocks load one at a time in order, so
 * every block's cursor is known when it is asked for; jumping far ahead walks the cursors.
 * The data layer's too: the first block is a query (api/queries.ts), so when the engine says
 * the rows changed (book.changed) it is asked again and the grid starts afresh from the
 * new answer; the later blocks are read through the same cache, and a failed block goes to
 * the toast area like any failed query.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColDef, GridApi, IDatasource } from 'ag-grid-community';
import { useEffect, useMemo, useRef } from 'react';
import type { Req, Res } from '../../../shared/contract/index';
import type { Page } from '../../../shared/contract/define';
import { api } from '../api/platform';
import { fetchApi, queryKey, type PageChannel, type RowOf } from '../api/queries';
import { useI18n } from '../i18n/index';
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

export interface SqlGridProps<K extends PageChannel> {
  columns: ColDef<RowOf<K>>[];
  channel: K;
  /** The request without `after` and `limit`: another request (a filter) starts the grid afresh. */
  request: Omit<Req<K>, 'after' | 'limit'>;
  rowId?: (row: RowOf<K>) => string;
  onRowDoubleClicked?: (row: RowOf<K>) => void;
  testId?: string;
}

export function SqlGrid<K extends PageChannel>({ columns, channel, request, rowId, onRowDoubleClicked, testId }: SqlGridProps<K>) {
  type Row = RowOf<K>;
  const { locale } = useI18n();
  const client = useQueryClient();
  const apiRef = useRef<GridApi<Row> | null>(null);
  const pageReq = (after: string | null, limit: number) => ({ ...request, after, limit }) as Req<K>;
  const first = pageReq(null, BLOCK);
  // No placeholder: another request waits for its own first block instead of showing the last one's.
  const head = useQuery<Res<K>>({ queryKey: queryKey(channel, first), queryFn: () => api(channel, first) });
  // A new answer to the first block (another request, or the engine said the rows changed) or another language (the formatters read it) starts afresh.
  const stamp = head.isSuccess ? `${JSON.stringify(first)}|${head.dataUpdatedAt}|${locale}` : null;
  const read = useRef(pageReq);
  read.current = pageReq;

  const datasource = useMemo<IDatasource | null>(() => {
    if (stamp === null) return null;
    const cursors = new Map<number, string | null>([[0, null]]);
    let last: number | undefined;
    const fetchPage = (after: string | null, limit: number) => fetchApi(client, channel, read.current(after, limit)) as Promise<Page<Row>>;
    return {
      getRows: async (params) => {
        try {
          const start = params.startRow;
          // Walk forward from the nearest known cursor.
          let known = Math.max(...[...cursors.keys()].filter((k) => k <= start));
          while (known < start) {
            const page = await fetchPage(cursors.get(known) ?? null, BLOCK);
            known += BLOCK;
            cursors.set(known, page.next);
            if (!page.next) break;
          }
          if (known < start) return params.successCallback([], last ?? known);
          const page = await fetchPage(cursors.get(start) ?? null, params.endRow - params.startRow);
          cursors.set(params.endRow, page.next);
          if (!page.next) last = start + page.rows.length;
          params.successCallback(page.rows as unknown[], page.next ? undefined : start + page.rows.length);
        } catch {
          // Already in the toast area (the query cache reports every failed read); the block shows as failed.
          params.failCallback();
        }
      },
    };
    // The stamp says when the rows are to be read afresh; channel and client never change for one grid.
  }, [stamp, client, channel]);

  useEffect(() => {
    if (datasource) apiRef.current?.setGridOption('datasource', datasource);
  }, [datasource]);

  return (
    <div className="grid-host" data-testid={testId}>
      <Grid<Row>
        columnDefs={columns}
        defaultColDef={{ resizable: true, sortable: false }}
        rowModelType="infinite"
        cacheBlockSize={BLOCK}
        maxConcurrentDatasourceRequests={1}
        datasource={datasource ?? undefined}
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
