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
const TEXT_COLUMNS = [
  'description',
  'body',
  'text',
  'content',
  'comment',
  'comments',
  'message',
  'details',
  'short_description',
  'summary',
  'subject',
];
const ID_COLUMNS = ['id', 'ticket', 'ticket_id', 'ticket id', 'number', 'key', 'issue key', 'sys_id'];

export function readCsvExport(csv: string): TicketExport {
  const problems: TicketExport['problems'] = [];
  const rows = parseCsv(csv, problems);
  if (rows.length === 0)
    return { tickets: [], problems: problems.length ? problems : [{ line: 1, message: 'empty export' }] };
  const header = rows[0]!.cells.map((h) => h.trim().toLowerCase());
  const textCols = TEXT_COLUMNS.map((n) => header.indexOf(n)).filter((i) => i >= 0);
  const idCol = ID_COLUMNS.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  if (textCols.length === 0) {
    return {
      tickets: [],
      problems: [
        {
          line: 1,
          message: `no text column (looked for ${TEXT_COLUMNS.join(', ')}); columns are: ${header.join(', ')}`,
        },
      ],
    };
  }
  const tickets: Ticket[] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length === 1 && row.cells[0] === '') continue;
    if (row.cells.length !== header.length) {
      problems.push({ line: row.line, message: `${row.cells.length} fields where the header has ${header.length}` });
    }
    const text = textCols
      .map((i) => row.cells[i] ?? '')
      .filter(Boolean)
      .join('\n\n');
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
    const text = (textKeys.length ? textKeys.map((k) => obj[k]) : Object.values(obj)).flatMap(stringsOf).join('\n\n');
    const idKey = ID_COLUMNS.map((n) => lower.get(n)).find((k) => k !== undefined);
    const id =
      idKey !== undefined && (typeof obj[idKey] === 'string' || typeof obj[idKey] === 'number')
        ? String(obj[idKey])
        : `line ${line}`;
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

/**
 * RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks inside. A stray quote
 * at the start of a field would otherwise swallow every following row up to the next quote, so
 * a quoted field that runs over line breaks and then goes wrong (never closed, text after its
 * closing quote, or a row with another number of fields than the header) is taken back: that
 * line is read as it stands, reported by its number, and reading goes on at the next line.
 *
 * Written here rather than taken from papaparse or csv-parse: both read the rest of the file
 * into the field after an unclosed quote (or stop there), and this recovery is what the
 * export reader needs.
 */
function parseCsv(csv: string, problems: TicketExport['problems']): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  const text = csv.replace(/^\ufeff/, '');
  let at = 0;
  let line = 1;
  let width = -1; // the header's number of fields, once read
  while (at < text.length) {
    let row = readRow(text, at, false);
    const wrong = row.unclosed || row.badClose || (width >= 0 && row.cells.length !== width);
    if (row.lines > 0 && wrong) {
      row = readRow(text, at, true);
      problems.push({
        line,
        message: 'a stray quote (") opens a field that does not close on this line; the line is read as it stands',
      });
    } else if (row.unclosed) {
      problems.push({ line, message: 'a quoted field is never closed' });
    }
    rows.push({ line, cells: row.cells });
    if (width < 0) width = row.cells.length;
    line += row.lines + 1;
    at = row.end;
  }
  return rows;
}

interface CsvRow {
  cells: string[];
  /** Index just past the row's line break. */
  end: number;
  /** Line breaks inside quoted fields. */
  lines: number;
  unclosed: boolean;
  /** Text between a closing quote and the next separator. */
  badClose: boolean;
}

/** One row from `start`; with `literal`, quotes are plain text and the row ends at the first line break. */
function readRow(text: string, start: number, literal: boolean): CsvRow {
  const cells: string[] = [];
  let cell = '';
  let lines = 0;
  let badClose = false;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (!literal && c === '"' && cell === '') {
      // A quoted field: up to the quote that is not doubled. One slice and one replace, not
      // a string grown a piece at a time (a field of 800,000 quotes spent its time in the GC).
      let j = i + 1;
      let close = -1;
      while (j < n) {
        const q = text.indexOf('"', j);
        if (q === -1) break;
        if (text.charCodeAt(q + 1) === 34) {
          j = q + 2;
          continue;
        }
        close = q;
        break;
      }
      const closed = close !== -1;
      const raw = text.slice(i + 1, closed ? close : n);
      for (let k = raw.indexOf('\n'); k !== -1; k = raw.indexOf('\n', k + 1)) lines++;
      const value = raw.includes('""') ? raw.replaceAll('""', '"') : raw;
      j = closed ? close + 1 : n;
      // CRLF inside a quoted field is one line break, as outside.
      cell = value.replace(/\r\n/g, '\n');
      if (!closed) return { cells: [...cells, cell], end: n, lines, unclosed: true, badClose };
      i = j;
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') badClose = true;
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      const end = c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      cells.push(cell);
      return { cells, end, lines, unclosed: false, badClose };
    } else {
      // Plain text up to the next separator, line break or (outside literal mode) nothing else.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  cells.push(cell);
  return { cells, end: n, lines, unclosed: false, badClose };
}
