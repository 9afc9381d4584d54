import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import type { GetSources } from '../../../shared/contracts';
import { useCan } from '../hooks/useCan';
import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../utils/getTranslation';
import { AddFromIdentifierModal } from './AddFromIdentifierModal';
import { bodyOf } from '../utils/articleForm';
import { insertMarker } from '../utils/insertMarker';

type FoundSource = GetSources.Response['data'][number];

/**
 * Search the source library and copy or insert a source's `[@key]` marker; or add a source from a
 * DOI, ISBN or URL and insert its marker at once (the existing source when the library has it).
 */
export const SourceFinder = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const body = useForm('CitedArticlesSourceFinder', (state) => bodyOf(state.values), false);
  const onChange = useForm('CitedArticlesSourceFinder', (state) => state.onChange, false) as (name: string, value: unknown) => void;
  const [search, setSearch] = React.useState('');
  const [found, setFound] = React.useState<FoundSource[]>([]);
  const { can: canCreate } = useCan(PERMISSIONS.createSources);

  React.useEffect(() => {
    const text = search.trim();
    if (text === '') return;
    let live = true;
    const timer = setTimeout(async () => {
      try {
        const params: GetSources.Request['query'] = { search: text, pageSize: 5 };
        const { data } = await get<GetSources.Response>('/cited-articles/sources', { params });
        if (live) setFound(data.data);
      } catch {
        if (live) setFound([]);
      }
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, get]);

  const copy = async (marker: string) => {
    try {
      await navigator.clipboard.writeText(marker);
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('panel.finder.copied'), defaultMessage: 'Copied {marker}' }, { marker }),
      });
    } catch {
      toggleNotification({
        type: 'warning',
        message: formatMessage(
          { id: getTranslation('panel.finder.copy-failed'), defaultMessage: 'The browser refused to copy; the marker is {marker}' },
          { marker }
        ),
      });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <TextInput
        name="cited-articles-source-search"
        aria-label={formatMessage({ id: getTranslation('panel.finder.label'), defaultMessage: 'Find a source' })}
        placeholder={formatMessage({ id: getTranslation('panel.finder.placeholder'), defaultMessage: 'Find a source by title, key, outlet, URL…' })}
        value={search}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
          setSearch(event.target.value);
          // An emptied search shows no matches (and the next search none of this one's).
          if (event.target.value.trim() === '') setFound([]);
        }}
        size="S"
      />
      {canCreate ? (
        <AddFromIdentifierModal
          size="S"
          onSaved={(source) => {
            const marker = `[@${source.key}]`;
            insertMarker(marker, { body, onChange });
            toggleNotification({
              type: 'success',
              message: formatMessage({ id: getTranslation('panel.finder.added'), defaultMessage: 'Source saved; inserted {marker}' }, { marker }),
            });
          }}
        />
      ) : null}
      {search.trim() !== '' && found.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: getTranslation('panel.finder.none'), defaultMessage: 'No source matches.' })}
        </Typography>
      ) : null}
      {found.map((source) => {
        const marker = `[@${source.key}]`;
        return (
          <Box key={source.documentId} padding={2} background="neutral100" hasRadius data-testid="found-source">
            <Typography variant="omega" fontWeight="semiBold" tag="p">
              {source.title}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {marker}
            </Typography>
            <Flex gap={2} paddingTop={1}>
              <Button size="S" variant="secondary" onClick={() => insertMarker(marker, { body, onChange })}>
                {formatMessage({ id: getTranslation('panel.finder.insert'), defaultMessage: 'Insert' })}
              </Button>
              <Button size="S" variant="tertiary" onClick={() => copy(marker)}>
                {formatMessage({ id: getTranslation('panel.finder.copy'), defaultMessage: 'Copy' })}
              </Button>
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};
