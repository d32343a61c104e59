'use client';

import type { ReactNode } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

/**
 * The one confirmation of the panel's actions with impact (restart, scale to 0, cordon, undo,
 * undeploy, drain …): a question, what will happen (`children`: the preview the panel already
 * computes), Cancel and the action's own verb. The result is told by the action's toast
 * (lib/queries/mutation-feedback.ts), so the dialog closes as soon as the action is sent.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = false,
  disabled = false,
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
}: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  /** The verb on the button, e.g. "Restart 3 pods"; never "OK". */
  confirmLabel: string;
  /** An action that stops or removes something: the button says so in red. */
  danger?: boolean;
  disabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      testId={testId}
      className="w-[min(36rem,calc(100vw-2rem))]"
      title={title}
      footer={
        <>
          <Button data-testid={`${testId}-cancel`} onClick={onCancel} autoFocus>
            Cancel
          </Button>
          <Button
            variant="primary"
            data-testid={`${testId}-confirm`}
            disabled={disabled}
            className={danger ? 'bg-red-600 hover:bg-red-500 disabled:bg-red-300' : undefined}
            onClick={onConfirm}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div data-testid={`${testId}-body`} className="flex flex-col gap-2 text-sm text-zinc-700">
        {children}
      </div>
    </Dialog>
  );
}
