import { Tag } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { FilterSelect } from '../../components/list/FilterSelect';
import { useTranslate } from '../../hooks/useTranslate';
import type { CommentFilters as Filters, Locale, ReportedFilter } from './useCommentQueue';

/**
 * The queue's filters beside the search box: reports, the locale (when the site has several) and
 * the article filtered on (set by clicking an article's title in a row), which a click clears.
 */
export const CommentFilters = ({
  reported,
  locale,
  locales,
  articleTitle,
  filterBy,
}: {
  reported: ReportedFilter;
  locale: string;
  locales: Locale[];
  articleTitle: string | null;
  filterBy: (next: Filters) => void;
}) => {
  const t = useTranslate();
  return (
    <>
      <FilterSelect
        label={t('comments.filter.reports', 'Reports')}
        value={reported}
        allValue="any"
        onChange={(next) => filterBy({ reported: next })}
        options={[
          { value: 'any', label: t('comments.filter.reports.any', 'Reported or not') },
          { value: 'true', label: t('comments.filter.reports.yes', 'With open reports') },
          { value: 'false', label: t('comments.filter.reports.no', 'Without reports') },
        ]}
      />
      {locales.length > 1 ? (
        <FilterSelect
          label={t('comments.filter.locale', 'Locale')}
          value={locale}
          allValue="any"
          width="200px"
          onChange={(next) => filterBy({ locale: next })}
          options={[
            { value: 'any', label: t('comments.filter.locale.any', 'All locales') },
            ...locales.map((entry) => ({ value: entry.code, label: entry.name ?? entry.code })),
          ]}
        />
      ) : null}
      {articleTitle !== null ? (
        <Tag icon={<Cross />} onClick={() => filterBy({ article: undefined })} label={t('comments.filter.article.clear', 'Show all articles')}>
          {t('comments.filter.article', 'Article: {title}', { title: articleTitle })}
        </Tag>
      ) : null}
    </>
  );
};
