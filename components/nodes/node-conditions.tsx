import { formatAge } from '@/lib/format';
import type { NodeRow } from '@/lib/views';
import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

/** Ready=True is good; for the pressure conditions, False is good. */
function conditionTone(type: string, status: string): 'ok' | 'bad' | 'warn' {
  if (status === 'Unknown') return 'warn';
  const good = type === 'Ready' ? status === 'True' : status === 'False';
  return good ? 'ok' : 'bad';
}

/** The node's conditions as `kubectl describe node` lists them. */
export function NodeConditions({ conditions, now }: { conditions: NodeRow['conditions']; now: number }) {
  return (
    <Card data-testid="node-conditions">
      <CardHeader title="Conditions" />
      {conditions.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500">The node reports no conditions.</p>
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
              <TR key={c.type} data-testid={`node-condition-${c.type}`}>
                <TD className="font-medium">{c.type}</TD>
                <TD>
                  <Badge tone={conditionTone(c.type, c.status)}>{c.status}</Badge>
                </TD>
                <TD className="text-zinc-600">{c.reason ?? '—'}</TD>
                <TD className="text-zinc-600">{c.message ?? '—'}</TD>
                <TD className="text-right whitespace-nowrap text-zinc-500 tabular-nums">
                  {formatAge(c.lastTransitionTime, now)}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
