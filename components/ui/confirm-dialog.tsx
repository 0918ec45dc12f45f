'use client';
// Asks "are you sure?" before a destructive action; the cancel button gets focus so Enter never destroys by accident.
import type { ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';
import { Dialog } from './dialog';

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
}) {
  return (
    <Dialog
      open={props.open}
      onClose={() => !props.busy && props.onCancel()}
      title={props.title}
      description={props.description}
      role="alertdialog"
      footer={
        <>
          <Button variant="secondary" onClick={props.onCancel} disabled={props.busy} autoFocus>
            {props.cancelLabel ?? 'Cancel'}
          </Button>
          <Button variant="danger" onClick={props.onConfirm} busy={props.busy}>
            {props.confirmLabel}
          </Button>
        </>
      }
    >
      {props.error && <Alert tone="error">{props.error}</Alert>}
    </Dialog>
  );
}
