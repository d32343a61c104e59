import { plainError } from '@/lib/feedback/plain-error';
import type { FormCheck, LabelRow } from '@/lib/label-form';
import type { useLabelPreviewMutation } from '@/lib/queries/nodes/label-preview-mutation';
import { Button } from '../../ui/button';
import { Card, CardBody, CardHeader } from '../../ui/card';
import { LabelRowsEditor } from './label-rows-editor';

/**
 * Step 2 of labelling: the label rows, the acknowledgement a system-managed label needs, and the
 * preview button (enabled once the form is `ready`).
 */
export function LabelEditCard({
  rows,
  check,
  nextId,
  onRowsChange,
  ack,
  onAck,
  ready,
  preview,
  onPreview,
}: {
  rows: LabelRow[];
  check: FormCheck;
  nextId: number;
  onRowsChange: (rows: LabelRow[]) => void;
  ack: boolean;
  onAck: (ack: boolean) => void;
  ready: boolean;
  preview: ReturnType<typeof useLabelPreviewMutation>;
  onPreview: () => void;
}) {
  return (
    <Card>
      <CardHeader title="2. Labels to set or remove" />
      <CardBody className="flex flex-col gap-3">
        <LabelRowsEditor rows={rows} check={check} nextId={nextId} onChange={onRowsChange} />
        {check.touchesSystem && (
          <label className="flex items-start gap-2 text-sm text-amber-900">
            <input
              type="checkbox"
              data-testid="label-ack-system"
              checked={ack}
              onChange={(e) => onAck(e.target.checked)}
              className="mt-0.5 accent-amber-600"
            />
            I understand that a system component manages these labels and may overwrite or act on my change.
          </label>
        )}
        <div>
          <Button
            variant="primary"
            data-testid="label-preview-button"
            disabled={!ready || preview.isPending}
            onClick={onPreview}
          >
            {preview.isPending ? 'Previewing…' : 'Preview'}
          </Button>
        </div>
        {preview.error && (
          <p role="alert" data-testid="label-preview-error" className="text-sm text-red-700">
            {plainError(preview.error)}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
