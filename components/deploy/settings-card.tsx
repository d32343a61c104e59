'use client';

import type { useDeploySettings } from '@/lib/queries/deploy/deploy-settings-query';
import { QueryPending } from '../feedback/query-states';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Skeleton } from '../ui/skeleton';
import { SettingsForm, parseDraft, type SettingsDraft } from './settings-form';

/** The settings form with Preview and Deploy; the page owns the draft and the mutations. */
export function SettingsCard({
  settingsQ,
  draft,
  onChange,
  running,
  previewing,
  starting,
  denied,
  allowed,
  error,
  onPreview,
  onDeploy,
}: {
  settingsQ: ReturnType<typeof useDeploySettings>;
  draft: SettingsDraft | null;
  onChange: (d: SettingsDraft) => void;
  running: boolean;
  previewing: boolean;
  starting: boolean;
  /** Why the user may not deploy (Kubernetes said no), or null. */
  denied: string | null;
  /** The access review has answered. */
  allowed: boolean;
  error: string | null;
  onPreview: () => void;
  onDeploy: () => void;
}) {
  const parsed = draft ? parseDraft(draft) : null;
  const aside = settingsQ.data
    ? settingsQ.data.stored
      ? 'as last deployed'
      : 'the bundle\u2019s defaults (never deployed)'
    : undefined;
  return (
    <Card>
      <CardHeader title="Settings" aside={aside} />
      <CardBody className="flex flex-col gap-4">
        {!draft ? (
          <QueryPending query={settingsQ} what="the deploy settings" skeleton={<Skeleton className="h-40" />} />
        ) : (
          <SettingsForm draft={draft} onChange={onChange} errors={parsed?.errors ?? {}} disabled={running} />
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button data-testid="deploy-preview-button" disabled={!parsed?.settings || previewing} onClick={onPreview}>
            {previewing ? 'Previewing…' : 'Preview'}
          </Button>
          <Button
            variant="primary"
            data-testid="deploy-button"
            disabled={!parsed?.settings || running || starting || Boolean(denied) || !allowed}
            title={denied ?? undefined}
            onClick={onDeploy}
          >
            {running ? 'Deploying…' : 'Deploy'}
          </Button>
          {denied && (
            <span data-testid="deploy-denied" className="text-xs text-zinc-500">
              {denied}
            </span>
          )}
          {error && (
            <span role="alert" data-testid="deploy-error" className="text-xs text-red-700">
              {error}
            </span>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
