/** The composed bounces (tests/fixtures/bounces/) and the ways tickets mangle them. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BounceRecipient, Generation, Reason } from '../../../src/core/bounce';

/** The eval passes the repository's own path: bundled, this module's URL is elsewhere. */
export const BOUNCE_DIR = fileURLToPath(new URL('../../fixtures/bounces', import.meta.url));

export interface LabelledBounce {
  generation: Generation;
  reportingMta?: string;
  recipients: BounceRecipient[];
}

export function fixtureNames(dir = BOUNCE_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function fixture(name: string, dir = BOUNCE_DIR): string {
  return readFileSync(join(dir, name), 'utf8');
}

export function labels(dir = BOUNCE_DIR): Record<string, LabelledBounce[]> {
  return JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
}

export interface HeldOut {
  name: string;
  text: string;
  generation: Generation;
  expect: Array<{ address: string; reason: Reason }>;
}

/** Held-out bounces: first line "#expect generation | addr=reason, addr=reason", labelled when written (no comma inside an address). */
export function heldOut(dir = BOUNCE_DIR): HeldOut[] {
  const held = join(dir, 'heldout');
  return readdirSync(held)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(held, name), 'utf8');
      const nl = raw.indexOf('\n');
      const [gen, list] = raw
        .slice(0, nl)
        .replace(/^#expect\s+/, '')
        .split('|')
        .map((s) => s.trim());
      // The reason follows the last "=": X.500 and X.400 recipients hold "=" themselves.
      const expect = list!.split(',').map((p) => {
        const at = p.lastIndexOf('=');
        return { address: p.slice(0, at).trim(), reason: p.slice(at + 1).trim() as Reason };
      });
      return { name, text: raw.slice(nl + 1), generation: gen as Generation, expect };
    });
}

/** Quoted once in a reply ("> " before every line). */
export const quoted = (t: string): string =>
  t
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
/** Quoted twice, the inner quote without a space (">> "). */
export const quotedTwice = (t: string): string =>
  t
    .split('\n')
    .map((l) => `>> ${l}`)
    .join('\n');
/** A help desk that folds the text into one paragraph (RT, Zendesk previews): every line break becomes a space. */
export const folded = (t: string): string => t.replace(/\s*\n\s*/g, ' ');
/** Re-wrapped at `width` columns by a mail client, paragraphs kept. */
export function rewrapped(t: string, width = 60): string {
  return t
    .split(/\n\s*\n/)
    .map((para) => {
      const words = para.replace(/\s+/g, ' ').trim().split(' ');
      const lines: string[] = [];
      let line = '';
      for (const w of words) {
        if (line && line.length + 1 + w.length > width) {
          lines.push(line);
          line = w;
        } else line = line ? `${line} ${w}` : w;
      }
      if (line) lines.push(line);
      return lines.join('\n');
    })
    .join('\n\n');
}
/** Pasted into a ticket between an agent's words and a forwarded header block. */
export function inTicket(t: string): string {
  return [
    'Hi team,',
    '',
    'the customer forwarded the message below; they cannot reach the address. Ticket opened 2026-03-02.',
    '',
    '---------- Forwarded message ---------',
    'From: Mail Delivery System <MAILER-DAEMON@example.net>',
    'Date: Mon, 2 Mar 2026 10:00:00 +0000',
    'Subject: Undelivered Mail Returned to Sender',
    '',
    t,
    '',
    'Thanks, Alex (2nd line)',
  ].join('\n');
}

/** Read from a web page where every line ended in <br> and a source line break: a blank line after each line. */
export const spaced = (t: string): string => t.split('\n').join('\n\n');

export const VARIANTS: Record<string, (t: string) => string> = {
  quoted,
  quotedTwice,
  folded,
  rewrapped: (t) => rewrapped(t),
  inTicket,
  spaced,
};
