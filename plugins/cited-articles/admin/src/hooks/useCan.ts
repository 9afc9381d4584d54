import { useRBAC } from '@strapi/strapi/admin';

type Permission = { action: string; subject: string | null };

/**
 * Whether the current admin holds this one action. useRBAC names its answers after the action's
 * last part (`canRead`), which would mix up `sources.read` and `comments.read`: ask for one at a time.
 */
export const useCan = (permissions: Permission[]) => {
  const { allowedActions, isLoading } = useRBAC(permissions);
  return { can: Object.values(allowedActions).some(Boolean), isLoading };
};
