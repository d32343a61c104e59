'use client';

import { useState } from 'react';
import { refusal, type DrainConsent } from '@/lib/drain/plan';
import type { AccessAnswer } from '@/lib/queries/access/access-query';
import { useDrainPreviewQuery } from '@/lib/queries/nodes/node-drain-preview-query';
import { useCordonMutation } from '@/lib/queries/nodes/node-cordon-mutation';
import type { NodeRow } from '@/lib/views';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { NodeDrainPreview, podsToEvict } from './node-drain-preview';
import type { useDrainRun } from './use-drain-run';

const NO_CONSENT: DrainConsent = { evictLocalStorage: false, evictUnmanaged: false };

/** Why the drain button is disabled, from the two can-i answers; undefined when allowed. */
export function drainDenied(patch: AccessAnswer | undefined, evict: AccessAnswer | undefined): string | undefined {
  const why = (a: AccessAnswer, what: string) =>
    `Kubernetes does not allow you to ${what}${a.reason ? `: ${a.reason}` : ''}`;
  if (patch && !patch.allowed) return why(patch, 'cordon this node (patch nodes)');
  if (evict && !evict.allowed) return why(evict, 'evict pods (create pods/eviction)');
  return undefined;
}

/**
 * The Drain button and its confirmation dialog: the preview (read when the dialog opens), the
 * consent questions for emptyDir and unmanaged pods, then cordon + evictions through `drain`.
 */
export function NodeDrain({
  node,
  patch,
  evict,
  drain,
}: {
  node: NodeRow;
  patch: AccessAnswer | undefined;
  evict: AccessAnswer | undefined;
  drain: ReturnType<typeof useDrainRun>;
}) {
  const [open, setOpen] = useState(false);
  const [consent, setConsent] = useState<DrainConsent>(NO_CONSENT);
  const q = useDrainPreviewQuery(node.name, open);
  const cordon = useCordonMutation(node.name);
  const denied = drainDenied(patch, evict);
  const busy = Boolean(drain.run?.active);
  const evicting = q.data ? podsToEvict(q.data, consent) : [];
  const asks = (r: 'local-storage' | 'unmanaged') =>
    q.data?.pods.some((p) => p.decision.action === 'consent' && p.decision.reasons.includes(r));
  const close = () => {
    setOpen(false);
    setConsent(NO_CONSENT);
  };
  const confirm = () => {
    if (evicting.length === 0) cordon.mutate(true);
    else
      drain.start(
        evicting.map(({ namespace, name, uid }) => ({ namespace, name, uid })),
        consent,
        (q.data?.pods ?? []).flatMap(({ namespace, name, uid, decision }) => {
          const why = refusal(decision, consent);
          return why ? [{ namespace, name, uid, message: why }] : [];
        }),
      );
    close();
  };
  return (
    <>
      {cordon.error && (
        <span role="alert" className="max-w-80 text-xs text-red-700">
          {cordon.error.message}
        </span>
      )}
      <Button
        data-testid="node-drain"
        disabled={!patch || !evict || Boolean(denied) || busy}
        title={denied ?? (busy ? 'A drain is running' : 'Cordon the node, then evict its pods (budgets are honoured)')}
        onClick={() => setOpen(true)}
      >
        Drain
      </Button>
      <Dialog
        open={open}
        onClose={close}
        testId="drain-dialog"
        title={
          <>
            Drain <span className="font-mono">{node.name}</span>
          </>
        }
        footer={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" data-testid="drain-confirm" disabled={!q.data} onClick={confirm}>
              {evicting.length === 0
                ? 'Cordon only'
                : `Cordon and evict ${evicting.length} pod${evicting.length === 1 ? '' : 's'}`}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-3 text-sm">
          <p className="text-zinc-600">
            {node.unschedulable
              ? 'The node is cordoned already.'
              : 'First the node is cordoned: no new pod lands here.'}{' '}
            Then each pod below marked “evicted” is evicted through the Eviction API: a PodDisruptionBudget that allows
            no disruption now refuses it, and you can retry it later. Controllers recreate the evicted pods elsewhere.
          </p>
          {q.isPending && <p className="text-zinc-500">Reading the node’s pods…</p>}
          {q.error && (
            <p role="alert" className="text-red-700">
              {q.error.message}
            </p>
          )}
          {q.data && !q.data.pdbsKnown && (
            <p className="text-amber-800">
              You may not list PodDisruptionBudgets: which evictions a budget blocks shows only once they are tried.
            </p>
          )}
          {q.data && (
            <>
              {(asks('local-storage') || asks('unmanaged')) && (
                <fieldset className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-2">
                  {asks('local-storage') && (
                    <label className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        data-testid="drain-local-storage"
                        checked={consent.evictLocalStorage}
                        onChange={(e) => setConsent({ ...consent, evictLocalStorage: e.target.checked })}
                      />
                      also evict pods with emptyDir volumes (their local data is lost)
                    </label>
                  )}
                  {asks('unmanaged') && (
                    <label className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        data-testid="drain-unmanaged"
                        checked={consent.evictUnmanaged}
                        onChange={(e) => setConsent({ ...consent, evictUnmanaged: e.target.checked })}
                      />
                      also evict pods that no controller recreates
                    </label>
                  )}
                </fieldset>
              )}
              <NodeDrainPreview preview={q.data} consent={consent} />
            </>
          )}
        </div>
      </Dialog>
    </>
  );
}
