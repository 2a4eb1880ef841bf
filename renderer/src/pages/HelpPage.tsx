/**
 * 使用指南: the user guide (docs/guide.<locale>.md) in the app, with the screenshots the
 * e2e tests take (docs/screenshots). The guide is our own text bundled at build time, so
 * rendering its Markdown to HTML is safe; the CSP forbids scripts in any case.
 */
import { marked } from 'marked';
import { useMemo } from 'react';
import guideZh from '../../../docs/guide.zh-CN.md?raw';
import guideEn from '../../../docs/guide.en.md?raw';
import { useI18n } from '../i18n/index';

const shots = import.meta.glob('../../../docs/screenshots/*.png', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;
const shotUrl = new Map(Object.entries(shots).map(([path, url]) => [path.split('/').pop()!, url]));

export function HelpPage() {
  const { locale } = useI18n();
  const html = useMemo(() => {
    const text = (locale === 'en' ? guideEn : guideZh).replace(/\]\(screenshots\/([^)]+)\)/g, (m, name: string) => (shotUrl.has(name) ? `](${shotUrl.get(name)})` : m));
    return marked.parse(text, { async: false });
  }, [locale]);
  return <article className="page guide" dangerouslySetInnerHTML={{ __html: html }} />;
}
