/**
 * The agent's own word is better evidence than another wording of it: an article that has the
 * word itself (or its stem) covers it fully; one that only says it another way (a ticket synonym,
 * an acronym spelled out, a word of its family) covers it at a share; and one article word does
 * not answer for two query words through their synonyms.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, search } from '../../../src/core/search';
import { OTHER_WORDING_COVER } from '../../../src/core/search/rank';
import { record } from '../../fixtures/search/records';

const index = loadSearchIndex(
  JSON.parse(
    JSON.stringify(
      buildSearchIndex([
        // Invented titles: a literal pair and a synonym pair per case, and padding so the words
        // are not everywhere.
        record({ q: 'Q910001', title: 'Toolbar Buttons Not Displayed in the Print Preview' }),
        record({ q: 'Q910002', title: 'Toolbar Buttons Missing From the Print Preview' }),
        record({ q: 'Q910003', title: 'Print Preview Shows Blank Pages' }),
        record({ q: 'Q910004', title: 'Status Bar Does Not Display the Page Number' }),
        record({ q: 'Q910005', title: 'Report Wizard Hangs When the Query Has No Fields' }),
        record({ q: 'Q910006', title: 'Report Wizard Stops Responding With an Empty Query Field List' }),
        record({ q: 'Q910007', title: 'Label Wizard Creates Labels in the Wrong Order' }),
        record({ q: 'Q910008', title: 'Cannot Install Printer Driver From a Network Share' }),
        record({ q: 'Q910009', title: 'Setup Asks for Disk 3 Again and Again' }),
        record({ q: 'Q910010', title: 'Mail Merge Field Codes Shown Instead of Data' }),
        record({ q: 'Q910011', title: 'Chart Wizard Freezes' }),
        record({ q: 'Q910012', title: 'Chart Wizard Hangs When You Choose a Custom Type for a Series' }),
        record({ q: 'Q910013', title: 'Chart Legend Missing After Resize' }),
        record({ q: 'Q910014', title: 'Using the Word Processor as the E-Mail Editor' }),
        record({ q: 'Q910015', title: 'Editor Toolbar Missing in the Word Processor' }),
        record({ q: 'Q910016', title: 'Email Addresses Sorted by Last Name' }),
      ]),
    ),
  ),
);
const rank = (query: string, q: string) => search(index, query).findIndex((r) => r.q === q) + 1;

describe('the agent’s own word over another wording of it', () => {
  it('one "Not Displayed" does not answer for both "show" and "missing"', () => {
    // "show" is "display" and "missing" is "not displayed": the title's one word covered both.
    expect(rank('toolbar buttons show missing print preview', 'Q910002')).toBe(1);
    expect(rank('toolbar buttons show missing print preview', 'Q910001')).toBe(2);
  });

  it('still finds the synonym when the query has no competing literal', () => {
    expect(rank('toolbar buttons not shown print preview', 'Q910001')).toBe(1);
    expect(rank('report wizard hangs empty field list', 'Q910005')).toBeLessThanOrEqual(2);
    expect(rank('report wizard freezes empty query field list', 'Q910006')).toBe(1);
  });

  it('two query words that mean the same each keep their other wording', () => {
    // "setup" and "install" are one group; an article with only "Install" still covers both.
    expect(rank('setup install printer driver network share', 'Q910008')).toBe(1);
  });

  it('covers a word found only another way at a share of its weight', () => {
    // A short title with the synonym outweighed a long one with the word as typed: every word
    // covered either way, and a short title's words weigh more.
    expect(rank('hangs chart wizard', 'Q910012')).toBe(1);
    expect(rank('hangs chart wizard', 'Q910011')).toBe(2);
    // Alone, the synonym still finds it.
    expect(rank('chart wizard freezing', 'Q910011')).toBe(1);
    expect(rank('chart freezes', 'Q910011')).toBe(1);
    expect(OTHER_WORDING_COVER).toBeGreaterThan(0.5);
    expect(OTHER_WORDING_COVER).toBeLessThan(1);
  });
});

describe('a word the archive hyphenates after one letter', () => {
  it('"email" finds the titles that say E-Mail, and "e-mail" those that say it either way', () => {
    expect(rank('email editor', 'Q910014')).toBe(1);
    expect(rank('email editor word processor', 'Q910014')).toBe(1);
    expect(rank('e-mail editor', 'Q910014')).toBe(1);
  });
});

describe('two everyday wordings that share only a negation', () => {
  // Invented titles: "missing" is "not displayed" and "down" is "not available"; the two wordings
  // have "not" in common and nothing else.
  const own = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex([
          record({ q: 'Q920001', title: 'Toolbar Not Displayed After Upgrade' }),
          record({ q: 'Q920002', title: 'Toolbar Buttons Not Displayed in Print Preview' }),
          record({ q: 'Q920003', title: 'Server Not Available After Restart' }),
          record({ q: 'Q920004', title: 'Server Stops Accepting Connections' }),
          record({ q: 'Q920005', title: 'Toolbar Resets Its Position' }),
          record({ q: 'Q920006', title: 'Restart Required After Changing the Server Name' }),
          record({ q: 'Q920007', title: 'Print Preview Shows Blank Pages' }),
          record({ q: 'Q920008', title: 'Status Bar Does Not Respond to Clicks' }),
          record({ q: 'Q920009', title: 'Label Wizard Creates Labels in the Wrong Order' }),
          record({ q: 'Q920010', title: 'Setup Asks for Disk 3 Again and Again' }),
        ]),
      ),
    ),
  );
  const found = (query: string) => search(own, query);
  const scoreOf = (query: string, q: string) => found(query).find((r) => r.q === q)?.score ?? 0;

  it('each query word keeps its own wording, whichever comes first', () => {
    // The shared "not" made the later word lose its wording: which one depended on word order.
    const orders = ['toolbar missing server down', 'server down toolbar missing'];
    for (const query of orders) {
      const top = found(query)
        .slice(0, 3)
        .map((r) => r.q);
      expect(top).toContain('Q920001');
      expect(top).toContain('Q920003');
    }
    for (const q of ['Q920001', 'Q920002', 'Q920003'])
      expect(scoreOf(orders[0]!, q)).toBeCloseTo(scoreOf(orders[1]!, q), 6);
  });
});
