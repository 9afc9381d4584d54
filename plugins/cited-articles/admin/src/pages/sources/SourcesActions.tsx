import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { Button, Flex, LinkButton } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { AddFromIdentifierModal } from '../../components/AddFromIdentifierModal';
import { ImportSourcesModal } from '../../components/ImportSourcesModal';
import { useCan } from '../../hooks/useCan';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useTranslate } from '../../hooks/useTranslate';
import { PERMISSIONS } from '../../permissions';
import { useCheckCitedSourceLinksMutation } from '../../services/sources';
import { SOURCE_UID } from '../../../../shared/uids';
import { editUrl } from '../../utils/editUrl';

/**
 * Check links now, Import sources, Add from DOI, ISBN or URL, Create a source: each for admins
 * allowed to. A link check or an import refreshes the list by itself (services/sources.ts).
 */
export const SourcesActions = () => {
  const t = useTranslate();
  const [checkSourceLinks, { isLoading: checking }] = useCheckCitedSourceLinksMutation();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const describeError = useErrorMessage();
  const { can: canImport } = useCan(PERMISSIONS.importSources);
  const { can: canCreate } = useCan(PERMISSIONS.createSources);
  const { can: canCheckLinks } = useCan(PERMISSIONS.checkSourceLinks);

  const checkLinks = async () => {
    try {
      const report = (await checkSourceLinks({}).unwrap()).data;
      toggleNotification({
        type: report.broken > 0 || report.retracted > 0 ? 'warning' : 'success',
        message: t(
          'sources.check.done',
          '{checked} links checked: {ok} fine, {redirected} redirected, {broken} broken ({archived} given an archived copy); {retracted} retracted',
          { ...report }
        ),
      });
    } catch (failure: unknown) {
      toggleNotification({ type: 'danger', message: describeError(failure) });
    }
  };

  return (
    <Flex gap={2}>
      {canCheckLinks ? (
        <Button variant="tertiary" onClick={checkLinks} loading={checking} disabled={checking}>
          {t('sources.check.button', 'Check links now')}
        </Button>
      ) : null}
      {canImport ? <ImportSourcesModal /> : null}
      {canCreate ? <AddFromIdentifierModal onSaved={(source) => navigate(editUrl(SOURCE_UID, source.documentId))} /> : null}
      <LinkButton tag={RouterLink} to={`/content-manager/collection-types/${SOURCE_UID}/create`} startIcon={<Plus />}>
        {t('sources.create', 'Create a source')}
      </LinkButton>
    </Flex>
  );
};
