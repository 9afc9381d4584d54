import * as React from 'react';
import { Box, Button, Field, Flex, Grid, IconButton, Radio, TextInput, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Trash } from '@strapi/icons';
import { useTranslate } from '../hooks/useTranslate';
import { displayName, EXTRA_PERSON_PARTS, namesFromDrafts, type NameDraft, type NameKind, type PersonPart } from '../utils/names';

const PART_LABELS: Record<PersonPart, [string, string]> = {
  family: ['names.part.family', 'Family name'],
  given: ['names.part.given', 'Given name(s)'],
  'non-dropping-particle': ['names.part.non-dropping-particle', 'Particle'],
  'dropping-particle': ['names.part.dropping-particle', 'Dropping particle'],
  suffix: ['names.part.suffix', 'Suffix'],
};
const PART_HINTS: Partial<Record<PersonPart, [string, string]>> = {
  'non-dropping-particle': [
    'names.part.non-dropping-particle.hint',
    'Stays when only the family name is shown: "van" in Vincent van Gogh (van Gogh)',
  ],
  'dropping-particle': [
    'names.part.dropping-particle.hint',
    'Left out when only the family name is shown: "de" in Jean de La Fontaine (La Fontaine)',
  ],
  suffix: ['names.part.suffix.hint', 'e.g. "Jr." or "III"'],
};

const toKind = (value: string): NameKind => (value === 'organisation' ? 'organisation' : 'person');

interface NameRowProps {
  /** The field's name; the inputs are named `<field>.<index>.<part>`. */
  field: string;
  index: number;
  count: number;
  draft: NameDraft;
  disabled?: boolean;
  onChange: (draft: NameDraft) => void;
  onRemove: () => void;
  onMove: (to: number) => void;
}

/** One name of the list: a person (family and given names apart) or an organisation (one name, never split). */
export const NameRow = ({ field, index, count, draft, disabled, onChange, onRemove, onMove }: NameRowProps) => {
  const t = useTranslate();
  const prefix = `${field}.${index}`;
  // The rarer parts stay folded away unless the name already has one.
  const [more, setMore] = React.useState(() => EXTRA_PERSON_PARTS.some((part) => draft[part].trim() !== ''));
  const number = index + 1;
  // The name as citations will print it, so the parts can be checked at a glance.
  const saved = namesFromDrafts([draft])?.[0];

  const textField = (part: PersonPart | 'literal', label: string, hint?: string) => (
    <Field.Root name={`${prefix}.${part}`} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        name={`${prefix}.${part}`}
        value={draft[part]}
        disabled={disabled}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...draft, [part]: event.target.value })}
      />
      {hint ? <Field.Hint /> : null}
    </Field.Root>
  );
  const personField = (part: PersonPart) => {
    const hint = PART_HINTS[part];
    return textField(part, t(...PART_LABELS[part]), hint ? t(...hint) : undefined);
  };

  return (
    <Box
      role="group"
      aria-label={t('names.row', 'Name {number}', { number })}
      data-testid="names-row"
      padding={3}
      hasRadius
      borderColor="neutral200"
      background="neutral0"
    >
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={2} gap={2}>
        <Flex gap={3} alignItems="baseline">
          <Typography variant="sigma" textColor="neutral600">
            {t('names.row', 'Name {number}', { number })}
          </Typography>
          {saved ? (
            <Typography variant="pi" textColor="neutral800" data-testid="names-row-display">
              {displayName(saved)}
            </Typography>
          ) : null}
        </Flex>
        <Flex gap={1}>
          <IconButton
            label={t('names.move-up', 'Move name {number} up', { number })}
            disabled={disabled || index === 0}
            onClick={() => onMove(index - 1)}
          >
            <ArrowUp />
          </IconButton>
          <IconButton
            label={t('names.move-down', 'Move name {number} down', { number })}
            disabled={disabled || index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            <ArrowDown />
          </IconButton>
          <IconButton label={t('names.remove', 'Remove name {number}', { number })} disabled={disabled} onClick={onRemove}>
            <Trash />
          </IconButton>
        </Flex>
      </Flex>
      <Box paddingBottom={3}>
        <Radio.Group
          name={`${prefix}.kind`}
          value={draft.kind}
          disabled={disabled}
          aria-label={t('names.kind', 'Name {number} is a', { number })}
          onValueChange={(value: string) => onChange({ ...draft, kind: toKind(value) })}
        >
          <Flex gap={4}>
            <Radio.Item value="person">{t('names.kind.person', 'Person')}</Radio.Item>
            <Radio.Item value="organisation">{t('names.kind.organisation', 'Organisation')}</Radio.Item>
          </Flex>
        </Radio.Group>
      </Box>
      {draft.kind === 'organisation' ? (
        textField(
          'literal',
          t('names.part.literal', 'Name of the organisation'),
          t('names.part.literal.hint', 'Written whole, e.g. World Health Organization')
        )
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Grid.Root gap={2}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {personField('family')}
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              {personField('given')}
            </Grid.Item>
            {more
              ? EXTRA_PERSON_PARTS.map((part) => (
                  <Grid.Item key={part} col={4} s={12} direction="column" alignItems="stretch">
                    {personField(part)}
                  </Grid.Item>
                ))
              : null}
          </Grid.Root>
          {more ? null : (
            <Box>
              <Button variant="tertiary" size="S" disabled={disabled} onClick={() => setMore(true)}>
                {t('names.more', 'More: particle, suffix')}
              </Button>
            </Box>
          )}
        </Flex>
      )}
    </Box>
  );
};
