import { plainError } from '@/lib/feedback/plain-error';
import type { useLabelApplyMutation } from '@/lib/queries/nodes/label-apply-mutation';
import type { LabelPreviewData } from '@/lib/queries/nodes/label-preview-mutation';
import { Button } from '../../ui/button';
import { Card, CardBody, CardHeader } from '../../ui/card';
import { LabelPreview } from './label-preview';

/**
 * Step 3 of labelling: what the preview found, and the button that applies exactly that (each
 * node at the version previewed). A conflict (409) offers to preview again.
 */
export function LabelApplyCard({
  previewed,
  apply,
  denied,
  onApply,
  onPreviewAgain,
}: {
  previewed: LabelPreviewData;
  apply: ReturnType<typeof useLabelApplyMutation>;
  /** Kubernetes does not let this user patch nodes. */
  denied: boolean;
  onApply: () => void;
  onPreviewAgain: () => void;
}) {
  return (
    <Card>
      <CardHeader title="3. What will change" aside={`${previewed.nodes.length} node(s)`} />
      <CardBody className="flex flex-col gap-3">
        <LabelPreview data={previewed} />
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="primary"
            data-testid="label-apply"
            disabled={apply.isPending || apply.isSuccess || denied}
            onClick={onApply}
          >
            {apply.isPending ? 'Applying…' : `Apply to ${previewed.nodes.length} node(s)`}
          </Button>
          {apply.isSuccess && (
            <span data-testid="label-applied" className="text-sm text-emerald-800">
              Applied. The DaemonSet pods below follow live.
            </span>
          )}
          {apply.error && (
            <span role="alert" data-testid="label-apply-error" className="text-sm text-red-700">
              {plainError(apply.error)}
              {apply.error.status === 409 && (
                <Button size="sm" className="ml-2" onClick={onPreviewAgain}>
                  Preview again
                </Button>
              )}
            </span>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
