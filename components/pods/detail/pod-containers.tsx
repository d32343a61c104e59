import type { ContainerDetail, ContainerState } from '@/lib/pod-detail';
import type { Tone } from '@/lib/status-tone';
import { Badge } from '../../ui/badge';
import { Card, CardHeader } from '../../ui/card';
import { cn } from '../../ui/cn';
import { Age } from '../../time/time-text';

/** `Waiting: CrashLoopBackOff`, `Terminated: Error (exit 137, signal 9)`, `Running`. */
export function stateText(s: ContainerState): string {
  const head = s.state === 'unknown' ? 'Not started' : s.state[0]!.toUpperCase() + s.state.slice(1);
  const exit = [
    s.exitCode !== null ? `exit ${s.exitCode}` : null,
    s.signal !== null && s.signal !== 0 ? `signal ${s.signal}` : null,
  ].filter(Boolean);
  return `${head}${s.reason ? `: ${s.reason}` : ''}${exit.length ? ` (${exit.join(', ')})` : ''}`;
}

function stateTone(c: ContainerDetail): Tone {
  if (c.state.state === 'running') return c.ready || c.role === 'init' ? 'ok' : 'warn';
  if (c.state.state === 'terminated') return c.state.exitCode === 0 ? 'neutral' : 'bad';
  if (c.state.state === 'waiting') return c.state.reason && /BackOff|Err|Invalid/.test(c.state.reason) ? 'bad' : 'warn';
  return 'neutral';
}

const ROLE_LABEL: Record<ContainerDetail['role'], string> = { container: '', init: 'init', sidecar: 'sidecar' };

function Resources({ label, list, gpu }: { label: string; list: Record<string, string>; gpu: string[] }) {
  const entries = Object.entries(list);
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-[12.5px] text-zinc-800">
        {entries.length === 0
          ? '—'
          : entries.map(([k, v]) => (
              <span
                key={k}
                className={cn('mr-2 inline-block font-mono', gpu.includes(k) && 'font-semibold text-indigo-800')}
              >
                {k}={v}
              </span>
            ))}
      </dd>
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-[12.5px] break-words text-zinc-800">{children}</dd>
    </div>
  );
}

/** One container: image, state with reason and exit code, restarts, last termination, resources, ports, probes, mounts. */
function ContainerCard({ c, now }: { c: ContainerDetail; now: number }) {
  const tid = `pod-container-${c.name}`;
  return (
    <Card data-testid={tid}>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            <span className="font-mono">{c.name}</span>
            {ROLE_LABEL[c.role] && <Badge tone="info">{ROLE_LABEL[c.role]}</Badge>}
            <Badge tone={stateTone(c)} data-testid={`${tid}-state`} title={c.state.message ?? undefined}>
              {stateText(c.state)}
            </Badge>
          </span>
        }
        aside={
          <span className={cn('tabular-nums', c.restarts > 0 && 'text-amber-700')} data-testid={`${tid}-restarts`}>
            {c.restarts} restart{c.restarts === 1 ? '' : 's'}
          </span>
        }
      />
      <dl className="grid gap-3 px-4 py-3 md:grid-cols-2">
        <Row label="Image">
          <span className="font-mono" title={c.imageID ?? undefined}>
            {c.image || '—'}
          </span>
        </Row>
        <Row label={c.state.state === 'terminated' ? 'Finished' : 'Started'}>
          {c.state.at ? <Age at={c.state.at} now={now} suffix=" ago" /> : '—'}
          {c.state.message && <span className="block text-zinc-600">{c.state.message}</span>}
        </Row>
        {c.command.length > 0 && (
          <Row label="Command">
            <span className="font-mono">{c.command.join(' ')}</span>
          </Row>
        )}
        <Row label="Last termination">
          <span data-testid={`${tid}-last`}>
            {c.lastTermination ? (
              <>
                {stateText(c.lastTermination)}
                {c.lastTermination.at && (
                  <>
                    {' · '}
                    <Age at={c.lastTermination.at} now={now} suffix=" ago" />
                  </>
                )}
                {c.lastTermination.message && <span className="block text-zinc-600">{c.lastTermination.message}</span>}
              </>
            ) : (
              '—'
            )}
          </span>
        </Row>
        <Resources label="Requests" list={c.requests} gpu={c.gpuResources} />
        <Resources label="Limits" list={c.limits} gpu={c.gpuResources} />
        {c.claims.length > 0 && (
          <Row label="DRA claims">
            <span className="font-mono">{c.claims.join(', ')}</span>
          </Row>
        )}
        <Row label="Ports">
          {c.ports.length === 0
            ? '—'
            : c.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.containerPort}/${p.protocol}`).join(', ')}
        </Row>
        <Row label="Probes">
          {c.probes.length === 0 ? (
            '—'
          ) : (
            <ul>
              {c.probes.map((p) => (
                <li key={p.kind}>
                  <span className="font-medium">{p.kind}</span> <span className="font-mono">{p.action}</span>{' '}
                  <span className="text-zinc-500">({p.timing})</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Mounts">
          {c.mounts.length === 0
            ? '—'
            : c.mounts.map((m) => (
                <span key={`${m.name}${m.mountPath}`} className="mr-2 inline-block font-mono">
                  {m.mountPath} ← {m.name}
                  {m.readOnly ? ' (ro)' : ''}
                </span>
              ))}
        </Row>
      </dl>
    </Card>
  );
}

/** The pod's init, sidecar and regular containers, in the order they start. */
export function PodContainers({ containers, now }: { containers: ContainerDetail[]; now: number }) {
  return (
    <section data-testid="pod-containers" className="flex flex-col gap-3">
      <h2 className="text-sm font-semibold text-zinc-900">Containers ({containers.length})</h2>
      {containers.map((c) => (
        <ContainerCard key={`${c.role}/${c.name}`} c={c} now={now} />
      ))}
    </section>
  );
}
