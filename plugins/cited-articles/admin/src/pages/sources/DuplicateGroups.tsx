import { Link as RouterLink } from 'react-router-dom';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import type { GetSources } from '../../../../shared/contracts';
import { useTranslate } from '../../hooks/useTranslate';
import { SOURCE_UID } from '../../../../shared/uids';
import { editUrl } from '../../utils/editUrl';

/** The groups of likely duplicates (same URL after normalisation, or same DOI), each source a link. */
export const DuplicateGroups = ({ groups }: { groups: GetSources.Response['meta']['duplicates'] }) => {
  const t = useTranslate();
  if (groups.length === 0) return null;
  return (
    <Box paddingTop={8} data-testid="duplicate-groups">
      <Typography variant="delta" tag="h2">
        {t('sources.duplicates.title', 'Likely duplicates')}
      </Typography>
      {groups.map((group) => (
        <Box key={`${group.reason}:${group.value}`} paddingTop={3}>
          <Typography variant="omega" fontWeight="semiBold" tag="p">
            {group.reason === 'url'
              ? t('sources.duplicates.url', 'Same URL: {value}', { value: group.value })
              : t('sources.duplicates.doi', 'Same DOI: {value}', { value: group.value })}
          </Typography>
          <Flex gap={3} wrap="wrap">
            {group.sources.map((source) => (
              <Link key={source.documentId} tag={RouterLink} to={editUrl(SOURCE_UID, source.documentId)}>
                {source.title} [@{source.key}]
              </Link>
            ))}
          </Flex>
        </Box>
      ))}
    </Box>
  );
};
