/**
 * An article about a hotfix (installing one, or a problem one brought) says "the hotfix" in its
 * steps about that hotfix, not about this problem's fix; wording that a fix is available still
 * counts. Articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import { articleHeader, makeArticle } from './fixture';

function parse(q: string, title: string, body: string[]) {
  const text = makeArticle(q, title, [
    ...articleHeader(
      q,
      'Microsoft Systems Management Server',
      'winnt:2.0',
      'Microsoft Systems Management Server version 2.0',
    ),
    ...body,
  ]);
  const r = parseArticle(text, `kbarchive/kb/399/${q}/README.md`);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

describe('a hotfix as the subject', () => {
  it('steps that end "you can continue installing the hotfix" are a workaround, not a hotfix', () => {
    const r = parse('Q399941', 'Gadget Hotfixes Not Installed on Secondary Sites', [
      'SYMPTOMS',
      '========',
      '',
      'When you install a hotfix on a secondary site, the installation stops.',
      '',
      'WORKAROUND',
      '==========',
      '',
      'Set the Full Version registry value. After you follow these steps, you can continue',
      'installing the hotfix.',
    ]);
    expect(r.fixKind).toBe('workaround-only');
    expect(r.fixedIn).toBeNull();
  });
  it('a problem a hotfix brought, with a supported fix available, is a hotfix', () => {
    const r = parse('Q399942', 'Screen Saver Disabled After Applying a Hotfix', [
      'SYMPTOMS',
      '========',
      '',
      'After you apply the hotfix for remote control, the screen saver no longer starts.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'A supported fix is now available from Microsoft, but it is only intended to correct the',
      'problem described in this article.',
    ]);
    expect(r.fixKind).toBe('hotfix');
  });
  it('"the hotfix" in the steps of an article not about hotfixes still counts', () => {
    const r = parse('Q399943', 'Inventory Stops on Secondary Sites', [
      'SYMPTOMS',
      '========',
      '',
      'Inventory stops on secondary sites.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'To resolve this problem, install the hotfix on each secondary site.',
    ]);
    expect(r.fixKind).toBe('hotfix');
  });
  it('a title naming the fix ("Hotfix for ...") is not a hotfix as the subject', () => {
    const r = parse('Q399944', 'Hotfix for Trap in the Gadget Service', [
      'SUMMARY',
      '=======',
      '',
      'The Gadget service may trap on a busy server.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'Microsoft hotfix GD00.043 replaces GADGET.EXE. To get it, contact Microsoft support.',
    ]);
    expect(r.fixKind).toBe('hotfix');
  });
  it('a summary saying "a hotfix is available that resolves this problem" keeps the hotfix', () => {
    const r = parse('Q399945', 'Inventory Stops on Secondary Sites', [
      'SUMMARY',
      '=======',
      '',
      'Inventory stops on secondary sites. A hotfix is available that resolves this problem.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'To resolve this problem, apply the hotfix that is described in this article.',
    ]);
    expect(r.fixKind).toBe('hotfix');
  });
  it('a problem a hotfix brought, fixed by "the updated hotfix Q399947", is a hotfix', () => {
    const r = parse('Q399946', 'Inventory Stops After Applying a Hotfix', [
      'SYMPTOMS',
      '========',
      '',
      'After you apply the Q399940 hotfix, inventory stops.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'To resolve this problem, install the updated hotfix Q399947, which replaces the first one.',
    ]);
    expect(r.fixKind).toBe('hotfix');
  });
  it('"reinstall the hotfix Q399940" in such an article is a step, not a new hotfix', () => {
    const r = parse('Q399948', 'Inventory Stops After Applying a Hotfix', [
      'SYMPTOMS',
      '========',
      '',
      'After you apply the Q399940 hotfix, inventory stops.',
      '',
      'RESOLUTION',
      '==========',
      '',
      'Delete the Gadget registry key, and then reinstall the hotfix Q399940.',
    ]);
    expect(r.fixKind).not.toBe('hotfix');
  });
});
