import { Badge, Flex, Link, Typography } from '@strapi/design-system';
import type { SourceHealth } from '../../../shared/contracts';
import { useTranslate } from '../hooks/useTranslate';

type Health = SourceHealth & { url: string | null };

/** What the last link and retraction check found about a source, for the Sources page. */
export const LinkHealthBadges = ({ source }: { source: Health }) => {
  const t = useTranslate();
  const checked = source.linkCheckedAt ? new Date(source.linkCheckedAt).toLocaleDateString() : null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="link-health">
      {!source.url ? (
        <Typography variant="pi" textColor="neutral500">
          {t('sources.link.none', 'No URL')}
        </Typography>
      ) : source.linkStatus === 'broken' ? (
        <Badge backgroundColor="danger100" textColor="danger700">
          {source.linkHttpStatus
            ? t('sources.link.broken-status', 'Broken ({status})', { status: source.linkHttpStatus })
            : t('sources.link.broken', 'Broken (no answer)')}
        </Badge>
      ) : source.linkStatus === 'redirected' ? (
        <Badge backgroundColor="warning100" textColor="warning700" title={source.linkRedirectUrl ?? undefined}>
          {t('sources.link.redirected', 'Redirected')}
        </Badge>
      ) : source.linkStatus === 'ok' ? (
        <Badge backgroundColor="success100" textColor="success700">
          {t('sources.link.ok', 'OK')}
        </Badge>
      ) : (
        <Badge>{t('sources.link.unchecked', 'Not checked yet')}</Badge>
      )}
      {source.linkStatus === 'broken' && source.archiveUrl ? (
        <Link href={source.archiveUrl} isExternal>
          {t('sources.link.archived', 'Archived copy')}
        </Link>
      ) : null}
      {source.retracted ? (
        <Badge backgroundColor="danger100" textColor="danger700" title={source.retractionDoi ?? undefined}>
          {t('sources.link.retracted', 'Retracted')}
        </Badge>
      ) : null}
      {checked ? (
        <Typography variant="pi" textColor="neutral500">
          {t('sources.link.checked', 'Checked {date}', { date: checked })}
        </Typography>
      ) : null}
    </Flex>
  );
};
