import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { cx } from './cx';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** 'danger' for destructive actions such as discarding the draft. */
  tone?: 'primary' | 'danger';
  onConfirm: () => void;
  onCancel: () => void;
}

export interface ModalProps {
  open: boolean;
  /** Escape, or the browser closing the dialog: the caller decides what closing means. */
  onCancel: () => void;
  labelledBy: string;
  describedBy?: string;
  className?: string;
  /** Rendered only while open, so its state resets on the next opening. */
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: showModal traps focus and returns it to the opener on close;
 * Escape calls onCancel instead of closing behind React's back.
 */
export function Modal({
  open,
  onCancel,
  labelledBy,
  describedBy,
  className,
  children,
}: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className={cx(
        'm-auto w-full rounded-lg border border-border bg-surface p-6 text-fg shadow-xl backdrop:bg-black/50',
        className ?? 'max-w-md',
      )}
    >
      {open ? children : null}
    </dialog>
  );
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, Escape cancels, and
 * focus returns to the opener. Cancel has focus first so Enter never destroys by accident.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();

  return (
    <Modal open={open} onCancel={onCancel} labelledBy={titleId} describedBy={bodyId}>
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <div id={bodyId} className="mt-2 text-sm text-fg-muted">
        {body}
      </div>
      <div className="mt-6 flex justify-end gap-2">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the safe choice is focused on open */}
        <Button autoFocus onClick={onCancel}>
          {cancelLabel}
        </Button>
        <Button variant={tone} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Modal>
  );
}
