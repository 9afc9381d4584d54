import { Dialog } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useTranslate } from '../../hooks/useTranslate';

/** Asks before deleting comments (and every reply below them); open while `documentIds` is set. */
export const DeleteDialog = ({
  documentIds,
  onConfirm,
  onClose,
}: {
  documentIds: string[] | null;
  onConfirm: (documentIds: string[]) => Promise<void>;
  onClose: () => void;
}) => {
  const t = useTranslate();
  return (
    <Dialog.Root open={documentIds !== null} onOpenChange={(open: boolean) => !open && onClose()}>
      <ConfirmDialog
        icon={<WarningCircle />}
        onConfirm={async () => {
          if (documentIds) await onConfirm(documentIds);
          onClose();
        }}
        variant="danger"
      >
        {t(
          'comments.delete.confirm',
          'Delete {count, plural, one {this comment} other {these # comments}} and every reply below? This cannot be undone.',
          {
            count: documentIds?.length ?? 0,
          }
        )}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
