import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useTranslate } from '../hooks/useTranslate';
import { draftsFromNames, emptyDraft, moveItem, namesFromDrafts, normaliseNames, type NameDraft, type SourceName } from '../utils/names';
import { NameRow } from './NameRow';

export interface NamesEditorProps {
  /** The field's name (`authors`); rows' inputs are named `<name>.<index>.<part>`. */
  name: string;
  label: React.ReactNode;
  /** A stored list of CSL names (or null: none). */
  value: unknown;
  /** Called with the cleaned list (trimmed, empty rows dropped), or null when no name is left. */
  onChange: (names: SourceName[] | null) => void;
  hint?: React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A list of names edited as names: one row per person or organisation, added, removed and moved.
 * The rows are kept as typed (an empty new row, a trailing space); what is sent out is the cleaned
 * list, and only when it differs from the last one sent.
 */
export const NamesEditor = ({ name, label, value, onChange, hint, error, required, disabled }: NamesEditorProps) => {
  const t = useTranslate();
  const [drafts, setDrafts] = React.useState<NameDraft[]>(() => draftsFromNames(value));
  const sent = React.useRef(JSON.stringify(normaliseNames(value)));

  // A value from outside (the document loaded, the form reset) replaces the rows; the value this
  // editor sent itself comes back unchanged and leaves them as typed.
  React.useEffect(() => {
    const incoming = JSON.stringify(normaliseNames(value));
    if (incoming !== sent.current) {
      sent.current = incoming;
      setDrafts(draftsFromNames(value));
    }
  }, [value]);

  const update = (next: NameDraft[]) => {
    setDrafts(next);
    const names = namesFromDrafts(next);
    const serialised = JSON.stringify(names);
    if (serialised !== sent.current) {
      sent.current = serialised;
      onChange(names);
    }
  };

  // Many inputs under one label: a labelled group, not a Field (whose label points at one input).
  const labelId = `${name}-names-label`;
  const hintId = `${name}-names-hint`;
  const errorId = `${name}-names-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      data-testid={`names-editor-${name}`}
    >
      <Typography id={labelId} variant="pi" fontWeight="bold" textColor="neutral800">
        {label}
        {required ? <Typography textColor="danger600">*</Typography> : null}
      </Typography>
      {drafts.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('names.empty', 'No name yet.')}
        </Typography>
      ) : null}
      {drafts.map((draft, index) => (
        <NameRow
          key={draft.id}
          field={name}
          index={index}
          count={drafts.length}
          draft={draft}
          disabled={disabled}
          onChange={(changed) => update(drafts.map((row) => (row.id === changed.id ? changed : row)))}
          onRemove={() => update(drafts.filter((row) => row.id !== draft.id))}
          onMove={(to) => update(moveItem(drafts, index, to))}
        />
      ))}
      <Box>
        <Button variant="secondary" size="S" startIcon={<Plus />} disabled={disabled} onClick={() => update([...drafts, emptyDraft()])}>
          {t('names.add', 'Add a name')}
        </Button>
      </Box>
      {hint ? (
        <Typography id={hintId} variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      ) : null}
      {error ? (
        <Typography id={errorId} variant="pi" textColor="danger600" role="alert">
          {error}
        </Typography>
      ) : null}
    </Flex>
  );
};
