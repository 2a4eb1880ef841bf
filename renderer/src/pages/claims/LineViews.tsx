/** Pieces of the claim lines grid: a line's violations, and a read-only line once submitted. */
import type { ClaimLineRow, ViolationRow } from '../../../../shared/contract/claims';
import { formatFen } from '../../../../shared/money';
import { useI18n } from '../../i18n/index';

export function ViolationCell({ line, violations }: { line: number; violations: ViolationRow[] }) {
  const { t } = useI18n();
  const vs = violations.filter((v) => v.line === line);
  return (
    <td className="violations" data-testid={`line-violations-${line + 1}`}>
      {vs.length === 0 ? (
        <span className="ok-note">✓</span>
      ) : (
        vs.map((v) => (
          <div key={`${v.ruleId}-${v.message}`} className={`violation ${v.action}`}>
            <b>{v.action === 'block' ? t('claims.block') : t('claims.warn')}</b> {v.message}
          </div>
        ))
      )}
    </td>
  );
}

/** The tax the invoice states, and under it what posting deducts by the invoice type (or why nothing). */
function TaxCell({ l }: { l: ClaimLineRow }) {
  const { t } = useI18n();
  return (
    <td className="num" data-testid={`line-tax-${l.lineNo}`}>
      {l.taxFen ? formatFen(l.taxFen) : ''}
      {l.deductibleTaxFen !== l.taxFen && <div className="muted">{t('claims.deductible', { fen: formatFen(l.deductibleTaxFen) })}</div>}
      {l.vatNote && <div className="warn-note">{l.vatNote}</div>}
    </td>
  );
}

export function ReadOnlyLine({ l, index, violations }: { l: ClaimLineRow; index: number; violations: ViolationRow[] }) {
  return (
    <tr data-testid={`claim-line-${index + 1}`} className="readonly">
      <td className="muted">{l.lineNo}</td>
      <td className="mono">{l.date}</td>
      <td>{l.categoryName}</td>
      <td>{l.customerName ?? ''}</td>
      <td>{l.description}</td>
      <td className="mono">{l.invoiceNo ?? ''}</td>
      <td className="num">{formatFen(l.amountFen)}</td>
      <TaxCell l={l} />
      <td>{l.receipt ? '✓' : ''}</td>
      <ViolationCell line={index} violations={violations} />
    </tr>
  );
}
