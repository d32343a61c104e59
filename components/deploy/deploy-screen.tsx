'use client';

import { useState } from 'react';
import { useAccess } from '@/lib/queries/access/access-query';
import { useDeployRun, useDeploySettings, usePreview, useStartDeploy } from '@/lib/queries/deploy/deploy-queries';
import { useWorkloadsQuery } from '@/lib/queries/workloads/workloads-query';
import { QueryPending } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { ComponentsHealthCard } from '../overview/components-health-card';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Skeleton } from '../ui/skeleton';
import { PreviewList } from './preview-list';
import { RunProgress } from './run-progress';
import { SettingsForm, parseDraft, toDraft, type SettingsDraft } from './settings-form';
import { UndeployCard } from './undeploy-card';

const DEPLOY_RIGHT = { verb: 'patch' as const, group: 'apps', resource: 'deployments', namespace: 'imagepod' };

/**
 * The Deploy page: the stack's live status, the settings, Preview (per-object dry-run diff),
 * Deploy (live progress per stage and object, from the server's run) and Undeploy.
 */
export function DeployScreen() {
  const settingsQ = useDeploySettings();
  const workloadsQ = useWorkloadsQuery();
  const access = useAccess([DEPLOY_RIGHT]);
  const { run } = useDeployRun();
  const preview = usePreview();
  const start = useStartDeploy();
  const [edited, setDraft] = useState<SettingsDraft | null>(null);
  const draft = edited ?? (settingsQ.data ? toDraft(settingsQ.data.settings) : null);
  const [take, setTake] = useState<Set<string>>(new Set());
  const [view, setView] = useState<'run' | 'preview' | null>(null);
  // A run seen going on (whoever started it) stays shown after it ends, until a preview replaces it.
  const [followed, setFollowed] = useState<string | null>(null);
  if (run?.state === 'running' && followed !== run.id) {
    setFollowed(run.id);
    setView('run');
  }
  const showRun = run !== null && (run.state === 'running' || view === 'run');

  const allowed = access.get(DEPLOY_RIGHT);
  const denied = allowed && !allowed.allowed ? `Kubernetes does not allow you to change the stack in namespace imagepod${allowed.reason ? `: ${allowed.reason}` : ''}` : null;
  const running = run?.state === 'running';
  const parsed = draft ? parseDraft(draft) : null;

  const doPreview = () => {
    if (!parsed?.settings) return;
    setView('preview');
    preview.mutate({ settings: parsed.settings, takeOwnership: [...take] });
  };
  const doDeploy = () => {
    if (!parsed?.settings) return;
    start.mutate({ settings: parsed.settings, takeOwnership: [...take] }, { onSuccess: () => setView('run') });
  };

  return (
    <>
      <PageHeader title="Deploy" subtitle="The ImagePod stack (manifests/imagepod): preview, deploy and undeploy with your own Kubernetes rights" />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
        <div className="flex flex-col gap-4 xl:col-span-2">
          <Card>
            <CardHeader title="Settings" aside={settingsQ.data ? (settingsQ.data.stored ? 'as last deployed' : 'the bundle\u2019s defaults (never deployed)') : undefined} />
            <CardBody className="flex flex-col gap-4">
              {!draft ? <QueryPending query={settingsQ} what="the deploy settings" skeleton={<Skeleton className="h-40" />} /> : (
                <SettingsForm draft={draft} onChange={setDraft} errors={parsed?.errors ?? {}} disabled={running} />
              )}
              <div className="flex flex-wrap items-center gap-2">
                <Button data-testid="deploy-preview-button" disabled={!parsed?.settings || preview.isPending} onClick={doPreview}>
                  {preview.isPending ? 'Previewing…' : 'Preview'}
                </Button>
                <Button
                  variant="primary"
                  data-testid="deploy-button"
                  disabled={!parsed?.settings || running || start.isPending || Boolean(denied) || !allowed}
                  title={denied ?? undefined}
                  onClick={doDeploy}
                >
                  {running ? 'Deploying…' : 'Deploy'}
                </Button>
                {denied && <span data-testid="deploy-denied" className="text-xs text-zinc-500">{denied}</span>}
                {(preview.error ?? start.error) && <span role="alert" data-testid="deploy-error" className="text-xs text-red-700">{(preview.error ?? start.error)!.message}</span>}
              </div>
            </CardBody>
          </Card>
          {showRun && run ? (
            <Card><CardHeader title={run.kind === 'deploy' ? 'Deploy progress' : 'Undeploy progress'} /><CardBody><RunProgress run={run} /></CardBody></Card>
          ) : preview.data ? (
            <Card>
              <CardHeader title="Preview" aside="server-side dry run against the live cluster" />
              <CardBody>
                <PreviewList preview={preview.data} takeOwnership={take} onTakeOwnership={(key, on) => setTake((t) => { const n = new Set(t); if (on) n.add(key); else n.delete(key); return n; })} />
              </CardBody>
            </Card>
          ) : run && !showRun ? (
            <Button variant="ghost" size="sm" className="self-start" data-testid="show-last-run" onClick={() => setView('run')}>
              Show the last {run.kind} ({run.state}, {new Date(run.startedAt).toLocaleTimeString()})
            </Button>
          ) : null}
        </div>
        <div className="flex flex-col gap-4">
          <ComponentsHealthCard workloads={workloadsQ.data?.items} query={workloadsQ} />
          <UndeployCard disabled={running || Boolean(denied) || !allowed} disabledReason={denied} />
        </div>
      </div>
    </>
  );
}
