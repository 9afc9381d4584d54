import * as React from 'react';

const NONE_SELECTED: string[] = [];

/** The rows ticked in one view of a list (`view` names it): another view starts with none ticked. */
export const useSelection = (view: string, ids: string[]) => {
  const [selection, setSelection] = React.useState<{ view: string; ids: string[] }>({ view, ids: [] });
  const selected = selection.view === view ? selection.ids : NONE_SELECTED;
  const select = (next: string[]) => setSelection({ view, ids: next });
  const allSelected = ids.length > 0 && selected.length === ids.length;
  return {
    selected,
    allSelected,
    toggle: (id: string) => select(selected.includes(id) ? selected.filter((known) => known !== id) : [...selected, id]),
    toggleAll: () => select(allSelected ? [] : ids),
    clear: () => select([]),
  };
};

export type Selection = ReturnType<typeof useSelection>;
