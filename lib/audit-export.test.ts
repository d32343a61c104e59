import { describe, expect, it } from 'vitest';
import type { AuditRow } from './audit';
import { auditCsv, auditExportName, auditJson, csvCell } from './audit-export';

const row: AuditRow = {
  key: 'audit/imagepod-audit-1',
  time: '2026-12-02T06:00:00.000000Z',
  action: 'label',
  user: '=HYPERLINK("http://x","y")',
  groups: ['system:authenticated'],
  target: { kind: 'Node', name: 'gpu-node-1' },
  result: 'success',
  message: 'set label "a", b\nsecond line',
  details: { set: { '+cmd': '@SUM(1)' } },
  client: 'proxy:203.0.113.7',
  verified: true,
};

/** Splits one CSV document into rows of cells (RFC 4180 quoting), to read back what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rows[rows.length - 1]!.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows[rows.length - 1]!.push(cell);
      cell = '';
      rows.push([]);
      i++;
    } else cell += c;
  }
  rows.pop();
  return rows;
}

describe('csvCell', () => {
  it('defuses every cell a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(s).replace(/^"/, ''), s).toMatch(/^'/);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a=1')).toBe('a=1');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=a,"b"')).toBe(`"'=a,""b"""`);
  });
});

describe('auditCsv', () => {
  it('writes a header and one line per record that read back to the fields, no cell a formula', () => {
    const rows = parseCsv(auditCsv([row, { ...row, key: 'k2', user: 'alice', client: undefined, details: undefined }]));
    expect(rows[0]).toEqual(['time', 'user', 'action', 'target', 'result', 'client', 'verified', 'message', 'details']);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      '2026-12-02 06:00:00 UTC',
      `'${row.user}`,
      'label',
      'Node/gpu-node-1',
      'success',
      '203.0.113.7',
      'true',
      row.message,
      '{"set":{"+cmd":"@SUM(1)"}}',
    ]);
    expect(rows[2]![1]).toBe('alice');
    expect(rows[2]![5]).toBe('');
    for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("writes times in the viewer's zone when given one, with its offset", () => {
    const rows = parseCsv(auditCsv([row], 'Asia/Kolkata'));
    expect(rows[1]![0]).toBe('2026-12-02 11:30:00 +05:30');
  });
});

describe('auditJson', () => {
  it('writes the time in the zone given and the raw time beside it', () => {
    const [out] = JSON.parse(auditJson([row], 'Asia/Kolkata')) as Record<string, unknown>[];
    expect(out).toMatchObject({ time: '2026-12-02 11:30:00 +05:30', timeRaw: row.time });
  });

  it('keeps the values as they are (JSON is not run by spreadsheets) with the raw client', () => {
    const [out] = JSON.parse(auditJson([row])) as Record<string, unknown>[];
    expect(out).toMatchObject({
      user: row.user,
      client: '203.0.113.7',
      clientRaw: 'proxy:203.0.113.7',
      details: row.details,
      groups: row.groups,
    });
  });
});

describe('auditExportName', () => {
  it('names the file after the time, without characters file systems refuse', () => {
    expect(auditExportName('csv', new Date('2026-12-02T06:12:34Z'))).toBe('imagepod-audit-2026-12-02T0612Z.csv');
  });
});
