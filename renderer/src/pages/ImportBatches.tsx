/** Past imports, newest first, each undoable until something posted later depends on it (the core decides). */
import { useState } from 'react';
import type { ImportBatchRow } from '../../../shared/contract/import';
import { formatFen } from '../../../shared/money';
import { useApiMutation } from '../api/queries';
import { useI18n, type StringKey } from '../i18n/index';

/** The list refreshes itself: an undo is pushed as book.changed (api/invalidate.ts); a refused undo goes to the toast area. */
export function ImportBatches({ batches }: { batches: ImportBatchRow[] }) {
  const { t, locale } = useI18n();
  const [note, setNote] = useState<string | null>(null);
  const undoing = useApiMutation('import.undo');
  const undo = (id: number) => {
    if (!window.confirm(t('import.confirmUndo', { id }))) return;
    undoing.mutate({ batchId: id }, { onSuccess: () => setNote(t('import.undoDone', { id })) });
  };
  if (batches.length === 0) return null;
  return (
    <div className="card" data-testid="import-batches">
      <h2>{t('import.batches')}</h2>
      {note && <p className="ok-note">{note}</p>}
      <table className="plain">
        <thead>
          <tr>
            <th>{t('import.batch')}</th>
            <th>{t('import.when')}</th>
            <th>{t('import.kind')}</th>
            <th>{t('import.file')}</th>
            <th className="num">{t('import.rowsRead')}</th>
            <th className="num">{t('import.accepted')}</th>
            <th className="num">{t('import.rejected')}</th>
            <th className="num">{t('import.duplicates')}</th>
            <th className="num">{t('import.total')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id} data-testid={`batch-${b.id}`}>
              <td>#{b.id}</td>
              <td>{new Date(b.createdAt).toLocaleString(locale)}</td>
              <td>{t(`import.kind.${b.kind}` as StringKey)}</td>
              <td>{b.fileName}</td>
              <td className="num">{b.rowsRead}</td>
              <td className="num">{b.accepted}</td>
              <td className="num">{b.rejected}</td>
              <td className="num">{b.duplicates}</td>
              <td className="num">{formatFen(b.totalFen)}</td>
              <td>
                {b.undoneAt ? (
                  <span className="badge">{t('import.undone')}</span>
                ) : (
                  <button type="button" onClick={() => undo(b.id)} data-testid={`undo-${b.id}`}>
                    {t('import.undo')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
