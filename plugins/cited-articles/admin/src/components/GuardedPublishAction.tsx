import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useCan } from '../hooks/useCan';
import { useReferencePreview, type CitationIssue } from '../hooks/useReferencePreview';
import { PERMISSIONS } from '../permissions';
import { ARTICLE_UID } from '../../../shared/uids';
import { savedVersionOf } from '../utils/articleForm';
import { getTranslation } from '../utils/getTranslation';

const IssueList = ({ issues }: { issues: CitationIssue[] }) => (
  <Box tag="ul" paddingTop={2} data-testid="publish-citation-errors">
    {issues.map((issue, index) => (
      <Box tag="li" key={index}>
        <Typography variant="omega">
          {issue.marker ? <strong>{issue.marker}</strong> : null} {issue.message}
        </Typography>
      </Box>
    ))}
  </Box>
);

const errorsOf = (issues: CitationIssue[] | undefined) => (issues ?? []).filter((issue) => issue.severity === 'error');

/**
 * Wraps the Content Manager's own Publish action for articles: when the form's body has citation
 * errors, Publish first lists them and asks for confirmation, or, with the plugin option
 * `blockPublishOnCitationErrors`, says they must be fixed (the server refuses such a publish
 * anyway). The click resolves the form afresh, so a preview still loading cannot let errors pass.
 * Everything else is the built-in action's behaviour.
 */
export const guardPublishAction = (Publish: DocumentActionComponent): DocumentActionComponent => {
  const GuardedPublish: DocumentActionComponent = (props) => {
    const base = Publish(props);
    const { formatMessage } = useIntl();
    const { toggleNotification } = useNotification();
    const { can } = useCan(PERMISSIONS.previewReferences);
    const isArticle = props.model === ARTICLE_UID && can;
    const { savedAt, locale } = savedVersionOf(props.document);
    const { preview, resolveNow } = useReferencePreview({ documentId: props.documentId, savedAt, locale, enabled: isArticle });
    if (!base || !isArticle) return base;

    const errors = errorsOf(preview?.issues);
    const title = (count: number) =>
      formatMessage(
        { id: getTranslation('publish.errors.title'), defaultMessage: '{count, plural, one {# citation error} other {# citation errors}}' },
        { count }
      );

    const onClick = async (event: React.SyntheticEvent) => {
      let fresh;
      try {
        fresh = await resolveNow();
      } catch {
        // The preview route failed: the server still checks on publish when the option is on.
        return base.onClick?.(event);
      }
      const found = errorsOf(fresh.issues);
      if (found.length === 0) return base.onClick?.(event);
      if (fresh.publishGuard === 'block') {
        toggleNotification({
          type: 'danger',
          title: title(found.length),
          message: formatMessage({
            id: getTranslation('publish.errors.blocked'),
            defaultMessage: 'Fix the citation errors shown in the References panel before publishing.',
          }),
        });
        return true;
      }
      // Nothing returned: the Content Manager opens the dialog, rendered from the fresh preview.
      return undefined;
    };

    const publishAnyway = async () => {
      // The built-in action publishes in its dialog's confirm (or in onClick when it has no dialog).
      const builtIn = base.dialog && base.dialog.type === 'dialog' ? base.dialog.onConfirm : undefined;
      if (builtIn) await builtIn();
      else await base.onClick?.({} as React.SyntheticEvent);
    };

    return {
      ...base,
      onClick,
      publishConfirmScope: errors.length > 0 ? undefined : base.publishConfirmScope,
      dialog:
        errors.length === 0
          ? base.dialog
          : {
              type: 'dialog',
              variant: 'danger',
              bodyIcon: 'danger',
              title: title(errors.length),
              content: (
                <Box>
                  <Typography variant="omega">
                    {formatMessage({
                      id: getTranslation('publish.errors.question'),
                      defaultMessage: 'Readers will see these markers as plain text. Publish anyway?',
                    })}
                  </Typography>
                  <IssueList issues={errors} />
                </Box>
              ),
              confirmLabel: formatMessage({ id: getTranslation('publish.errors.confirm'), defaultMessage: 'Publish anyway' }),
              onConfirm: publishAnyway,
            },
    };
  };
  GuardedPublish.type = 'publish';
  GuardedPublish.position = Publish.position;
  return GuardedPublish;
};
