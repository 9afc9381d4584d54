import * as React from 'react';
import { Th, Typography } from '@strapi/design-system';
import { Table } from '@strapi/strapi/admin';

// Table.Empty takes EmptyStateLayout's props, typed by the admin from a name the design system's
// declarations do not export as a type (as Page.Error, see ListPage): restore the one used here.
const TableEmpty = Table.Empty as (props: { content: string }) => React.ReactNode;

/** A column: its name, its label, and what stands in its header cell when not the label (a checkbox). */
export type ListHeader = { name: string; label: string; head?: React.ReactNode };

/**
 * Strapi's admin Table, driven by a headers array: the loader while the list loads, its empty
 * state (EmptyStateLayout) when there is no row, and the failure of the latest request above the
 * rows the page had (the list is not emptied by a failed reload).
 */
export const ListTable = <Row extends { documentId: string }>({
  headers,
  rows,
  loading,
  error,
  loadingLabel,
  emptyLabel,
  renderRow,
}: {
  headers: ListHeader[];
  rows: Row[];
  loading: boolean;
  error: string | null;
  loadingLabel: string;
  emptyLabel: string;
  renderRow: (row: Row) => React.ReactNode;
}) => (
  <>
    {error ? (
      <Typography textColor="danger600" tag="p">
        {error}
      </Typography>
    ) : null}
    <Table.Root rows={rows.map((row) => ({ ...row, id: row.documentId }))} headers={headers} isLoading={loading}>
      <Table.Content>
        <Table.Head>
          {headers.map((header) => (header.head ? <Th key={header.name}>{header.head}</Th> : <Table.HeaderCell key={header.name} {...header} />))}
        </Table.Head>
        <Table.Loading>{loadingLabel}</Table.Loading>
        <TableEmpty content={emptyLabel} />
        <Table.Body>{rows.map(renderRow)}</Table.Body>
      </Table.Content>
    </Table.Root>
  </>
);
