/**
 * Synthetic help-desk tickets for the scan and page benchmarks, built from the index's own facts:
 * the error and NDR strings the records quote (placeholders filled with realistic values) and real
 * Q-numbers cited in several forms, mixed with invented prose and mail headers, re-wrapped at
 * ~76 columns the way mail clients and ticket exports wrap them. Deterministic for a given seed.
 * No article text is used except the quoted messages, which are the strings products print.
 */
import type { ArticleRecord } from '../src/core/article/types';
import { rng } from './stats';

export interface PastedError {
  text: string;
  placeholders: readonly string[];
}

export interface TicketSource {
  errors: PastedError[];
  /** Q-numbers of real articles, digits only. */
  qs: string[];
}

export function ticketSource(records: readonly ArticleRecord[]): TicketSource {
  const errors: PastedError[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const e of r.errors) {
      const key = e.text.toLowerCase().replace(/\s+/g, ' ');
      if (key.length < 10 || seen.has(key)) continue;
      seen.add(key);
      errors.push({ text: e.text, placeholders: e.placeholders });
    }
  }
  return { errors, qs: records.map((r) => r.q.replace(/^Q/, '')) };
}

export interface Comment {
  author: string;
  email: string;
  date: string;
  subject: string;
  /** Prose paragraphs, unwrapped. */
  paragraphs: string[];
  /** A pasted message (error or whole NDR), as lines, or null. */
  pasted: string[] | null;
  /** How the pasted lines are quoted in plain text: "> " or indent. */
  quote: string;
}

export interface TicketStats {
  comments: number;
  pastedErrors: number;
  ndrBlocks: number;
  kbRefs: number;
}

export interface Ticket {
  comments: Comment[];
  stats: TicketStats;
}

const PEOPLE = [
  ['Dana Whitfield', 'dana.whitfield'],
  ['Priya Raman', 'priya.raman'],
  ['Bob Smith', 'bob.smith'],
  ['Jürgen Müller', 'juergen.mueller'],
  ['Ana Souza', 'ana.souza'],
  ['Kenji Watanabe', 'kenji.watanabe'],
  ['Fatima Haddad', 'fatima.haddad'],
  ["Chris O'Neill", 'chris.oneill'],
  ['Lena Nowak', 'lena.nowak'],
  ['IT Ops', 'itops'],
  ['Help Desk', 'helpdesk'],
  ['Sam Okafor', 'sam.okafor'],
] as const;
const SERVERS = ['EXCH01', 'EXCH02', 'MAILGW', 'SQLPROD3', 'FS-LONDON', 'DC01', 'WEB04', 'CCMAILPO'];
const PRODUCTS = [
  'Exchange Server 5.5',
  'Exchange Server 5.5 SP2',
  'Windows NT Server 4.0 SP4',
  'Outlook 98',
  'Outlook 2000',
  'SQL Server 7.0',
  'IIS 4.0',
  'Windows 2000 Server',
  'Office 2000 SR-1',
  'Visual Basic 6.0',
  'Windows 98',
];
const SUBJECTS = [
  'cc:Mail users do not get attachments',
  'Mail stuck in the MTA queue',
  'Cannot open the public folders',
  'Setup fails on the second node',
  'Printing from the terminal server is slow',
  'Users get a bounce from the gateway',
  'Application crashes on start',
  'Backup job fails every night',
  'Cannot connect to the database',
  'Web site returns an error',
];
const PROSE = [
  'Thanks for the update, I will check with the {team} and get back to you.',
  'We restarted the {service} service on {server} overnight and the queue drained for a while.',
  'No change after the reboot; users on the {floor} floor are still affected.',
  'The customer confirms the issue started after the weekend maintenance window.',
  'Running {product} on {server}, all patches from last month are installed.',
  'I have attached the log from {server} covering the time of the failure.',
  'Could you send us the exact text of the message, including any numbers?',
  'It only happens for about {n} of the {m} mailboxes on that server.',
  'We moved the affected users to {server} as a workaround and that seems to hold for now.',
  'Escalating to the {team}; please keep the ticket open until they confirm.',
  'The problem came back at {time} this morning, same symptoms as before.',
  'Disk space on {server} is fine, {n} GB free on the data drive.',
  'Nothing unusual in the event log apart from the entries below.',
  'I tried again from a clean profile and got the same result.',
  'The vendor says their side is working and points at our configuration.',
  'Please do not close this ticket, the customer is still waiting for a fix.',
  'We are on {product}; upgrading is planned for next quarter but not before.',
  'Following up on the call: the network team saw no drops between the sites.',
];
const TEAMS = ['mail team', 'network team', 'database team', 'desktop team', 'vendor'];
const SERVICES = ['connector', 'Information Store', 'MTA', 'IIS Admin', 'Spooler', 'SQL Server'];

