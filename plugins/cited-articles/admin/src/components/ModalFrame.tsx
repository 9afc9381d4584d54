import * as React from 'react';
import { Button, Flex, Modal } from '@strapi/design-system';

/**
 * Open state for a modal whose form starts afresh each time: `reset` runs whenever it closes,
 * by its close button, Escape, or `close()` after the work is done.
 */
export const useModalState = (reset: () => void) => {
  const [open, setOpen] = React.useState(false);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) reset();
  };
  return { open, onOpenChange, close: () => onOpenChange(false) };
};

/**
 * The plugin's modal: the trigger that opens it (none when the page opens it), a title, a body in
 * one column, and a footer with the close button and the modal's main action.
 */
export const ModalFrame = ({
  open,
  onOpenChange,
  trigger,
  title,
  closeLabel,
  action,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger?: React.ReactNode;
  title: string;
  closeLabel: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) => (
  <Modal.Root open={open} onOpenChange={onOpenChange}>
    {trigger ? <Modal.Trigger>{trigger}</Modal.Trigger> : null}
    <Modal.Content>
      <Modal.Header>
        <Modal.Title>{title}</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {children}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">{closeLabel}</Button>
        </Modal.Close>
        {action}
      </Modal.Footer>
    </Modal.Content>
  </Modal.Root>
);
