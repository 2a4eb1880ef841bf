/**
 * 首页's cockpit: the open period and what stands before closing it, claims waiting by step,
 * budget alerts, and the month's client costs against last month and the budget, each card
 * with a link to the page that acts on it. Figures from app.cockpit (core/book/cockpit.ts).
 */
import { formatFen } from '../../../shared/money';
import { formatRatio, percentOf } from '../../../shared/percent';
import { useApi } from '../api/queries';
import { useI18n, type StringKey } from '../i18n/index';
import { useNav } from '../nav-context';

function change(now: number, last: number): string {
  const d = now - last;
  return `${d >= 0 ? '+' : ''}${formatFen(d)}（${d >= 0 ? '+' : ''}${percentOf(d, last)}%）`;
}

export function Cockpit() {
  const { t } = useI18n();
  const go = useNav();
  // Refetched when the engine says the book changed (api/invalidate.ts: app.* reads everything).
  const k = useApi('app.cockpit', {}).data ?? null;

  if (!k) return null;
  const c = k.clientCosts;
  const link = (page: string, label: StringKey) => (
    <button type="button" className="small" onClick={() => go(page)}>
      {t(label)} →
    </button>
  );
  return (
    <section className="cockpit" aria-label={t('home.cockpit')} data-testid="cockpit">
      <div className="card cockpit-card" data-testid="cockpit-period">
        <h2>{t('home.period')}</h2>
        <p className="big">{t('home.periodOpen', { period: k.openPeriod })}</p>
        <p>
          {k.draftsInOpenPeriod ? t('home.drafts', { count: k.draftsInOpenPeriod }) : t('home.noDrafts')}
          {k.draftsTotal > k.draftsInOpenPeriod && <span className="muted"> {t('home.draftsOther', { count: k.draftsTotal - k.draftsInOpenPeriod })}</span>}
        </p>
        {/* The periods page's 结账检查 of the open month, counted: the periods page lists the items. */}
        <p className={k.closeCheck.ok ? 'ok-note' : 'warn-note'} data-testid="cockpit-close-check">
          {k.closeCheck.ok ? t('home.closeOk') : t('home.closeBlocked', { count: k.closeCheck.blockers.length })}
          {k.closeCheck.warnings.length > 0 && <span> {t('home.closeWarnings', { count: k.closeCheck.warnings.length })}</span>}
        </p>
        <div>{link('periods', 'home.toPeriods')}</div>
      </div>
      <div className="card cockpit-card" data-testid="cockpit-claims">
        <h2>{t('home.claims')}</h2>
        {k.claimsWaiting.length === 0 && <p className="muted">{t('home.noClaims')}</p>}
        <ul className="plain-list">
          {k.claimsWaiting.map((w) => (
            <li key={w.role}>{t('home.claimsRow', { role: t(`role.${w.role}` as StringKey), count: w.count, amount: formatFen(w.totalFen) })}</li>
          ))}
        </ul>
        <div>{link('claims', 'home.toClaims')}</div>
      </div>
      <div className="card cockpit-card" data-testid="cockpit-budgets">
        <h2>{t('home.budgets')}</h2>
        {k.budgetAlerts.length === 0 && <p className="muted">{t('home.noAlerts')}</p>}
        <ul className="plain-list">
          {k.budgetAlerts.map((b) => (
            <li key={b.id}>
              <span className={`level level-${b.level}`}>{t(`level.short.${b.level}`)}</span> {b.name}
              <span className="muted"> {b.scope && b.scope !== b.name ? `${b.scope} · ` : ''}{b.period} · {formatRatio(b.usedPct, 0)}</span>
            </li>
          ))}
        </ul>
        <div>{link('budgets', 'home.toBudgets')}</div>
      </div>
      <div className="card cockpit-card" data-testid="cockpit-costs">
        <h2>{t('home.costs', { period: c.period })}</h2>
        <p className="big">{formatFen(c.fen)}</p>
        <p>{c.lastFen ? t('home.vsLast', { period: c.lastPeriod, amount: formatFen(c.lastFen), change: change(c.fen, c.lastFen) }) : t('home.vsLastNone', { period: c.lastPeriod })}</p>
        <p>{c.budgetFen ? t('home.vsBudget', { budget: formatFen(c.budgetFen), pct: `${percentOf(c.fen, c.budgetFen)}%` }) : <span className="muted">{t('home.noBudget')}</span>}</p>
        <div>{link('reports', 'home.toReports')}</div>
      </div>
    </section>
  );
}
