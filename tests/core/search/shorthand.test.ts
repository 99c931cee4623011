/**
 * An agent's shorthand and paraphrase (synonyms.ts ABBREVIATIONS and SYNONYM_GROUPS): the word
 * typed finds the article that spells it out or says it another way. Each case has a twin with
 * the same other words and a shorter title without the article's word, which ranks first unless the
 * table counts the agent's word as the article's.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { record } from '../../fixtures/search/records';

const ix = loadSearchIndex(
  JSON.parse(
    JSON.stringify(
      buildSearchIndex([
        record({ q: 'Q910001', title: 'Stops Responding When Printing to a Shared Plotter' }),
        record({ q: 'Q910002', title: 'Application Stops Responding When Printing to a Shared Plotter' }),
        record({ q: 'Q910003', title: 'Linked Tables Lose Their Headers After Conversion' }),
        record({ q: 'Q910004', title: 'Linked Documents Lose Their Headers After Conversion' }),
        record({ q: 'Q910005', title: 'Atlas Deluxe: Hints for the Map Viewer' }),
        record({ q: 'Q910006', title: 'Atlas Deluxe: Minimum System Requirements' }),
        record({ q: 'Q910007', title: 'Logon Takes 30 Minutes With a Mapped Home Share' }),
        record({ q: 'Q910008', title: 'Logon Takes 30 Seconds With a Mapped Home Share' }),
        record({ q: 'Q910009', title: 'Fonts in the Font Dialog Box' }),
        record({ q: 'Q910010', title: 'Fonts May Not Be Displayed in the Font Dialog Box' }),
        record({ q: 'Q910011', title: 'Subject Line in Replies to Bulletin Posts' }),
        record({ q: 'Q910012', title: 'Subject Line Is Scrambled in Replies to Bulletin Posts' }),
        record({ q: 'Q910013', title: 'Copy Whole Reference Library to Hard Card' }),
        record({ q: 'Q910014', title: 'Copy the Whole Reference Library to the Hard Disk' }),
        record({ q: 'Q910015', title: 'Mail Client Loses Its Dial Settings' }),
        record({ q: 'Q910016', title: 'Mail Client on a Portable Computer Loses Its Dial Settings' }),
        record({ q: 'Q910017', title: 'Characters Become Question Marks in Forwarded Notes' }),
        record({ q: 'Q910018', title: 'Cyrillic Characters Become Question Marks in Forwarded Notes' }),
        record({ q: 'Q910019', title: 'Opening the Network Neighborhood Folder' }),
        record({ q: 'Q910020', title: 'Delay Opening the Network Neighborhood Folder' }),
        record({ q: 'Q910021', title: 'Relay Service Starts on a Server With Many Address Lists' }),
        record({ q: 'Q910022', title: 'Relay Service Takes a Long Time to Start on a Server With Many Address Lists' }),
        record({ q: 'Q910023', title: 'Disk Checker Utility Options Used in a Batch File' }),
        record({ q: 'Q910024', title: 'Disk Checker Utility Exit Codes Used in a Batch File' }),
        record({ q: 'Q910025', title: 'Card Game Error Message When Starting From the Menu' }),
        record({ q: 'Q910026', title: 'Card Game Invalid Page Fault When Starting From the Menu' }),
        record({ q: 'Q910027', title: 'Calendar Files of the Planner Grow Large' }),
        record({ q: 'Q910028', title: 'Compacting Calendar Files of the Planner' }),
        record({ q: 'Q910029', title: 'Report Footer Date After the Upgrade' }),
        record({ q: 'Q910030', title: 'Report Footer Shows Incorrect Date After the Upgrade' }),
        record({ q: 'Q910031', title: 'Export Fails With Attachments' }),
        record({ q: 'Q910032', title: 'Export Fails With Large Attachments' }),
      ]),
    ),
  ),
);
const top = (query: string) => search(ix, query)[0]?.q;

describe('words agents cut short', () => {
  it('"app" is the application or program the titles name', () => {
    expect(top('app hangs printing shared plotter ')).toBe('Q910002');
  });

  it('"docs" are documents; the plural of a short form is stemmed like any word', () => {
    expect(top('linked docs lose headers after conversion ')).toBe('Q910004');
  });

  it('"sys reqs" are the system requirements', () => {
    expect(top('atlas deluxe sys reqs ')).toBe('Q910006');
  });

  it('"secs" are seconds', () => {
    expect(top('logon takes 30 secs mapped home share ')).toBe('Q910008');
  });
});

describe('ticket paraphrases', () => {
  it.each([
    ['fonts missing in font dialog box ', 'Q910010'],
    ['subject line garbled in replies to bulletin posts ', 'Q910012'],
    ['copy whole reference library to hard drive ', 'Q910014'],
    ['laptop mail client loses dial settings ', 'Q910016'],
    ['russian characters become question marks in forwarded notes ', 'Q910018'],
    ['slow opening network neighborhood folder ', 'Q910020'],
    ['relay service slow to start many address lists ', 'Q910022'],
    ['disk checker utility errorlevel batch file ', 'Q910024'],
    ['disk checker return codes batch file ', 'Q910024'],
    ['card game crash starting from menu ', 'Q910026'],
    // Making a data file smaller: agents say shrink, the how-to titles compress or compact.
    ['shrink planner calendar files ', 'Q910028'],
    // What an agent calls wrong or big the titles call incorrect or large.
    ['report footer date wrong after upgrade ', 'Q910030'],
    ['export fails with big attachments ', 'Q910032'],
  ])('"%s" finds %s', (query, q) => {
    expect(top(query)).toBe(q);
  });
});
