import * as React from 'react';
import { Flex } from '@strapi/design-system';
import { SearchInput } from '@strapi/strapi/admin';

/** Strapi's search box (it writes `_q` to the URL) and the page's filters beside it. */
export const ListToolbar = ({
  searchLabel,
  searchPlaceholder,
  children,
}: {
  searchLabel: string;
  searchPlaceholder: string;
  children?: React.ReactNode;
}) => (
  <Flex gap={4} paddingBottom={4} alignItems="center" wrap="wrap">
    <SearchInput label={searchLabel} placeholder={searchPlaceholder} />
    {children}
  </Flex>
);
