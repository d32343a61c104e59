'use client';

import type { DeployPreview, ObjectPreview } from '@/lib/deploy/preview-types';
import { ConfirmDialog } from '../feedback/confirm-dialog';
import { previewObjects, previewSummary } from './preview-list';

/** How many objects of each kind of change the dialog names before "and N more". */
const LISTED = 8;

const SAID: Partial<Record<ObjectPreview['action'], string>> = {
  create: 'Created',
  change: 'Changed',
  drift: 'Changed back to the bundle (edited by hand)',
  conflict: 'In conflict with another owner',
  error: 'Refused by the dry run',
};

/**
 * The deploy's confirmation: what the dry run of exactly these settings and choices found (the
 * preview the page computes, asked for here when none is current), the objects it touches, then
 * Deploy. While the preview runs, or when it failed, there is nothing to confirm yet.
 */
export function DeployConfirm({
  open,
  preview,
  previewing,
  previewError,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  /** The preview of the settings and choices on the page now, or null while none is current. */
  preview: DeployPreview | null;
  previewing: boolean;
  previewError: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const touched = preview ? previewObjects(preview).filter((o) => o.action !== 'unchanged') : [];
  return (
    <ConfirmDialog
      open={open}
      testId="deploy-confirm"
      title="Deploy ImagePod?"
      confirmLabel={touched.length ? `Deploy ${touched.length} change${touched.length === 1 ? '' : 's'}` : 'Deploy'}
      disabled={!preview || previewing}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {previewError ? (
        <p role="alert" className="text-red-700">
          The preview failed, so there is nothing to confirm yet: {previewError}
        </p>
      ) : !preview || previewing ? (
        <p data-testid="deploy-confirm-previewing">Asking the API server what this deploy would change…</p>
      ) : (
        <>
          <p data-testid="deploy-confirm-summary">{previewSummary(preview)}</p>
          {touched.length === 0 ? (
            <p>Everything already matches the bundle: the deploy re-applies it and changes nothing.</p>
          ) : (
            (Object.keys(SAID) as ObjectPreview['action'][]).map((action) => {
              const these = touched.filter((o) => o.action === action);
              if (these.length === 0) return null;
              return (
                <div key={action} data-testid={`deploy-confirm-${action}`}>
                  <p className="font-medium">{SAID[action]}:</p>
                  <ul className="ml-4 list-disc font-mono text-xs">
                    {these.slice(0, LISTED).map((o) => (
                      <li key={o.key}>{o.key}</li>
                    ))}
                    {these.length > LISTED && <li className="font-sans">and {these.length - LISTED} more</li>}
                  </ul>
                </div>
              );
            })
          )}
          <p className="text-xs text-zinc-500">
            Each stage waits for the one before it to be ready; progress shows here.
          </p>
        </>
      )}
    </ConfirmDialog>
  );
}
