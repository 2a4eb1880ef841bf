/** What an import did: the counts that must add up, amounts by category, each rejected and duplicate row, policy exceptions. */
import type { ImportSummary } from '../../../shared/contract/import';
import { formatFen } from '../../../shared/money';
import { api, files } from '../api/platform';
import { notifyError } from '../api/notify';
import { useApi } from '../api/queries';
import { useI18n } from '../i18n/index';
import { ImportForms } from './ImportForms';

export function ImportResult({ result: r }: { result: ImportSummary }) {
  const { t, locale } = useI18n();
  const categories = useApi('categories.list', {}).data ?? [];
  const names: Record<string, string> = Object.fromEntries(categories.map((c) => [c.code, locale === 'en' ? c.nameEn : c.name]));
  const download = async () => {
    try {
      const path = await files.savePath({ defaultName: `rejects-batch-${r.batchId}.xlsx` });
      if (!path) return;
      const out = await api('import.rejects', { batchId: r.batchId, path });
      await files.reveal(out.path);
    } catch (e) {
      notifyError(e);
    }
  };
  const counts: [string, number, string][] = [
    [t('import.rowsRead'), r.rowsRead, 'read'],
    [t('import.accepted'), r.accepted, 'accepted'],
    [t('import.rejected'), r.rejected, 'rejected'],
    [t('import.duplicates'), r.duplicates, 'duplicates'],
    [t('import.skipped'), r.skipped, 'skipped'],
  ];
  return (
    <div className="card import-result" data-testid="import-result">
      <h2>{t('import.summary', { id: r.batchId })}</h2>
      {r.sameFileBatchId !== null && <p className="muted">{t('import.sameFile', { id: r.sameFileBatchId })}</p>}
      <div className="import-counts">
        {counts.map(([label, n, key]) => (
          <div key={key} className={`import-count ${key}`} data-testid={`count-${key}`}>
            <span className="n">{n.toLocaleString()}</span>
            <span className="muted">{label}</span>
          </div>
        ))}
        <div className="import-count total" data-testid="count-total">
          <span className="n">{formatFen(r.acceptedTotalFen)}</span>
          <span className="muted">{t('import.total')}</span>
        </div>
      </div>
      <p className="muted">{t('import.created', { customers: r.createdCustomers, employees: r.createdEmployees })}</p>
      {r.sheets.length > 1 && (
        <ul className="import-sheets">
          {r.sheets.map((s) => (
            <li key={s.name}>{t('import.sheetCounts', { ...s })}</li>
          ))}
        </ul>
      )}
      <div className="import-result-grid">
        {Object.keys(r.byCategory).length > 0 && (
          <table className="plain" data-testid="import-by-category">
            <caption>{t('import.byCategory')}</caption>
            <thead>
              <tr>
                <th>{t('import.category')}</th>
                <th className="num">{t('import.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(r.byCategory).map(([code, fen]) => (
                <tr key={code}>
                  <td>
                    {names[code] ?? code} <span className="muted mono">{code}</span>
                  </td>
                  <td className="num">{formatFen(fen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.rejects.length > 0 && (
          <table className="plain" data-testid="import-rejects">
            <caption>
              {t('import.rejects')}{' '}
              <button type="button" onClick={() => void download()} data-testid="import-download-rejects">
                {t('import.downloadRejects')}
              </button>
            </caption>
            <thead>
              <tr>
                <th>{t('import.sheet')}</th>
                <th className="num">{t('import.row')}</th>
                <th>{t('import.reason')}</th>
                <th>{t('import.values')}</th>
              </tr>
            </thead>
            <tbody>
              {r.rejects.map((x, i) => (
                <tr key={`${x.sheet}!${x.row}`}>
                  <td>{x.sheet}</td>
                  <td className="num">{x.row}</td>
                  <td>{x.reason}</td>
                  <td className="reject-values">{(r.rejectValues[i] ?? []).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.duplicateRows.length > 0 && (
          <table className="plain" data-testid="import-duplicates">
            <caption>{t('import.duplicateRows')}</caption>
            <tbody>
              {r.duplicateRows.slice(0, 200).map((x, i) => (
                <tr key={`${x.sheet}!${x.row}`}>
                  <td>{x.sheet}</td>
                  <td className="num">{x.row}</td>
                  <td>{r.duplicateOf[i] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <ImportForms forms={r.forms} />
      {r.policyTotal > 0 && (
        <details className="import-policy" data-testid="import-policy">
          <summary>{t('import.policy', { total: r.policyTotal })}</summary>
          {r.policyTotal > r.policy.length && <p className="muted">{t('import.policy.more', { n: r.policy.length })}</p>}
          <table className="plain">
            <tbody>
              {r.policy.map((p, i) => (
                <tr key={i}>
                  <td>{p.sheet}</td>
                  <td className="num">{p.row}</td>
                  <td>
                    <span className={`badge ${p.action === 'block' ? 'draft' : ''}`}>{p.action}</span>
                  </td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
