/**
 * An error boundary around each page: a render error in one page shows a message in its
 * place (with a retry) instead of unmounting the whole window; the navigation and every
 * other page keep working. React catches render errors only in a class component
 * (react.dev: Component, getDerivedStateFromError). The cached answers the page drew may be
 * the cause (a malformed reply): once the message shows, the failed page is unmounted and its
 * answers are no one's, and `onShown` drops them, so the page shown again reads afresh.
 */
import { Component, useEffect, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/index';

interface Props {
  children: ReactNode;
  /** Called once the message replaced the failed page (its queries unsubscribed: React runs unmount effects first). */
  onShown?: () => void;
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
    return error ? <PageError error={error} retry={() => this.setState({ error: null })} onShown={this.props.onShown} /> : this.props.children;
  }
}

function PageError({ error, retry, onShown }: { error: Error; retry: () => void; onShown?: () => void }) {
  const { t } = useI18n();
  useEffect(() => onShown?.(), [onShown]);
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
