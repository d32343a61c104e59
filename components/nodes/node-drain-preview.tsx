import { CONSENT_TEXT, SKIP_TEXT, refusal, type DrainConsent } from '@/lib/drain/plan';
import type { DrainPreview, PreviewPod } from '@/lib/drain/preview';
import { Badge } from '../ui/badge';
import { Table, TableScroll, TBody, TD, TH, THead, TR } from '../ui/table';

/** The pods a drain with `consent` evicts. */
export function podsToEvict(p: DrainPreview, consent: DrainConsent): PreviewPod[] {
  return p.pods.filter((x) => refusal(x.decision, consent) === null);
}

function Fate({ pod, consent }: { pod: PreviewPod; consent: DrainConsent }) {
  const d = pod.decision;
  if (d.action === 'skip')
    return (
      <span className="flex flex-col gap-0.5">
        <Badge tone="neutral">left</Badge>
        <span className="text-xs text-zinc-500">{SKIP_TEXT[d.reason]}</span>
      </span>
    );
  const why = d.action === 'consent' ? d.reasons.map((r) => CONSENT_TEXT[r]).join('; ') : null;
  const evicted = refusal(d, consent) === null;
  return (
    <span className="flex flex-col gap-0.5">
      <Badge tone={evicted ? 'info' : 'warn'}>{evicted ? 'evicted' : 'left unless you agree'}</Badge>
      {why && <span className="text-xs text-amber-800">{why}</span>}
      {pod.localStorage.length > 0 && (
        <span className="text-xs text-zinc-500">emptyDir: {pod.localStorage.join(', ')}</span>
      )}
    </span>
  );
}

function Budgets({ pod }: { pod: PreviewPod }) {
  if (pod.pdbs.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className="flex flex-col gap-0.5">
      {pod.pdbs.map((b) => (
        <li key={b.name} data-testid={`drain-preview-pdb-${b.name}`}>
          <span className="font-mono">{b.name}</span>{' '}
          {b.disruptionsAllowed > 0 ? (
            <span className="text-zinc-500">allows {b.disruptionsAllowed} now</span>
          ) : (
            <span className="text-amber-800">
              allows none now ({b.currentHealthy} healthy, {b.desiredHealthy} needed): the eviction will be blocked
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Where({ pod }: { pod: PreviewPod }) {
  if (pod.decision.action === 'skip') return <span className="text-zinc-400">—</span>;
  if (pod.candidateCount === 0)
    return (
      <span
        className="text-xs text-red-700"
        title={pod.noFit.map((n) => `${n.node}: ${n.reasons.join('; ')}`).join('\n')}
      >
        no node fits: it will stay Pending
        {pod.noFit[0] && (
          <span className="block text-zinc-500">
            {pod.noFit[0].node}: {pod.noFit[0].reasons.join('; ')}
          </span>
        )}
      </span>
    );
  const more = pod.candidateCount - pod.candidates.length;
  return (
    <span className="font-mono text-xs">
      {pod.candidates.join(', ')}
      {more > 0 && <span className="font-sans text-zinc-500"> and {more} more</span>}
    </span>
  );
}

/** The preview table of the drain dialog: each pod's fate, its budgets, where its replacement could go. */
export function NodeDrainPreview({ preview, consent }: { preview: DrainPreview; consent: DrainConsent }) {
  if (preview.pods.length === 0) return <p className="text-sm text-zinc-500">No pods are bound to this node.</p>;
  return (
    <TableScroll>
      <Table data-testid="drain-preview">
        <THead>
          <tr>
            <TH>Pod</TH>
            <TH>Drain</TH>
            <TH>Disruption budgets</TH>
            <TH title="Nodes whose labels and taints admit the pod (resources not counted)">Could be scheduled on</TH>
          </tr>
        </THead>
        <TBody>
          {preview.pods.map((p) => (
            <TR key={p.uid} data-testid={`drain-preview-${p.namespace}-${p.name}`} data-action={p.decision.action}>
              <TD className="font-mono text-[12.5px]">
                {p.namespace}/{p.name}
                {p.owner && (
                  <span className="block font-sans text-xs text-zinc-500">
                    {p.owner.kind} {p.owner.name}
                  </span>
                )}
              </TD>
              <TD>
                <Fate pod={p} consent={consent} />
              </TD>
              <TD className="text-xs">
                <Budgets pod={p} />
              </TD>
              <TD>
                <Where pod={p} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </TableScroll>
  );
}
