import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Divider, Flex, Loader, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useCan } from '../hooks/useCan';
import { useReferencePreview, type CitationIssue } from '../hooks/useReferencePreview';
import { PERMISSIONS } from '../permissions';
import { ARTICLE_UID } from '../../../shared/uids';
import { savedVersionOf } from '../utils/articleForm';
import { getTranslation } from '../utils/getTranslation';
import { SourceFinder } from './SourceFinder';

const IssueRow = ({ issue }: { issue: CitationIssue }) => (
  <Box paddingTop={1} paddingBottom={1} data-testid="citation-issue" data-code={issue.code}>
    <Flex gap={2} alignItems="center">
      <Badge
        backgroundColor={issue.severity === 'error' ? 'danger100' : 'warning100'}
        textColor={issue.severity === 'error' ? 'danger700' : 'warning700'}
      >
        {issue.code}
      </Badge>
      {issue.marker ? (
        <Typography variant="pi" fontWeight="bold" tag="code">
          {issue.marker}
        </Typography>
      ) : null}
    </Flex>
    <Typography variant="pi" textColor="neutral700" tag="p">
      {issue.message}
    </Typography>
  </Box>
);

/** A titled part of the panel: its content, or the sentence that says it has none. */
const PanelSection = ({
  title,
  none,
  noneColor = 'neutral600',
  children,
}: {
  title: string;
  none: string | null;
  noneColor?: 'neutral600' | 'success600';
  children: React.ReactNode;
}) => (
  <>
    <Typography variant="sigma" textColor="neutral600" tag="h3">
      {title}
    </Typography>
    {none !== null ? (
      <Typography variant="pi" textColor={noneColor}>
        {none}
      </Typography>
    ) : (
      children
    )}
  </>
);

const PanelContent = ({ documentId, savedAt, locale }: { documentId?: string; savedAt?: string; locale?: string }) => {
  const { formatMessage } = useIntl();
  const { preview, error, loading } = useReferencePreview({ documentId, savedAt, locale });
  const { can: canFindSources } = useCan(PERMISSIONS.readSources);
  const issues = preview?.issues ?? [];
  const references = preview?.references ?? [];

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="references-panel">
      {error ? (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      ) : null}
      {!preview && loading ? (
        <Loader small>{formatMessage({ id: getTranslation('panel.loading'), defaultMessage: 'Resolving citations…' })}</Loader>
      ) : null}
      {preview ? (
        <>
          <PanelSection
            title={formatMessage({ id: getTranslation('panel.issues.title'), defaultMessage: 'Citation issues ({count})' }, { count: issues.length })}
            none={issues.length === 0 ? formatMessage({ id: getTranslation('panel.issues.none'), defaultMessage: 'No citation issues.' }) : null}
            noneColor="success600"
          >
            {issues.map((issue, index) => (
              <IssueRow key={`${issue.code}-${issue.start}-${index}`} issue={issue} />
            ))}
          </PanelSection>
          <Divider />
          <PanelSection
            title={formatMessage(
              { id: getTranslation('panel.references.title'), defaultMessage: 'References ({count})' },
              { count: references.length }
            )}
            none={
              references.length === 0
                ? formatMessage({ id: getTranslation('panel.references.none'), defaultMessage: 'The body cites no source yet.' })
                : null
            }
          >
            <Box tag="ol" data-testid="reference-list">
              {references.map((reference) => (
                <Box tag="li" key={reference.id} paddingBottom={1}>
                  <Typography variant="pi">
                    <strong>[{reference.number}]</strong> {reference.formatted}
                  </Typography>
                </Box>
              ))}
            </Box>
          </PanelSection>
        </>
      ) : null}
      {canFindSources ? (
        <>
          <Divider />
          <SourceFinder />
        </>
      ) : null}
    </Flex>
  );
};

/**
 * The article edit view's "References" side panel: the reference list and every citation issue of
 * the unsaved form, as the public will see them once saved. Only for articles, and only for admins
 * allowed to preview references.
 */
export const ReferencesPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { can } = useCan(PERMISSIONS.previewReferences);
  if (model !== ARTICLE_UID || !can) return null;
  const { savedAt, locale } = savedVersionOf(document);
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'References' }),
    content: <PanelContent documentId={documentId} savedAt={savedAt} locale={locale} />,
  };
};
