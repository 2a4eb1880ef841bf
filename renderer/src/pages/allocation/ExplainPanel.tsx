/**
 * Why a customer carries the overhead it does: every allocated amount in a period range
 * with its pool, driver, driver value, share and amount (allocation.explain).
 */
import { formatFen } from '../../../../shared/money';
import { useApi } from '../../api/queries';
import { useI18n } from '../../i18n/index';
import { driverLabel, driverValue, share } from './format';

export interface ExplainTarget {
  customerId: number;
  label: string;
  from: string;
  to: string;
}

export function ExplainPanel({ target, onClose }: { target: ExplainTarget; onClose(): void }) {
  const { t } = useI18n();
  const explained = useApi('allocation.explain', { customerId: target.customerId, from: target.from, to: target.to });
  // Another customer's lines never stand in for this one's while they load.
  const lines = explained.isPlaceholderData ? null : (explained.data ?? null);
  const total = (lines ?? []).reduce((s, l) => s + l.amountFen, 0);
  return (
    <aside className="card alloc-explain" data-testid="explain-panel" aria-label={t('alloc.explain', { customer: target.label })}>
      <header className="page-head">
        <h2>{t('alloc.explain', { customer: target.label })}</h2>
        <button type="button" onClick={onClose}>
          {t('alloc.close')}
        </button>
      </header>
      {lines && lines.length === 0 && <p className="muted">{t('alloc.explainEmpty')}</p>}
      {lines && lines.length > 0 && (
        <table className="plain">
          <thead>
            <tr>
              <th>{t('alloc.period')}</th>
              <th>{t('alloc.pool')}</th>
              <th>{t('alloc.driver')}</th>
              <th className="num">{t('alloc.poolAmount')}</th>
              <th className="num">{t('alloc.driverValue')}</th>
              <th className="num">{t('alloc.share')}</th>
              <th className="num">{t('alloc.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i}>
                <td>{l.period}</td>
                <td>{l.pool}</td>
                <td>{driverLabel(t, l.driver)}</td>
                <td className="num">
                  {formatFen(l.poolFen)}
                  {l.receivedFen !== 0 && <div className="muted">{t('alloc.receivedNote', { amount: formatFen(l.receivedFen) })}</div>}
                </td>
                <td className="num">{driverValue(l.driver, l.driverValue)}</td>
                <td className="num" title={`${driverValue(l.driver, l.shareNumerator)} / ${driverValue(l.driver, l.shareDenominator)}`}>
                  {driverValue(l.driver, l.shareNumerator)} / {driverValue(l.driver, l.shareDenominator)} = {share(l.shareNumerator, l.shareDenominator)}
                </td>
                <td className="num">{formatFen(l.amountFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={6}>{t('alloc.total')}</th>
              <th className="num">{formatFen(total)}</th>
            </tr>
          </tfoot>
        </table>
      )}
    </aside>
  );
}
