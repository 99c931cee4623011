import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { htmlToText, looksLikeHtml } from '../core/inputs/html-text';
import { readMail } from '../core/inputs/mime';
import { readCsvExport, readJsonLinesExport, type Ticket } from '../core/inputs/ticket-export';

/** What one input on the command line holds: one text, or a ticket export of many. */
export type ScanInput =
  | { kind: 'text'; name: string; text: string; problems: string[] }
  | { kind: 'export'; name: string; tickets: Ticket[]; problems: string[] };

export async function readInput(path: string): Promise<ScanInput> {
  const name = path === '-' ? '<stdin>' : path;
  const raw = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') {
    const e = readCsvExport(raw);
    return {
      kind: 'export',
      name,
      tickets: e.tickets,
      problems: e.problems.map((p) => `line ${p.line}: ${p.message}`),
    };
  }
  if (ext === '.jsonl' || ext === '.ndjson') {
    const e = readJsonLinesExport(raw);
    return {
      kind: 'export',
      name,
      tickets: e.tickets,
      problems: e.problems.map((p) => `line ${p.line}: ${p.message}`),
    };
  }
  if (ext === '.eml' || (ext !== '.html' && ext !== '.htm' && looksLikeMail(raw))) {
    const mail = readMail(raw);
    return {
      kind: 'text',
      name,
      text: mail.subject ? `Subject: ${mail.subject}\n\n${mail.text}` : mail.text,
      problems: mail.problems,
    };
  }
  if (ext === '.html' || ext === '.htm' || looksLikeHtml(raw))
    return { kind: 'text', name, text: htmlToText(raw), problems: [] };
  return { kind: 'text', name, text: raw, problems: [] };
}

/**
 * A message on stdin starts with RFC 822 headers, among them one only a mail system writes
 * (Received, Message-ID, MIME-Version...). A ticket that starts with a pasted Outlook block
 * ("From: / Sent: / To: / Subject:") is text: read as mail, its offsets would not point into it.
 */
function looksLikeMail(text: string): boolean {
  const head = text.slice(0, 4096).split(/\r?\n\r?\n/, 1)[0] ?? '';
  return (
    /^[\w-]{2,40}:/.test(head) &&
    /^(received|return-path|message-id|mime-version|content-type|content-transfer-encoding|dkim-signature|delivered-to):/im.test(
      head,
    )
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
