import type { NodeRow } from '@/lib/views';
import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { Age } from '../time/time-text';

/** Node: Ready=True is good; for the pressure conditions, False is good. Pod: True is good but for DisruptionTarget. */
function conditionTone(what: 'node' | 'pod', type: string, status: string): 'ok' | 'bad' | 'warn' {
  if (status === 'Unknown') return 'warn';
  const positive = what === 'pod' ? type !== 'DisruptionTarget' : type === 'Ready';
  const good = positive ? status === 'True' : status === 'False';
  return good ? 'ok' : 'bad';
}

/** An object's conditions as `kubectl describe` lists them (a node's, or a pod's with `what="pod"`). */
export function NodeConditions({
  conditions,
  now,
  what = 'node',
  testId = 'node-conditions',
}: {
  conditions: NodeRow['conditions'];
  now: number;
  what?: 'node' | 'pod';
  testId?: string;
}) {
  return (
    <Card data-testid={testId}>
      <CardHeader title="Conditions" />
      {conditions.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500">The {what} reports no conditions.</p>
      ) : (
        <Table>
          <THead>
            <tr>
              <TH>Type</TH>
              <TH>Status</TH>
              <TH>Reason</TH>
              <TH>Message</TH>
              <TH className="text-right">Since</TH>
            </tr>
          </THead>
          <TBody>
            {conditions.map((c) => (
              <TR key={c.type} data-testid={`${what}-condition-${c.type}`}>
                <TD className="font-medium">{c.type}</TD>
                <TD>
                  <Badge tone={conditionTone(what, c.type, c.status)}>{c.status}</Badge>
                </TD>
                <TD className="text-zinc-600">{c.reason ?? '—'}</TD>
                <TD className="text-zinc-600">{c.message ?? '—'}</TD>
                <TD className="text-right whitespace-nowrap text-zinc-500 tabular-nums">
                  <Age at={c.lastTransitionTime} now={now} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
