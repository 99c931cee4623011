/**
 * The programs a ticket names by name alone (version/bare-programs.ts), read only to scope a
 * described ticket's search when it names no product otherwise.
 */
import { describe, expect, it } from 'vitest';
import { findBarePrograms, isBareProgram } from '../../../src/core/version/bare-programs';

const names = (text: string) => findBarePrograms(text).map((p) => p.name);

describe('the programs a ticket names alone', () => {
  it('are the era programs written with their capital, anywhere in a sentence, each once', () => {
    expect(names('Outlook keeps asking for the password, and Outlook then hangs')).toEqual(['Outlook']);
    expect(names('The Access report prints blank pages')).toEqual(['Access']);
    expect(names('Exchange client: the signature replaces the body')).toEqual(['Exchange Server']);
    expect(names('since yesterday EXCEL hangs on open and Word too')).toEqual(['Excel', 'Word']);
    expect(names('MS Access report prints blank')).toEqual(['Access']);
    // A name no everyday word is spelled as counts in any case, as a subject line writes it.
    expect(names('outlook keeps asking for the password')).toEqual(['Outlook']);
    expect(names('re: excel hangs on open')).toEqual(['Excel']);
  });

  it('are not the ordinary word, a message or a longer name', () => {
    for (const text of [
      'the word on the floor: access to the share works, exchange the toner',
      'Access is denied when the user opens the share',
      'Explorer shows an Access violation on logon',
      'Remote Access drops the line after a minute',
      'Outlook Express loses the identities',
      'outlook express loses the identities',
      'Outlook Web Access shows a blank page',
      'Dynamic Data Exchange links break on reopen',
      'Key Word search in the help file returns nothing',
      'Access: granted by the manager',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('are told from a mention with a version', () => {
    const [p] = findBarePrograms('Word crashes on save');
    expect(isBareProgram(p!)).toBe(true);
    expect(isBareProgram({ ...p!, version: '97', name: 'Word 97' })).toBe(false);
  });

  it('are not a later program or edition the product tables do not know', () => {
    for (const text of [
      'Outlook 2016 prompts about offline rules',
      'Outlook 365 reminders never pop up',
      'Outlook for Mac prompts about offline rules',
      'Outlook on the web shows a blank page',
      'Outlook Online drops the signature',
      'Outlook.com blocks the attachment',
      'Our Outlook add-in from a CRM vendor prompts at startup',
      'Excel 2019 hangs on open',
    ])
      expect(names(text), text).toEqual([]);
  });

  it('are not an everyday word a capital only opens, nor the lower-case outlook of a forecast', () => {
    for (const text of [
      'Word is that the plotter prints upside down',
      'Access to the share is slow from the branch',
      'Exchange of the files fails over the modem',
      'The outlook is bad: the plotter prints blank pages',
      'the outlook for the rollout is grim, the plotter prints blank pages',
    ])
      expect(names(text), text).toEqual([]);
    expect(names('Word crashes when the document is saved')).toEqual(['Word']);
    expect(names('In Access the results dialog box stays open')).toEqual(['Access']);
    expect(names('outlook hangs when the calendar opens')).toEqual(['Outlook']);
  });

  it('are not a program the ticket says is not what fails', () => {
    for (const text of [
      'Not an Outlook issue: the CRM filter fires on one condition',
      'we moved off Outlook last year',
      'Sent from Outlook',
      'We use Eudora instead of Outlook',
      'the viewer is slower than Excel',
    ])
      expect(names(text), text).toEqual([]);
    expect(names('Printing from the Exchange client gives a blank page')).toEqual(['Exchange Server']);
  });

  it('are the Office programs of the family table, but the suite, Project and Publisher', () => {
    expect(names('Project hangs; Publisher crashes; Office setup fails')).toEqual([]);
    expect(names('PowerPoint hangs, FrontPage crashes, Visio too')).toEqual(['PowerPoint', 'FrontPage', 'Visio']);
  });
});
