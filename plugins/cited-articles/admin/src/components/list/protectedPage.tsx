import type { ComponentType } from 'react';
import { Page } from '@strapi/strapi/admin';

type Permissions = Array<{ action: string; subject: string | null }>;

/** A page shown only to admins holding these permissions (Strapi's Page.Protect around it). */
export const protectedPage = (permissions: Permissions, Content: ComponentType) => {
  const ProtectedPage = () => (
    <Page.Protect permissions={permissions}>
      <Content />
    </Page.Protect>
  );
  return ProtectedPage;
};
