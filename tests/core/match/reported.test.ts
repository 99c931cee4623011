/**
 * The words a ticket reports a problem in (match/reported.ts): none of a request or a closed case,
 * none of a clause that says all is well, every other clause's.
 */
import { describe, expect, it } from 'vitest';
import { reportedWords, reportsAt } from '../../../src/core/match/reported';

const words = (text: string) => [...reportedWords(text)];

describe('the words a ticket reports a problem in', () => {
  it("are the words of a ticket's symptom, a negated verb included", () => {
    const w = words(
      'Exchange 5.5: messages are stuck in the IMS outbound queue, waiting delivery, mail is not delivered',
    );
    expect(w).toEqual(expect.arrayContaining(['stuck', 'outbound', 'queue', 'waiting', 'delivered']));
  });

  it('are none of a request: a how-to, training, a write-up, a set-up', () => {
    for (const text of [
      'Please write a how-to for the new hire: how messages move through the IMS outbound queue, what waiting delivery means. No problem at the moment, just training.',
      'Could you document how the outbound queue holds messages waiting delivery?',
      'Request: set up a second outbound queue connector',
      'Please set up the IMS so the outbound queue sends to the smarthost',
    ])
      expect(words(text), text).toEqual([]);
  });

  it('are none of a clause that opens by asking for a piece of work, but keep the fault told before it', () => {
    for (const text of [
      'Please install ProShare 1.8 on the two meeting room PCs so they can share data with the remote office.',
      'Could you order a new wireless keyboard for reception?',
      'Hi, could someone please reset my domain password?',
      'Pls add the second floor printer to my profile',
      'Can you tell me how to merge the address list into the letter?',
    ])
      expect(words(text), text).toEqual([]);
    const w = words('The wireless keyboard stops typing after an hour, please reinstall the receiver driver.');
    expect(w).toEqual(expect.arrayContaining(['wireless', 'keyboard', 'typing', 'hour']));
    expect(w).not.toContain('receiver');
    // An install told as what happened is no ask.
    expect(words('After we install ProShare the remote data window hangs')).toEqual(
      expect.arrayContaining(['install', 'remote', 'data', 'window']),
    );
  });

  it('are none of a closed case', () => {
    expect(
      words(
        'No messages stuck waiting delivery in the IMS outbound queue, queue is empty. Works fine. Closing ticket.',
      ),
    ).toEqual([]);
    expect(words('Outbound queue is empty again, ticket can be closed')).toEqual([]);
  });

  it('leave out a clause that says all is well, keeping the others', () => {
    const w = words(
      'The outbound queue works fine on the hub, but on the branch server the inbound queue holds messages stuck for hours',
    );
    expect(w).toEqual(expect.arrayContaining(['branch', 'inbound', 'stuck']));
    expect(w).not.toContain('hub');
    expect(words('No messages stuck in the outbound queue')).toEqual([]);
    // A dot or colon inside a name ends no clause: the file's name stays whole.
    expect(words('Setup stops, it says dplayx.dll was not found on C:\\Games')).toContain('dplayx.dll');
    expect(words('The spool directory is empty')).toEqual([]);
  });
});

describe('the case numbers a ticket reports a problem with', () => {
  it('are read in the whole sentence: a list split by commas keeps the word that names it', () => {
    expect(words('The Contoso viewer shows error 371, 404 on opening')).toEqual(expect.arrayContaining(['371', '404']));
    expect(words('The Contoso viewer shows 371, 404 records on opening')).not.toContain('404');
    // Not those of a clause that says all is well.
    expect(words('The Contoso 4500 hangs on resume, the Contoso 7200 works fine')).not.toContain('7200');
  });
});

describe('an all-clear that is the condition of the fault', () => {
  it('keeps the fault told with the condition it shows under ("when the queue is empty")', () => {
    for (const text of [
      'The fax status icon shows four faxes waiting to go out when the queue is empty',
      'The fax status icon shows four faxes waiting to go out (even when the queue is empty)',
      'The fax status icon shows four faxes waiting to go out, though the queue is empty',
      'The fax status icon shows four faxes waiting to go out if no errors are logged',
    ])
      expect(words(text), text).toEqual(expect.arrayContaining(['fax', 'icon', 'waiting']));
  });

  it('still reads an all-clear said as such, and an aside that says it, as no report', () => {
    expect(words('The fax queue is empty now')).toEqual([]);
    const w = words('The fax status icon counts wrong (the spooler works fine)');
    expect(w).toEqual(expect.arrayContaining(['fax', 'icon']));
    expect(w).not.toContain('spooler');
  });
});