/** A realistic value for a placeholder, judged by what the placeholder says it stands for. */
export function fillPlaceholder(ph: string, random: () => number): string {
  const p = ph.toLowerCase();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  if (/^%\d+$|^%s$|^%d$/.test(p))
    return pick(['EXCH01', '1067', 'jsmith', 'C:\\exchsrvr\\bin', '0x80004005', 'MSExchangeIS']);
  if (/^[x#n]+$/.test(p)) {
    const hex = /^x+$/.test(p);
    let s = '';
    for (let i = 0; i < ph.length; i++)
      s += hex ? '0123456789ABCDEF'[Math.floor(random() * 16)] : String(Math.floor(random() * 10));
    return s;
  }
  if (/file ?name|filename/.test(p)) return pick(['store.exe', 'MSEXCIMC.EXE', 'report.doc', 'priv.edb', 'setup.log']);
  if (/path|director|folder/.test(p))
    return pick(['C:\\exchsrvr\\mdbdata', 'D:\\Program Files\\App', '\\\\FS-LONDON\\share\\data']);
  if (/drive/.test(p)) return pick(['C', 'D', 'E']);
  if (/server|computer|machine/.test(p)) return pick(SERVERS);
  if (/user|mailbox|recipient|name/.test(p)) return pick(['jsmith', 'Bob Smith', 'priya.raman', 'Administrator']);
  if (/address/.test(p)) return pick(['0x77f1a0b3', 'bob.smith@contoso.com', '10.0.0.12']);
  if (/domain|site/.test(p)) return pick(['CONTOSO', 'contoso.com', 'London']);
  if (/date/.test(p)) return pick(['9/14/1999', '1/3/2000']);
  if (/time/.test(p)) return pick(['10:42 AM', '23:05:11']);
  if (/number|error|code|value|int|^<n>$/.test(p)) return String(Math.floor(random() * 65536));
  return pick(['VALUE1', 'Default', 'Main', 'ACME']);
}

/** The message with every placeholder replaced, in order. */
export function fillMessage(e: PastedError, random: () => number): string {
  let text = e.text;
  let from = 0;
  for (const ph of e.placeholders) {
    const at = text.indexOf(ph, from);
    if (at < 0) continue;
    const value = fillPlaceholder(ph, random);
    text = text.slice(0, at) + value + text.slice(at + ph.length);
    from = at + value.length;
  }
  return text;
}

/** Greedy word wrap at `width` columns (a word longer than the width stays whole). */
export function wrap(text: string, width = 76): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function kbRef(q: string, random: () => number): string {
  const forms = [
    `Q${q}`,
    `KB${q}`,
    `KB ${q}`,
    `kb ${q}`,
    `support.microsoft.com/kb/${q}`,
    `http://support.microsoft.com/default.aspx?scid=kb;en-us;Q${q}`,
    `article Q${q}`,
  ];
  return forms[Math.floor(random() * forms.length)]!;
}

/** A ticket thread of at least `chars` characters of plain text (see ticketText). */
export function makeTicket(source: TicketSource, chars: number, seed: number): Ticket {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const stats: TicketStats = { comments: 0, pastedErrors: 0, ndrBlocks: 0, kbRefs: 0 };
  const comments: Comment[] = [];
  const subject = pick(SUBJECTS);
  const ticketNo = 40000 + Math.floor(random() * 9999);
  let size = 0;
  let minute = 0;
  while (size < chars) {
    const [author, email] = pick(PEOPLE);
    minute += 1 + Math.floor(random() * 30);
    const day = 14 + Math.floor(minute / 1440);
    const date = `September ${day}, 1999 ${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const paragraphs: string[] = [];
    const nPara = 1 + Math.floor(random() * 3);
    for (let i = 0; i < nPara; i++) {
      const sentences: string[] = [];
      const nSent = 2 + Math.floor(random() * 4);
      for (let j = 0; j < nSent; j++) {
        sentences.push(
          pick(PROSE).replace(/\{(\w+)\}/g, (_, k: string) =>
            k === 'team'
              ? pick(TEAMS)
              : k === 'service'
                ? pick(SERVICES)
                : k === 'server'
                  ? pick(SERVERS)
                  : k === 'product'
                    ? pick(PRODUCTS)
                    : k === 'floor'
                      ? pick(['second', 'third', 'fifth'])
                      : k === 'time'
                        ? `${1 + Math.floor(random() * 11)}:${String(Math.floor(random() * 60)).padStart(2, '0')}`
                        : String(2 + Math.floor(random() * 200)),
          ),
        );
      }
      paragraphs.push(sentences.join(' '));
    }
    if (random() < 0.2) {
      const ref = kbRef(pick(source.qs), random);
      const at = Math.floor(random() * paragraphs.length);
      paragraphs[at] +=
        ` ${pick(['This looks like', 'Per', 'See also', 'The fix is described in', 'Maybe related:'])} ${ref}.`;
      stats.kbRefs++;
    }
    let pasted: string[] | null = null;
    if (random() < 0.5 && source.errors.length) {
      const message = fillMessage(pick(source.errors), random);
      stats.pastedErrors++;
      if (random() < 0.3) {
        stats.ndrBlocks++;
        pasted = [
          'Your message did not reach some or all of the intended recipients.',
          '',
          `      Subject:  RE: [#${ticketNo}] ${subject}`,
          `      Sent:     ${date}`,
          '',
          'The following recipient(s) could not be reached:',
          '',
          `      ${author} on ${date}`,
          ...wrap(message, 64).map((l) => `            ${l}`),
          `            <${pick(SERVERS).toLowerCase()}.contoso.com #5.0.0>`,
        ];
      } else {
        pasted = wrap(message, 72);
      }
    }
    const comment: Comment = {
      author,
      email: `${email}@contoso.com`,
      date,
      subject: `RE: [#${ticketNo}] ${subject}`,
      paragraphs,
      pasted,
      quote: random() < 0.5 ? '> ' : '    ',
    };
    comments.push(comment);
    stats.comments++;
    size += commentText(comment).length + 1;
  }
  return { comments, stats };
}

