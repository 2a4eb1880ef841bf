/** A budget's progress: posted actual (dark) then committed claims (light), against the amount. */
import { formatFen } from '../../../../shared/money';

interface Props {
  amountFen: number;
  actualFen: number;
  committedFen: number;
  level: 'ok' | 'warn' | 'alert';
}

export function BudgetBar({ amountFen, actualFen, committedFen, level }: Props) {
  const used = actualFen + committedFen;
  // Widths are display-only ratios; the figures shown beside them are exact fen.
  const pct = (v: number) => `${Math.max(0, Math.min(100, amountFen > 0 ? (v / amountFen) * 100 : 0))}%`;
  const shown = amountFen > 0 ? Math.round((used / amountFen) * 1000) / 10 : 0;
  return (
    <div className="budget-bar-row">
      <div className={`budget-bar level-${level}`} role="progressbar" aria-valuenow={shown} aria-valuemin={0} aria-valuemax={100}>
        <div className="actual" style={{ width: pct(actualFen) }} />
        <div className="committed" style={{ width: pct(Math.min(committedFen, Math.max(0, amountFen - actualFen))) }} />
      </div>
      <span className="num budget-figures">
        {formatFen(used)} / {formatFen(amountFen)} ({shown}%)
      </span>
    </div>
  );
}
