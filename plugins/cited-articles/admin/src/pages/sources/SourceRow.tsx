import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Flex, Link, Td, Tr, Typography } from '@strapi/design-system';
import type { GetSources } from '../../../../shared/contracts';
import { LinkHealthBadges } from '../../components/LinkHealthBadges';
import type { ListHeader } from '../../components/list/ListTable';
import { useTranslate } from '../../hooks/useTranslate';
import { ARTICLE_UID, SOURCE_UID } from '../../../../shared/uids';
import { editUrl } from '../../utils/editUrl';

export type LibrarySource = GetSources.Response['data'][number];

/** The columns of the source library, in the order SourceRow fills them. */
export const useSourceHeaders = (): ListHeader[] => {
  const t = useTranslate();
  return [
    { name: 'source', label: t('sources.column.source', 'Source') },
    { name: 'marker', label: t('sources.column.marker', 'Marker') },
    { name: 'cited-by', label: t('sources.column.cited-by', 'Cited by') },
    { name: 'link', label: t('sources.column.link', 'Link') },
    { name: 'notes', label: t('sources.column.notes', 'Notes') },
  ];
};

/** One source: its title and where it is, its marker, the articles citing it, its link's health, notes. */
export const SourceRow = ({ source, duplicate }: { source: LibrarySource; duplicate: boolean }) => {
  const t = useTranslate();
  return (
    <Tr data-testid="source-row">
      <Td style={{ whiteSpace: 'normal' }}>
        <Link tag={RouterLink} to={editUrl(SOURCE_UID, source.documentId)}>
          {source.title}
        </Link>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {[source.publisher, source.url ?? source.doi].filter(Boolean).join(' · ')}
        </Typography>
      </Td>
      <Td>
        <Typography variant="omega" tag="code">
          [@{source.key}]
        </Typography>
      </Td>
      <Td style={{ whiteSpace: 'normal' }}>
        <Typography variant="omega" fontWeight="bold">
          {source.citedByCount}
        </Typography>
        {source.citedBy.map((article) => (
          <Box key={article.documentId}>
            <Link tag={RouterLink} to={editUrl(ARTICLE_UID, article.documentId)}>
              {article.title}
            </Link>
          </Box>
        ))}
        {/* The server lists the ten newest citing articles; the count is exact. */}
        {source.citedByCount > source.citedBy.length ? (
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t('sources.cited-by.more', 'and {count} more', { count: source.citedByCount - source.citedBy.length })}
          </Typography>
        ) : null}
      </Td>
      <Td style={{ whiteSpace: 'normal' }}>
        <LinkHealthBadges source={source} />
      </Td>
      <Td>
        <Flex gap={1} wrap="wrap">
          {source.citedByCount === 0 ? <Badge>{t('sources.badge.uncited', 'Cited nowhere')}</Badge> : null}
          {duplicate ? (
            <Badge backgroundColor="warning100" textColor="warning700">
              {t('sources.badge.duplicate', 'Likely duplicate')}
            </Badge>
          ) : null}
        </Flex>
      </Td>
    </Tr>
  );
};
