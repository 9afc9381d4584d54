import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { LookupSource } from '../../../shared/contracts';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useTranslate } from '../hooks/useTranslate';
import {
  useCreateCitedSourceMutation,
  useLazyGetCitedSourceDocumentQuery,
  useLookupCitedSourceMutation,
  type SavedSource,
} from '../services/sources';
import { toNewSource } from '../utils/newSource';
import { LookedUpSourceFields } from './LookedUpSourceFields';
import { ModalFrame, useModalState } from './ModalFrame';

type Fields = LookupSource.Response['data'];

/**
 * "Add from DOI, ISBN or URL": paste an identifier, see the fields the server filled
 * (POST /cited-articles/sources/lookup), edit them, save through the Content Manager's create
 * route. When the library holds the work already, that source is offered instead.
 */
export const AddFromIdentifierModal = ({
  onSaved,
  size = 'M',
}: {
  /** Called with the new source, or with the existing one the editor chose. */
  onSaved: (source: SavedSource) => void;
  size?: 'S' | 'M';
}) => {
  const t = useTranslate();
  const [lookupSource] = useLookupCitedSourceMutation();
  const [getContentManagerSource] = useLazyGetCitedSourceDocumentQuery();
  const [createSource] = useCreateCitedSourceMutation();
  const describeError = useErrorMessage();
  const [identifier, setIdentifier] = React.useState('');
  const [fields, setFields] = React.useState<Fields | null>(null);
  const [existing, setExisting] = React.useState<SavedSource | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  // Each lookup's answer gets a fresh form (its names editors start from the new names).
  const [lookups, setLookups] = React.useState(0);

  const reset = () => {
    setIdentifier('');
    setFields(null);
    setExisting(null);
    setError(null);
  };
  const modal = useModalState(reset);

  const lookUp = async () => {
    setBusy(true);
    setError(null);
    setFields(null);
    setExisting(null);
    try {
      const answer = await lookupSource({ identifier }).unwrap();
      setFields(answer.data);
      setLookups((count) => count + 1);
      if (answer.meta.existing) {
        const source = (await getContentManagerSource({ documentId: answer.meta.existing }).unwrap()).data;
        setExisting({ documentId: source.documentId, key: source.key, title: source.title });
      }
    } catch (failure) {
      setError(describeError(failure, t('lookup.failed', 'The lookup failed.')));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!fields) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await createSource(toNewSource(fields)).unwrap();
      onSaved({ documentId: data.documentId, key: data.key, title: data.title });
      modal.close();
    } catch (failure) {
      setError(describeError(failure, t('lookup.save-failed', 'The source could not be saved.')));
    } finally {
      setBusy(false);
    }
  };

  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => setFields((current) => (current ? { ...current, [name]: value } : current));

  return (
    <ModalFrame
      {...modal}
      trigger={
        <Button variant="secondary" size={size} startIcon={<Plus />}>
          {t('lookup.button', 'Add from DOI, ISBN or URL')}
        </Button>
      }
      title={t('lookup.title', 'Add a source from a DOI, ISBN or URL')}
      closeLabel={t('lookup.cancel', 'Cancel')}
      action={
        <Button
          onClick={save}
          disabled={!fields || fields.title.trim() === '' || busy}
          variant={existing ? 'secondary' : 'default'}
          data-testid="lookup-save"
        >
          {existing ? t('lookup.save-anyway', 'Save as a new source anyway') : t('lookup.save', 'Save source')}
        </Button>
      }
    >
      <Flex gap={2} alignItems="flex-end">
        <Box flex="1">
          <Field.Root name="lookup-identifier" hint={t('lookup.identifier.hint', 'e.g. 10.1038/nphys1170, 978-0-306-40615-7 or https://…')}>
            <Field.Label>{t('lookup.identifier.label', 'DOI, ISBN or URL')}</Field.Label>
            <TextInput
              name="lookup-identifier"
              value={identifier}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setIdentifier(event.target.value)}
              onKeyDown={(event: React.KeyboardEvent) => {
                if (event.key === 'Enter' && identifier.trim() !== '') lookUp();
              }}
            />
            <Field.Hint />
          </Field.Root>
        </Box>
        <Button onClick={lookUp} disabled={identifier.trim() === '' || busy} loading={busy && !fields}>
          {t('lookup.submit', 'Look up')}
        </Button>
      </Flex>
      {error ? (
        <Typography textColor="danger600" tag="p" data-testid="lookup-error">
          {error}
        </Typography>
      ) : null}
      {existing ? (
        <Box padding={3} background="warning100" hasRadius data-testid="lookup-existing">
          <Typography tag="p">
            {t('lookup.existing', 'The library has this work already: {title} [@{key}].', { title: existing.title, key: existing.key })}
          </Typography>
          <Box paddingTop={2}>
            <Button
              size="S"
              onClick={() => {
                onSaved(existing);
                modal.close();
              }}
            >
              {t('lookup.use-existing', 'Use the existing source')}
            </Button>
          </Box>
        </Box>
      ) : null}
      {fields ? <LookedUpSourceFields key={lookups} fields={fields} set={set} /> : null}
    </ModalFrame>
  );
};
