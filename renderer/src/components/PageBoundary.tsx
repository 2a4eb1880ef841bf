/**
 * An error boundary around each page: a render error in one page shows a message in its
 * place (with a retry) instead of unmounting the whole window; the navigation and every
 * other page keep working. React catches render errors only in a class component
 * (react.dev: Component, getDerivedStateFromError).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/index';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class PageBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[page]', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    return error ? <PageError error={error} retry={() => this.setState({ error: null })} /> : this.props.children;
  }
}

function PageError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useI18n();
  return (
    <section className="page" role="alert" data-testid="page-error">
      <div className="card">
        <p className="error">{t('app.pageError', { message: error.message })}</p>
        <button type="button" className="page-error-retry" onClick={retry}>
          {t('app.pageRetry')}
        </button>
      </div>
    </section>
  );
}
