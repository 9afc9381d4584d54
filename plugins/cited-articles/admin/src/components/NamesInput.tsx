import * as React from 'react';
import { useField } from '@strapi/strapi/admin';
import { NamesEditor } from './NamesEditor';
import type { SourceName } from '../utils/names';

/** The props the Content Manager gives a custom field's input (besides the ones unused here). */
interface CustomFieldInputProps {
  name: string;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
}

/**
 * The input of the `plugin::cited-articles.names` custom field (a source's authors, editors,
 * translators) in the Content Manager: the names editor, bound to the edit form's field.
 */
const NamesInput = ({ name, label, hint, required, disabled }: CustomFieldInputProps) => {
  const field = useField<SourceName[] | null>(name);
  return (
    <NamesEditor
      name={name}
      label={label ?? name}
      value={field.value}
      onChange={(names) => field.onChange(name, names)}
      hint={hint}
      error={field.error}
      required={required}
      disabled={disabled}
    />
  );
};

export default NamesInput;
