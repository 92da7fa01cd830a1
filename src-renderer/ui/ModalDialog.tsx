import { useEffect, useRef, type ComponentPropsWithoutRef } from 'react';
import { showModal } from './showModal';

interface ModalDialogProps extends Omit<ComponentPropsWithoutRef<'dialog'>, 'onCancel' | 'open'> {
  /** Escape (the dialog's cancel) asks for this instead of closing the element itself. */
  readonly onClose: () => void;
}

/**
 * A `<dialog>` opened as a modal when it mounts (focus trapped, Escape asks `onClose`): the app's
 * dialogs are shown by rendering them and hidden by not rendering them.
 */
export function ModalDialog({ onClose, children, ...rest }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => showModal(ref.current), []);
  return (
    <dialog
      ref={ref}
      {...rest}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