describe('a ticket read clause by clause, never as a whole', () => {
  const fault =
    'Word 97 master document on the network drive: subdocuments cannot be expanded once the connection drops';
  const faultWords = ['subdocument', 'expanded', 'connection'];

  it('keeps the fault beside a footer, a plea to keep the case open, a fix that did not hold, a remark', () => {
    for (const text of [
      `${fault}.\n\nIf the issue is resolved, please close the ticket.`,
      `Please do not close the ticket yet, it keeps happening. ${fault}.`,
      `The problem was fixed last month by the vendor but it is back: ${fault}.`,
      `The issue was fixed in May and is back now. ${fault}.`,
      `${fault}. Screenshots attached for reference.`,
      `${fault}, in the training room.`,
      `Our new starter uses Word 97 and the master document on the network drive: subdocuments cannot be expanded once the connection drops.`,
    ])
      expect(words(text), text).toEqual(expect.arrayContaining(faultWords));
  });

  it('reads a text as the union of its lines, as the popup reads a page block by block', () => {
    for (const after of ['Resolved.', 'If the issue is resolved, please close the ticket.'])
      expect(words(`${fault}\n${after}`)).toEqual([...new Set([...words(fault), ...words(after)])]);
  });

  it('reads long runs of whitespace in linear time', () => {
    for (const run of ['\n', ' ', ' \n'])
      expect(
        words(`${fault}.${run.repeat(200_000)}Resolved.${run.repeat(200_000)}request:${run.repeat(200_000)} but x`),
      ).toEqual(expect.arrayContaining(faultWords));
  });
});

describe('a note that all is well again', () => {
  it('reports nothing in a clause whose doing went fine, whatever the verb', () => {
    expect(words('The sales workbook refreshes fine now after the data source was changed')).toEqual([]);
    expect(words('Nightly import job completed without errors')).toEqual([]);
    expect(words('The maintenance plan ran successfully last night')).toEqual([]);
    expect(words('Labels print correctly again on the new tray')).toEqual([]);
  });

  it('keeps a clause that says the doing did not go well', () => {
    expect(words('The chart is not displayed correctly after the upgrade')).toEqual(
      expect.arrayContaining(['chart', 'displayed']),
    );
    expect(words('Labels fail to print properly on the new tray')).toEqual(expect.arrayContaining(['label', 'tray']));
  });

  it('reports nothing in a case said to be resolved', () => {
    expect(words('Pivot table on the sales workbook updates fine again.\nResolved.')).toEqual([]);
    // Only the clause that closes it: the fault told beside it stays (the text is read clause by clause).
    expect(words('Mail to the branch was queued for hours; issue is now resolved')).toEqual([
      'mail',
      'branch',
      'queued',
      'hour',
    ]);
    expect(words('Issue is now resolved')).toEqual([]);
    expect(words('The queue stalls every night, resolved by a restart only for an hour')).not.toEqual([]);
  });

  it('are none of an ask in other phrasings: check, turn on, get, set up, "need X to", "is that something we can"', () => {
    for (const text of [
      'Could you check that the Contoso scanner saves to the team share we are setting up?',
      'Can someone get the plotter driver onto the design PCs?',
      'Could you set up the kiosk browser for the lobby screen?',
      'Need the front desk scanner to save straight into the shared folder.',
      'We want the lobby kiosk to lock after ten minutes idle.',
      'Hi - scanner profiles for the whole floor, is that something we can turn on?',
    ])
      expect(words(text), text).toEqual([]);
    // A fault told first, then the ask, stays a report.
    expect(words('The kiosk browser freezes on the second page. Can you check it?')).toEqual(
      expect.arrayContaining(['kiosk', 'freeze']),
    );
  });

  it('are none of a case said to work now or closed with one word', () => {
    expect(words('Contoso Viewer 2.1 works great now, the remote screen opens without a hang. Closing.')).toEqual([]);
    expect(words('Closed.')).toEqual([]);
    expect(words('The remote screen hangs after a minute, closing it does not help.')).toContain('hang');
  });

  it('tell whether a place in the text stands in a clause that reports a fault', () => {
    const text = 'Lotus Notes hangs on open; Contoso Mail on the same PC is fine. Could you check Contoso Chat works?';
    expect(reportsAt(text, text.indexOf('Lotus'))).toBe(true);
    expect(reportsAt(text, text.indexOf('Contoso Mail'))).toBe(false);
    expect(reportsAt(text, text.indexOf('Contoso Chat'))).toBe(false);
  });

  it('are read only in the sentences at given places when asked', () => {
    const text = 'Upgraded the sheet macros last week. Today the plotter prints upside down.';
    const near = [...reportedWords(text, [text.indexOf('macros')])];
    expect(near).toContain('sheet');
    expect(near).not.toContain('plotter');
  });
});
