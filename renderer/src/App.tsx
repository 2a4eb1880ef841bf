/** The app frame: start screen without a book; with one, navigation and the current page. */
import { Fragment, Suspense, useEffect, useRef, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { BookInfo } from '../../shared/contract/book';
import { files } from './api/platform';
import { pageShortcuts, shortcutPage } from './shortcuts';
import { BookContext } from './book-context';
import { dropWorkbook, NavContext } from './nav-context';
import { I18nProvider, useI18n } from './i18n/index';
import { pages } from './pages/index';
import { StartPage } from './pages/StartPage';
import { UserSwitch } from './components/UserSwitch';
import { PageBoundary } from './components/PageBoundary';
import { Toasts } from './components/Toasts';
import { createQueryClient, useApiMutation, useEngineEvents } from './api/queries';

const queryClient = createQueryClient();
// After a page failed to render: the answers no page shows now (the failed page's among them) are dropped, so it reads afresh when shown again.
const dropUnshown = () => queryClient.removeQueries({ type: 'inactive' });

function Frame() {
  const { t, locale, setLocale } = useI18n();
  const [book, setBook] = useState<BookInfo | null>(null);
  const [user, setUser] = useState('');
  const [pageKey, setPageKey] = useState('home');
  useEngineEvents();
  const bookOpen = useRef(false);
  bookOpen.current = book !== null;
  // Every book opens on 首页: the page left open in the last book says nothing about this one.
  const bookPath = book?.path;
  useEffect(() => {
    if (bookPath) setPageKey('home');
  }, [bookPath]);

  // The core words its answers in the session's language: once it has switched, every cached
  // answer is stale. Its reply also says who acts and which book is open (a reload of the page).
  const { mutate: tellLocale } = useApiMutation('app.setLocale');
  useEffect(() => {
    tellLocale(
      { locale },
      {
        onSuccess: (info) => {
          setUser(info.user);
          setBook(info.book);
          void queryClient.invalidateQueries();
        },
      },
    );
  }, [locale, tellLocale]);
  const closing = useApiMutation('book.close');

  // Menu commands (Electron) and the same shortcuts typed in the page go to a page.
  useEffect(() => {
    const go = (key: string) => pages.some((p) => p.key === key) && setPageKey(key);
    const onKey = (e: KeyboardEvent) => {
      const key = shortcutPage(e);
      if (key && pages.some((p) => p.key === key)) {
        e.preventDefault();
        go(key);
      }
    };
    // Drop a file anywhere: the import wizard opens it, and says why when it cannot (an old
    // .xls, a CSV, a failed upload). The window itself never navigates to a dropped file.
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const f = e.dataTransfer?.files[0];
      if (!f || e.defaultPrevented) return;
      e.preventDefault();
      if (bookOpen.current && !dropWorkbook(f)) go('import');
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    const off = files.onNavigate(go);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
      off();
    };
  }, []);

  const Page = (pages.find((p) => p.key === pageKey) ?? pages[0]!).component;
  const toggleLocale = () => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN');

  return (
    <BookContext.Provider value={{ book, setBook }}>
      <div className="app">
        <header className="topbar">
          <span className="brand">{t('app.title')}</span>
          {book && <span className="company">{book.company}</span>}
          <span className="spacer" />
          {book ? <UserSwitch user={user} onChange={setUser} /> : user && <span className="muted">{t('app.user', { user })}</span>}
          <button type="button" className="lang" onClick={toggleLocale} data-testid="toggle-language">
            {t('app.language')}
          </button>
          {book && (
            <button type="button" disabled={closing.isPending} onClick={() => closing.mutate({}, { onSuccess: () => setBook(null) })}>
              {t('common.close')}
            </button>
          )}
        </header>
        {book ? (
          <div className="body">
            <nav className="sidebar" aria-label="main">
              {pages.map((p, i) => (
                <Fragment key={p.key}>
                  {p.setup && !pages[i - 1]?.setup && <hr className="nav-divider" />}
                  <button type="button" className={p.key === pageKey ? 'active' : ''} onClick={() => setPageKey(p.key)} title={pageShortcuts[p.key]}>
                    {t(p.label)}
                  </button>
                </Fragment>
              ))}
            </nav>
            <div className="content">
              <NavContext.Provider value={setPageKey}>
                {/* Keyed by page: leaving a failed page and coming back starts it afresh, from answers read
                    again. A page's chunk loads the first time it is shown (pages/index.ts). */}
                <PageBoundary key={pageKey} onShown={dropUnshown}>
                  <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
                    <Page />
                  </Suspense>
                </PageBoundary>
              </NavContext.Provider>
            </div>
          </div>
        ) : (
          <PageBoundary key="start" onShown={dropUnshown}>
            <StartPage />
          </PageBoundary>
        )}
        <Toasts />
      </div>
    </BookContext.Provider>
  );
}

/** The root: one query cache for every page (api/queries.ts), the UI language, the frame. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Frame />
      </I18nProvider>
    </QueryClientProvider>
  );
}
