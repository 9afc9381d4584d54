import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';

/**
 * One filter of a list page: a select named by `label` for screen readers. Choosing `allValue` (the
 * option that filters nothing) passes undefined, which drops the parameter from the URL.
 */
export const FilterSelect = ({
  label,
  value,
  allValue,
  options,
  onChange,
  width = '220px',
}: {
  label: string;
  value: string;
  allValue: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
  width?: string;
}) => (
  <Box width={width}>
    <SingleSelect aria-label={label} value={value} onChange={(next: string | number) => onChange(next === allValue ? undefined : String(next))}>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Box>
);
