/**
 * The customers and employees an import would create (issue 14), listed from the preview's
 * dry run over every row, with the codes they will get; the import starts only once the
 * user ticks the confirmation, and sends the confirmed list with it.
 */
import type { JobProgress } from '../../../shared/contract/events';
import type { NewMaster, NewMasters } from '../../../shared/contract/import';
import { JobBar } from '../components/JobBar';
import { useI18n } from '../i18n/index';

/** Rows drawn: a file can name thousands of newcomers; the count is always given. */
const SHOWN = 500;
const FIRST_ROWS = 5;

export const newMasterCount = (m: NewMasters | undefined) => (m ? m.customers.length + m.employees.length : 0);

interface Props {
  /** The dry run's answer, once it is in. */
  masters: NewMasters | undefined;
  running: boolean;
  progress: JobProgress | null;
  /** The dry run failed (its message is in the toast area). */
  failed: boolean;
  /** The user stopped the dry run (取消); onRetry runs it again. */
  cancelled: boolean;
  onCancel: () => void;
  onRetry: () => void;
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
}

export function ImportNewMasters({ masters, running, progress, failed, cancelled, onCancel, onRetry, confirmed, onConfirm }: Props) {
  const { t } = useI18n();
  if (running) return <JobBar value={progress?.fraction ?? 0} label={t('import.newMasters.reading', { rows: progress?.done ?? 0 })} onCancel={onCancel} testId="import-new-masters" />;
  if (cancelled)
    return (
      <p className="muted" data-testid="import-new-masters">
        {t('job.cancelled')}{' '}
        <button type="button" onClick={onRetry} data-testid="import-new-masters-retry">
          {t('import.newMasters.retry')}
        </button>
      </p>
    );
  if (failed) return <p className="error" data-testid="import-new-masters">{t('import.newMasters.failed')}</p>;
  if (!masters) return <p className="muted" data-testid="import-new-masters">{t('import.newMasters.unknown')}</p>;
  const n = newMasterCount(masters);
  if (n === 0) return <p className="muted" data-testid="import-new-masters">{t('import.newMasters.none')}</p>;
  const rows: { what: 'customer' | 'employee'; m: NewMaster }[] = [...masters.customers.map((m) => ({ what: 'customer' as const, m })), ...masters.employees.map((m) => ({ what: 'employee' as const, m }))];
  const where = (m: NewMaster) => m.firstRows.slice(0, FIRST_ROWS).map((r) => `${r.sheet}!${r.row}`).join('、') + (m.rows > FIRST_ROWS ? '…' : '');
  return (
    <section className="import-new-masters" data-testid="import-new-masters" aria-labelledby="import-new-masters-title">
      <h2 id="import-new-masters-title">{t('import.newMasters.title', { customers: masters.customers.length, employees: masters.employees.length })}</h2>
      <p className="muted">{t('import.newMasters.hint')}</p>
      <div className="import-rows">
        <table className="plain" data-testid="import-new-masters-table">
          <thead>
            <tr>
              <th>{t('import.newMasters.what')}</th>
              <th>{t('import.newMasters.code')}</th>
              <th>{t('import.newMasters.name')}</th>
              <th className="num">{t('import.newMasters.rows')}</th>
              <th>{t('import.newMasters.firstRows')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map(({ what, m }) => (
              <tr key={`${what}-${m.code}`}>
                <td>{t(`import.newMasters.${what}`)}</td>
                <td>{m.code}</td>
                <td>{m.name}</td>
                <td className="num">{m.rows}</td>
                <td>{where(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && <p className="muted">{t('import.newMasters.more', { n: rows.length - SHOWN })}</p>}
      <label className="import-confirm">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} data-testid="import-confirm-masters" />
        {t('import.newMasters.confirm', { n })}
      </label>
    </section>
  );
}
