/**
 * A help-desk export with many tickets: CSV with a text column, or JSON lines. Each ticket is
 * scanned on its own, so a team can triage a backlog. A malformed row is reported by line and
 * skipped; the other tickets are still read.
 */
export interface Ticket {
  id: string;
  text: string;
  /** 1-based line of the export where the ticket starts. */
  line: number;
}

export interface TicketExport {
  tickets: Ticket[];
  problems: { line: number; message: string }[];
}

// Column names help-desk tools use for the ticket's text and its id (Zendesk, Freshdesk,
// ServiceNow, Jira, osTicket, RT exports).
const TEXT_COLUMNS = ['description', 'body', 'text', 'content', 'comment', 'comments', 'message', 'details', 'short_description', 'summary', 'subject'];
const ID_COLUMNS = ['id', 'ticket', 'ticket_id', 'ticket id', 'number', 'key', 'issue key', 'sys_id'];

export function readCsvExport(csv: string): TicketExport {
  const problems: TicketExport['problems'] = [];
  const rows = parseCsv(csv, problems);
  if (rows.length === 0) return { tickets: [], problems: problems.length ? problems : [{ line: 1, message: 'empty export' }] };
  const header = rows[0]!.cells.map((h) => h.trim().toLowerCase());
  const textCols = TEXT_COLUMNS.map((n) => header.indexOf(n)).filter((i) => i >= 0);
  const idCol = ID_COLUMNS.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  if (textCols.length === 0) {
    return { tickets: [], problems: [{ line: 1, message: `no text column (looked for ${TEXT_COLUMNS.join(', ')}); columns are: ${header.join(', ')}` }] };
  }
  const tickets: Ticket[] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length === 1 && row.cells[0] === '') continue;
    if (row.cells.length !== header.length) {
      problems.push({ line: row.line, message: `${row.cells.length} fields where the header has ${header.length}` });
    }
    const text = textCols.map((i) => row.cells[i] ?? '').filter(Boolean).join('\n\n');
    tickets.push({ id: (idCol >= 0 ? row.cells[idCol] : undefined) || `row ${row.line}`, text, line: row.line });
  }
  return { tickets, problems: problems.sort((a, b) => a.line - b.line) };
}

export function readJsonLinesExport(jsonl: string): TicketExport {
  const tickets: Ticket[] = [];
  const problems: TicketExport['problems'] = [];
  jsonl.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ line, message: `not valid JSON: ${(e as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ line, message: 'not a JSON object' });
      return;
    }
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    const lower = new Map(keys.map((k) => [k.toLowerCase(), k]));
    const textKeys = TEXT_COLUMNS.map((n) => lower.get(n)).filter((k): k is string => k !== undefined);
    const text = (textKeys.length ? textKeys.map((k) => obj[k]) : Object.values(obj))
      .flatMap(stringsOf)
      .join('\n\n');
    const idKey = ID_COLUMNS.map((n) => lower.get(n)).find((k) => k !== undefined);
    const id = idKey !== undefined && (typeof obj[idKey] === 'string' || typeof obj[idKey] === 'number') ? String(obj[idKey]) : `line ${line}`;
    tickets.push({ id, text, line });
  });
  return { tickets, problems };
}

/** Strings inside a value: comment threads are often arrays of objects with a body. */
function stringsOf(v: unknown, depth = 0): string[] {
  if (typeof v === 'string') return [v];
  if (depth > 4 || v === null || typeof v !== 'object') return [];
  return (Array.isArray(v) ? v : Object.values(v)).flatMap((x) => stringsOf(x, depth + 1));
}

/** RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks inside. */
function parseCsv(csv: string, problems: TicketExport['problems']): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  const text = csv.replace(/^\ufeff/, '');
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else if (c === '\r' && text[i + 1] === '\n') {
        // CRLF inside a quoted field is one line break, as outside.
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) problems.push({ line: rowLine, message: 'a quoted field is never closed' });
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
