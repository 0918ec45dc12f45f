'use client';
// A modal dialog on the native <dialog> element: focus is trapped, Escape closes and the page behind is inert.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

export function Dialog(props: { open: boolean; onClose: () => void; title: string; description?: ReactNode; children?: ReactNode; footer?: ReactNode; role?: 'dialog' | 'alertdialog' }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // The open prop as of the latest render, for the close event (which arrives a task after close()).
  const openRef = useRef(props.open);
  openRef.current = props.open;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  return (
    <dialog
      ref={ref}
      role={props.role}
      aria-labelledby={titleId}
      aria-describedby={props.description ? descriptionId : undefined}
      onClose={() => {
        // The close event is queued, so it can arrive after the dialog was reopened (say, for the next row) or
        // after this component closed it itself; only a close the dialog did on its own is news to the owner.
        if (ref.current?.open || !openRef.current) return;
        props.onClose();
      }}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === ref.current) props.onClose();
      }}
      // text-left: a dialog opened from a right-aligned table cell (row actions) must not inherit its alignment.
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 text-left text-zinc-900 shadow-2xl ring-1 ring-zinc-900/10"
    >
      {props.open && (
        <div className="p-6">
          <h2 id={titleId} className="text-base font-semibold text-zinc-900">
            {props.title}
          </h2>
          {props.description && (
            <div id={descriptionId} className="mt-2 text-sm text-zinc-600">
              {props.description}
            </div>
          )}
          {props.children && <div className="mt-4">{props.children}</div>}
          {props.footer && <div className="mt-6 flex justify-end gap-3">{props.footer}</div>}
        </div>
      )}
    </dialog>
  );
}

/** The closing row of a form in a dialog: Cancel, then the form's submit (disabled together while it is busy). */
export function DialogFormActions(props: { onCancel: () => void; busy: boolean; submitLabel: ReactNode; variant?: 'primary' | 'danger'; disabled?: boolean }) {
  return (
    <div className="flex justify-end gap-3 pt-2">
      <Button variant="secondary" onClick={props.onCancel} disabled={props.busy}>
        Cancel
      </Button>
      <Button type="submit" variant={props.variant} disabled={props.disabled} busy={props.busy}>
        {props.submitLabel}
      </Button>
    </div>
  );
}
