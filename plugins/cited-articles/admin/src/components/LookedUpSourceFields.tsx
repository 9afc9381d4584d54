import * as React from 'react';
import { Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { SOURCE_TYPES, type LookedUpSource, type SourceType } from '../../../shared/engine';
import { useTranslate } from '../hooks/useTranslate';
import type { NameField, TextField } from '../utils/newSource';
import { NamesEditor } from './NamesEditor';

/** The text fields, in the order shown; the wide ones take a whole row. */
type TextFieldSpec = { name: TextField; label: string; hint?: string; wide?: boolean };

const TITLE: TextFieldSpec = { name: 'title', label: 'Title', wide: true };
const TEXT_FIELDS: TextFieldSpec[] = [
  { name: 'containerTitle', label: 'Published in (journal, newspaper, site, book)', wide: true },
  { name: 'publisher', label: 'Publisher' },
  { name: 'publisherPlace', label: 'Place of publication' },
  { name: 'publishedDate', label: 'Published', hint: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { name: 'accessedDate', label: 'Accessed', hint: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { name: 'volume', label: 'Volume' },
  { name: 'issue', label: 'Issue' },
  { name: 'pages', label: 'Pages', hint: 'e.g. 45-67' },
  { name: 'edition', label: 'Edition' },
  { name: 'isbn', label: 'ISBN' },
  { name: 'issn', label: 'ISSN' },
  { name: 'number', label: 'Number (of a report or document)' },
  { name: 'doi', label: 'DOI' },
  { name: 'url', label: 'URL', wide: true },
  { name: 'language', label: 'Language' },
];

const NAME_FIELDS: Array<{ name: NameField; label: string }> = [
  { name: 'authors', label: 'Authors' },
  { name: 'editors', label: 'Editors' },
  { name: 'translators', label: 'Translators' },
];

interface LookedUpSourceFieldsProps {
  fields: LookedUpSource;
  set: <K extends keyof LookedUpSource>(name: K, value: LookedUpSource[K]) => void;
}

/**
 * The fields a lookup filled, to check and edit before saving: names as names (authors always,
 * editors and translators when the lookup found some), the rest as text.
 */
export const LookedUpSourceFields = ({ fields, set }: LookedUpSourceFieldsProps) => {
  const t = useTranslate();
  // Editors and translators stay shown once there, even when the editor removes the last one.
  const [shownRoles] = React.useState(() => NAME_FIELDS.filter(({ name }) => name === 'authors' || fields[name].length > 0));

  const textField = ({ name, label, hint, wide }: TextFieldSpec) => (
    <Grid.Item key={name} col={wide ? 12 : 6} s={12} direction="column" alignItems="stretch">
      <Field.Root name={`lookup-${name}`} required={name === 'title'} hint={hint ? t(`lookup.field.${name}.hint`, hint) : undefined}>
        <Field.Label>{t(`lookup.field.${name}`, label)}</Field.Label>
        <TextInput
          name={`lookup-${name}`}
          value={fields[name] ?? ''}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(name, event.target.value)}
        />
        {hint ? <Field.Hint /> : null}
      </Field.Root>
    </Grid.Item>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="lookup-fields">
      <Grid.Root gap={3}>
        {textField(TITLE)}
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Field.Root name="lookup-type">
            <Field.Label>{t('lookup.field.type', 'Type')}</Field.Label>
            <SingleSelect
              value={fields.type}
              onChange={(value: string | number) => set('type', SOURCE_TYPES.find((type) => type === value) ?? fields.type)}
            >
              {SOURCE_TYPES.map((type: SourceType) => (
                <SingleSelectOption key={type} value={type}>
                  {t(`source.type.${type}`, type)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
      </Grid.Root>
      {shownRoles.map(({ name, label }) => (
        <NamesEditor
          key={name}
          name={`lookup-${name}`}
          label={t(`lookup.field.${name}`, label)}
          value={fields[name]}
          onChange={(names) => set(name, names ?? [])}
        />
      ))}
      <Grid.Root gap={3}>{TEXT_FIELDS.map(textField)}</Grid.Root>
    </Flex>
  );
};
