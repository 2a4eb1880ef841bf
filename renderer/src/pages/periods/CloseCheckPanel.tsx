/** The 结账检查 of one month: each blocker and warning in the core's words, with a link to the page that fixes it. */
import type { CheckItemDto, CloseCheckDto } from '../../../../shared/contract/closing';
import { useI18n } from '../../i18n/index';
import { useNav } from '../../nav-context';

function Items({ items, kind }: { items: CheckItemDto[]; kind: 'blocker' | 'warning' }) {
  const { t } = useI18n();
  const go = useNav();
  return (
    <ul className={`check-list ${kind}`}>
      {items.map((i) => (
        <li key={i.code} data-testid={`check-${i.code}`}>
          <span className="check-mark">{kind === 'blocker' ? '✗' : '!'}</span>
          <span className="check-text">{i.message}</span>
          {i.link !== 'periods' && (
            <button type="button" className="check-go" onClick={() => go(i.link)}>
              {t('closing.go')}：{t(`closing.link.${i.link}`)}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CloseCheckPanel({ check, onClose }: { check: CloseCheckDto; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <section className="check-panel" data-testid="close-check">
      <header>
        <h2>{t('closing.checkTitle', { period: check.period })}</h2>
        <button type="button" onClick={onClose} aria-label="×">×</button>
      </header>
      {check.blockers.length === 0 ? <p className="ok-note">{t('closing.ready')}</p> : (
        <>
          <h3>{t('closing.blockers')}</h3>
          <Items items={check.blockers} kind="blocker" />
        </>
      )}
      {check.warnings.length > 0 && (
        <>
          <h3>{t('closing.warnings')}</h3>
          <Items items={check.warnings} kind="warning" />
        </>
      )}
    </section>
  );
}
