'use client';

import { plainError } from '@/lib/feedback/plain-error';
import { useState, type FormEvent } from 'react';
import { plural } from '@/lib/format';
import type { Taint } from '@/lib/kube-types';
import { TAINT_EFFECTS, taintErrors, type TaintEffect } from '@/lib/label-validation';
import type { AccessAnswer } from '@/lib/queries/access/access-query';
import { ApiError } from '@/lib/queries/api-error';
import { useNodeSnapshotQuery } from '@/lib/queries/nodes/node-snapshot-query';
import { useNodeTaintsMutation } from '@/lib/queries/nodes/node-taints-mutation';
import { addTaint, formatTaint, removeTaint } from '@/lib/taints';
import type { NodeRow } from '@/lib/views';
import { ConfirmDialog } from '../feedback/confirm-dialog';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/select';
import { NodeTaints } from './node-taints';

const plain = (t: Taint) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect });

/**
 * A node's taints with add (key, value, effect) and remove. Each edit writes the whole list as
 * read together with its resourceVersion, so a concurrent change is refused (409), not lost.
 */
export function NodeTaintsEditor({
  node,
  access,
  pods,
}: {
  node: NodeRow;
  access: AccessAnswer | undefined;
  /** How many pods run on the node now (said before a NoExecute taint), when known. */
  pods?: number;
}) {
  // Everything of the row an edit on this page changes: each of those edits moves the resourceVersion.
  const snap = useNodeSnapshotQuery(
    node.name,
    JSON.stringify([node.taints.map(plain), node.unschedulable, node.labels]),
  );
  const m = useNodeTaintsMutation(node.name);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [effect, setEffect] = useState<TaintEffect>('NoSchedule');
  const [confirmEvict, setConfirmEvict] = useState(false);
  const errors = key ? taintErrors({ key, value, effect }) : [];
  const base = snap.data?.resourceVersion ? snap.data : null;
  const allowed = access?.allowed === true;
  const busy = !base || snap.isFetching || m.isPending;
  /**
   * Applies `edit` (add or remove one taint) to the list read with its resourceVersion. If the node
   * changed meanwhile (409), the edit is made once more on a fresh read: it is an operation on the
   * list, so the other change is kept, not overwritten.
   */
  const write = async (edit: (taints: Taint[]) => Taint[]) => {
    const send = (s: NonNullable<typeof base>) =>
      m.mutateAsync({ taints: edit(s.node.taints).map(plain), resourceVersion: s.resourceVersion! });
    if (!base) return;
    try {
      await send(base);
    } catch (e) {
      const fresh = e instanceof ApiError && e.status === 409 ? (await snap.refetch()).data : undefined;
      if (!fresh?.resourceVersion) return;
      m.reset();
      const retried = await send(fresh).then(
        () => true,
        () => false,
      ); // a second failure stays on screen as m.error
      if (!retried) return;
    }
    setKey('');
    setValue('');
  };
  const addNow = () => void write((t) => addTaint(t, { key, value, effect }));
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!key || errors.length > 0) return;
    // NoExecute evicts what runs there now: the one impactful taint, confirmed first.
    if (effect === 'NoExecute') setConfirmEvict(true);
    else addNow();
  };
  const shown = formatTaint({ key, value, effect });

  if (!allowed) {
    return (
      <div className="flex flex-col gap-2">
        <NodeTaints taints={node.taints} testId="node-taints" />
        {access && (
          <p data-testid="node-taints-denied" className="text-xs text-zinc-500">
            Kubernetes does not allow you to change this node{access.reason ? `: ${access.reason}` : ''}.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <ul data-testid="node-taints" className="flex flex-wrap gap-1">
        {node.taints.length === 0 && <li className="text-sm text-zinc-400">No taints</li>}
        {node.taints.map((t) => (
          <li
            key={`${t.key}:${t.effect}`}
            data-testid={`node-taint-${t.key}-${t.effect}`}
            className="flex items-center gap-1 rounded border border-zinc-200 bg-zinc-50 py-px pr-0.5 pl-1.5 font-mono text-[11px]"
          >
            {formatTaint(t)}
            <button
              type="button"
              aria-label={`Remove taint ${formatTaint(t)}`}
              data-testid={`node-taint-remove-${t.key}-${t.effect}`}
              disabled={busy}
              onClick={() => void write((list) => removeTaint(list, t.key, t.effect))}
              className="rounded px-1 text-zinc-500 hover:bg-red-100 hover:text-red-800 disabled:opacity-40"
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="flex flex-wrap items-center gap-2" data-testid="node-taint-form">
        <Input
          aria-label="Taint key"
          data-testid="taint-key"
          placeholder="key"
          value={key}
          invalid={errors.some((x) => x.startsWith('key'))}
          onChange={(e) => setKey(e.target.value.trim())}
          className="w-44 min-w-0 flex-1 font-mono text-[13px]"
        />
        <Input
          aria-label="Taint value"
          data-testid="taint-value"
          placeholder="value"
          value={value}
          invalid={errors.some((x) => x.startsWith('value'))}
          onChange={(e) => setValue(e.target.value.trim())}
          className="w-32 font-mono text-[13px]"
        />
        <Select
          aria-label="Taint effect"
          data-testid="taint-effect"
          value={effect}
          onChange={(e) => setEffect(TAINT_EFFECTS.find((x) => x === e.target.value) ?? 'NoSchedule')}
        >
          {TAINT_EFFECTS.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </Select>
        <Button type="submit" size="md" data-testid="taint-add" disabled={busy || !key || errors.length > 0}>
          Add taint
        </Button>
      </form>
      {errors.length > 0 && (
        <ul role="alert" data-testid="taint-errors" className="list-disc pl-5 text-xs text-red-700">
          {errors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
      {m.error && (
        <p role="alert" data-testid="taint-error" className="text-xs text-red-700">
          {plainError(m.error)}
        </p>
      )}
      <ConfirmDialog
        open={confirmEvict}
        testId="taint-evict-confirm"
        danger
        title={`Add NoExecute taint to node ${node.name}?`}
        confirmLabel="Add taint and evict"
        onConfirm={() => {
          setConfirmEvict(false);
          addNow();
        }}
        onCancel={() => setConfirmEvict(false)}
      >
        <p>
          Kubernetes evicts every pod on {node.name} that does not tolerate <span className="font-mono">{shown}</span>
          {pods === undefined ? '' : ` (${plural(pods, 'pod')} run there now)`}, and places no new ones without a
          toleration. Pods that tolerate it for a limited time leave when that time is up.
        </p>
        <p>NoSchedule would keep the running pods and only stop new ones.</p>
      </ConfirmDialog>
    </div>
  );
}
