'use client';

import { plainError } from '@/lib/feedback/plain-error';
import { useState } from 'react';
import { useUndeploy } from '@/lib/queries/deploy/undeploy-mutation';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Input } from '../ui/select';

/**
 * Removing the stack, behind a typed confirmation. The namespace and settings always stay;
 * volumes (the data) and secrets (the passwords) only go when their box is ticked.
 */
export function UndeployCard({ disabled, disabledReason }: { disabled: boolean; disabledReason: string | null }) {
  const [confirm, setConfirm] = useState('');
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const [removeSecrets, setRemoveSecrets] = useState(false);
  const undeploy = useUndeploy();
  return (
    <Card data-testid="undeploy-card">
      <CardHeader title="Undeploy" />
      <CardBody className="flex flex-col gap-2 text-sm">
        <p className="text-zinc-600">
          Deletes the stack in reverse order. The <code>imagepod</code> namespace, the deploy settings and the audit
          trail stay.
        </p>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            data-testid="undeploy-volumes"
            checked={removeVolumes}
            onChange={(e) => setRemoveVolumes(e.target.checked)}
          />
          also delete the volumes (PostgreSQL data, Prometheus series)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            data-testid="undeploy-secrets"
            checked={removeSecrets}
            onChange={(e) => setRemoveSecrets(e.target.checked)}
          />
          also delete the secrets (a new deploy makes new passwords)
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-zinc-700">
            Type <code className="font-semibold">imagepod</code> to confirm
          </span>
          <Input
            data-testid="undeploy-confirm"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="off"
          />
        </label>
        <Button
          variant="secondary"
          data-testid="undeploy"
          className="self-start border-red-300 text-red-700 hover:bg-red-50"
          disabled={disabled || confirm !== 'imagepod' || undeploy.isPending}
          title={disabledReason ?? undefined}
          onClick={() =>
            undeploy.mutate({ confirm, removeVolumes, removeSecrets }, { onSuccess: () => setConfirm('') })
          }
        >
          {undeploy.isPending ? 'Starting…' : 'Undeploy'}
        </Button>
        {undeploy.error && (
          <p role="alert" className="text-xs text-red-700">
            {plainError(undeploy.error)}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
