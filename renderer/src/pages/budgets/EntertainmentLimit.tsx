/**
 * 业务招待费 against its income-tax cap on the budget page (report entertainment-limit): the
 * year to date up to this month, as a warning once 60% of the spend reaches 80% of 5‰ of
 * 营业收入, and past it with the 纳税调增 amount.
 */
import { formatFen } from '../../../../shared/money';
import { thisPeriodLocal } from '../../../../shared/today';
import { useApi } from '../../api/queries';
import { useI18n } from '../../i18n/index';

export function EntertainmentLimit() {
  const { t } = useI18n();
  const to = thisPeriodLocal();
  // Worded by the core in the session's language: a language switch refetches it (App.tsx invalidates every answer).
  const report = useApi('reports.run', { name: 'entertainment-limit', from: `${to.slice(0, 4)}-01`, to, filters: {} }).data;
  const section = report?.sections[0];
  const last = section?.rows.at(-1);
  if (!section || !last || Number(last.ytdSpendFen) <= 0) return null;
  const level = String(section.facts?.level ?? 'ok');
  const params = {
    spend: formatFen(Number(last.ytdSpendFen)),
    cap: formatFen(Number(section.facts?.capFen ?? 0)),
    deductible: formatFen(Number(last.deductibleFen)),
    adjustment: formatFen(Number(last.adjustmentFen)),
  };
  return (
    <div className={level === 'ok' ? 'muted' : 'warn-note'} role={level === 'ok' ? undefined : 'alert'} data-testid="entertainment-limit" data-level={level}>
      {t(level === 'over' ? 'budgets.entertainment.over' : level === 'near' ? 'budgets.entertainment.near' : 'budgets.entertainment.ok', params)}
    </div>
  );
}
