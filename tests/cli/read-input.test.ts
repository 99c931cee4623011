import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/read-input';

async function file(name: string, text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'kblens-input-')), name);
  await writeFile(path, text);
  return path;
}

describe('readInput', () => {
  it('a ticket that starts with a pasted Outlook header block is text, read as is (offsets point into it)', async () => {
    const text =
      'From: System Administrator\nSent: Wednesday, February 04, 1998 10:12 AM\nTo: Purchasing\nSubject: Undeliverable: PO 88213\n\nYour message did not reach some or all of the intended recipients.\n';
    const input = await readInput(await file('ticket.txt', text));
    expect(input).toMatchObject({ kind: 'text', text });
  });

  it('a message a mail system wrote (structural headers) is read as mail: the decoded body', async () => {
    const raw =
      'Received: from mx.example.org\nFrom: a@example.org\nSubject: Test\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 Q227142\n';
    const input = await readInput(await file('message.txt', raw));
    expect(input.kind).toBe('text');
    expect(input.kind === 'text' && input.text.trimEnd()).toBe('Subject: Test\n\nCafé Q227142');
  });
});