export function commentText(c: Comment): string {
  const lines = [
    `From: ${c.author} <${c.email}>`,
    `Sent: ${c.date}`,
    'To: Help Desk <helpdesk@contoso.com>',
    `Subject: ${c.subject}`,
    '',
  ];
  for (const p of c.paragraphs) lines.push(...wrap(p), '');
  if (c.pasted) lines.push(...c.pasted.map((l) => (l ? c.quote + l : c.quote.trimEnd())), '');
  return lines.join('\n');
}

export function ticketText(t: Ticket): string {
  return t.comments.map(commentText).join('\n');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One comment as help-desk markup: header, <p> paragraphs, the paste in a <pre> or a <blockquote> with <br>s. */
export function commentHtml(c: Comment, id: number): string {
  const paras = c.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('');
  const pasted = !c.pasted
    ? ''
    : c.quote === '> '
      ? `<pre class="zd-pre">${esc(c.pasted.join('\n'))}</pre>`
      : `<blockquote class="zd-quote">${c.pasted.map((l) => esc(l.trim())).join('<br>')}</blockquote>`;
  return (
    `<article class="zd-comment" data-comment-id="${id}"><header class="zd-comment-header"><span class="zd-author">${esc(c.author)}</span> <time>${esc(c.date)}</time></header>` +
    `<div class="zd-comment-body">${paras}${pasted}</div></article>\n`
  );
}

/** A whole ticket page; `extraHead` goes into <head> (the bench's own scripts). */
export function ticketHtml(t: Ticket, title: string, extraHead = ''): string {
  const body = t.comments.map((c, i) => commentHtml(c, 1000 + i)).join('');
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>${extraHead}</head>\n` +
    `<body><main class="zd-ticket"><h1>${esc(title)}</h1><section id="conversation">\n${body}</section></main></body></html>\n`
  );
}

/** A ticket page of about `bytes` bytes of HTML (within a few per cent). */
export function ticketPage(
  source: TicketSource,
  bytes: number,
  seed: number,
  title: string,
  extraHead = '',
): { html: string; stats: TicketStats } {
  // Markup changes the size by a roughly constant factor: generate once, then once more corrected.
  let t = makeTicket(source, Math.round(bytes * 0.85), seed);
  let html = ticketHtml(t, title, extraHead);
  const ratio = Buffer.byteLength(html) / (bytes * 0.85);
  t = makeTicket(source, Math.round(bytes / ratio), seed);
  html = ticketHtml(t, title, extraHead);
  return { html, stats: t.stats };
}
