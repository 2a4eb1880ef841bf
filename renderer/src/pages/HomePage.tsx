import { useBook } from '../book-context';
import { useI18n } from '../i18n/index';

export function HomePage() {
  const { t } = useI18n();
  const { book } = useBook();
  if (!book) return null;
  return (
    <section className="page">
      <header className="page-head">
        <h1>{book.company}</h1>
      </header>
      <dl className="facts">
        <dt>{t('start.standard')}</dt>
        <dd>{t(book.standard === 'small' ? 'start.small' : 'start.enterprise')}</dd>
        <dt>{t('start.firstPeriod')}</dt>
        <dd>{book.firstPeriod}</dd>
        <dt>{t('start.fileName')}</dt>
        <dd className="mono">{book.path}</dd>
      </dl>
    </section>
  );
}
