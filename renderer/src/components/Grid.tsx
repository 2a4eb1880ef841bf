/**
 * The one place ag-grid grids are made: the app's theme, ag-grid's own texts (filter menus,
 * "no rows", pagination) in the UI language, and a height that never collapses.
 *
 * Height: `size="content"` grows with its rows up to AUTO_ROWS and then scrolls inside a
 * fixed box (an ag-grid in 'normal' layout takes its parent's height, and a parent sized by
 * its content has none: the grid drew 2 px high). `size="fill"` (default) takes the height
 * its parent gives it (`.grid-host` in CSS).
 */
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useMemo, type Ref } from 'react';
import { useI18n, type Locale } from '../i18n/index';

ModuleRegistry.registerModules([AllCommunityModule]);

// 'inherit': the grid uses the page's font stack (Latin fonts first, then CJK; styles.css).
export const gridTheme = themeQuartz.withParams({ fontSize: 13, headerFontWeight: 600, spacing: 6, fontFamily: 'inherit' });

/** Rows shown before a content-sized grid scrolls instead of growing. */
export const AUTO_ROWS = 20;
/** The scrolling box of a long content-sized grid: most of a 860 px window, never more than the page. */
export const TALL_HEIGHT = 'min(560px, calc(100vh - 160px))';

const base: Record<Locale, Record<string, string>> = { 'zh-CN': AG_GRID_LOCALE_CN, en: AG_GRID_LOCALE_EN };

/** ag-grid's localeText for the UI language, with the app's own words where it has them. */
export function gridLocaleText(locale: Locale, own: Record<string, string> = {}): Record<string, string> {
  return { ...base[locale], ...own };
}

export type GridProps<Row> = AgGridReactProps<Row> & {
  size?: 'content' | 'fill';
  /** The rows a content-sized grid counts; defaults to rowData. */
  rowCount?: number;
  gridRef?: Ref<AgGridReact<Row>>;
};

export function Grid<Row>({ size = 'fill', rowCount, gridRef, localeText, containerStyle, ...props }: GridProps<Row>) {
  const { locale, t } = useI18n();
  const text = useMemo(() => gridLocaleText(locale, { loadingOoo: t('common.loading'), noRowsToShow: t('grid.noRows'), ...localeText }), [locale, t, localeText]);
  const n = rowCount ?? props.rowData?.length ?? 0;
  const tall = size === 'content' && !props.domLayout && n > AUTO_ROWS;
  const domLayout = props.domLayout ?? (size === 'content' ? (tall ? 'normal' : 'autoHeight') : undefined);
  const style = tall ? { height: TALL_HEIGHT, ...containerStyle } : containerStyle;
  return <AgGridReact<Row> ref={gridRef} theme={gridTheme} {...props} domLayout={domLayout} containerStyle={style} localeText={text} />;
}
