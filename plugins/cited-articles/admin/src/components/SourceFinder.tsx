import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { useDebounce, useForm, useNotification } from '@strapi/strapi/admin';
import { useCan } from '../hooks/useCan';
import { PERMISSIONS } from '../permissions';
import { useGetCitedSourcesQuery } from '../services/sources';
import { getTranslation } from '../utils/getTranslation';
import { AddFromIdentifierModal } from './AddFromIdentifierModal';
import { bodyOf } from '../utils/articleForm';
import { insertMarker } from '../utils/insertMarker';

const DEBOUNCE_MS = 250;
const MATCHES = 5;

/**
 * The library's sources matching `search`, asked once the editor stops typing; the last matches
 * stay while the next ones load, and a failed search shows none.
 */
const FoundSources = ({ search, insert, copy }: { search: string; insert: (marker: string) => void; copy: (marker: string) => void }) => {
  const { formatMessage } = useIntl();
  const text = useDebounce(search.trim(), DEBOUNCE_MS);
  const matches = useGetCitedSourcesQuery({ search: text, pageSize: MATCHES }, { skip: text === '', refetchOnMountOrArgChange: true });
  const found = search.trim() === '' || text === '' || matches.isError ? [] : (matches.data?.data ?? []);
  return (
    <>
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
              <Button size="S" variant="secondary" onClick={() => insert(marker)}>
                {formatMessage({ id: getTranslation('panel.finder.insert'), defaultMessage: 'Insert' })}
              </Button>
              <Button size="S" variant="tertiary" onClick={() => copy(marker)}>
                {formatMessage({ id: getTranslation('panel.finder.copy'), defaultMessage: 'Copy' })}
              </Button>
            </Flex>
          </Box>
        );
      })}
    </>
  );
};

/**
 * Search the source library and copy or insert a source's `[@key]` marker; or add a source from a
 * DOI, ISBN or URL and insert its marker at once (the existing source when the library has it).
 */
export const SourceFinder = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const body = useForm('CitedArticlesSourceFinder', (state) => bodyOf(state.values), false);
  const onChange = useForm('CitedArticlesSourceFinder', (state) => state.onChange, false) as (name: string, value: unknown) => void;
  const [search, setSearch] = React.useState('');
  // Bumped when the search is emptied: the next search starts without this one's matches.
  const [searches, setSearches] = React.useState(0);
  const { can: canCreate } = useCan(PERMISSIONS.createSources);

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
          if (event.target.value.trim() === '') setSearches((count) => count + 1);
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
      <FoundSources key={searches} search={search} insert={(marker) => insertMarker(marker, { body, onChange })} copy={copy} />
    </Flex>
  );
};
