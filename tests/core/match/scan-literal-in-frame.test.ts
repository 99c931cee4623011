import { describe, expect, it } from 'vitest';
import { buildDetector, loadDetector, scanText } from '../../../src/core/match';
import { explainMatches, record } from './fixture-records';

const msg = (text: string, placeholders: string[] = []) => ({ text, kind: 'error' as const, placeholders });
/** A frame with a placeholder, a literal message filling it, and the frame's own words alone. */
const RECORDS = [
  record({
    q: 'Q999301',
    title: 'Gizmo Linker Misses Inline Helpers',
    errors: [msg('error GZ2001: unresolved gizmo symbol "<helper>" referenced in function', ['<helper>'])],
  }),
  record({
    q: 'Q999302',
    title: 'GZ2001: Unresolved Gizmo Symbol "__gzerrno"',
    errors: [msg('GZ2001: unresolved gizmo symbol "__gzerrno"')],
  }),
  record({ q: 'Q999303', title: 'Gizmo Linker Errors Overview', errors: [msg('GZ2001: unresolved gizmo symbol')] }),
];
const detector = loadDetector(JSON.parse(JSON.stringify(buildDetector(RECORDS))));
const analyse = (text: string) => explainMatches(text, scanText(text, detector), RECORDS);

describe('a literal message inside a frame whose placeholder the ticket fills with its value', () => {
  it("counts for its own article, which leads; the frame's own words alone add nothing", () => {
    const r = analyse(
      'Link fails:\nerror GZ2001: unresolved gizmo symbol "__gzerrno" referenced in function _main\nHelp!',
    );
    expect(r.matches).toHaveLength(1);
    expect(r.articles.map((a) => a.q)).toEqual(['Q999302', 'Q999301']);
  });

  it("another value in the placeholder keeps the frame's article alone", () => {
    const r = analyse(
      'Link fails:\nerror GZ2001: unresolved gizmo symbol "_my_helper" referenced in function _main\nHelp!',
    );
    expect(r.articles.map((a) => a.q)).toEqual(['Q999301']);
  });
});

describe('a frame whose placeholder shows its own example value', () => {
  const SHOWN = [
    record({
      q: 'Q999321',
      title: 'Gizmo Player Errors on Clips Without a Decoder',
      errors: [
        msg('No gizmo decoder is set up on this machine. Clip not playable, missing <gzv:qx32> decoder.', [
          '<gzv:qx32>',
        ]),
      ],
    }),
    record({
      q: 'Q999322',
      title: "Gizmo Atlas: Clip Not Playable, Missing 'gzv:qx32' Decoder",
      errors: [msg("Clip not playable, missing 'gzv:qx32' decoder.")],
    }),
  ];
  const det = loadDetector(JSON.parse(JSON.stringify(buildDetector(SHOWN))));
  const ranked = (text: string) => explainMatches(text, scanText(text, det), SHOWN).articles.map((a) => a.q);
  it('the article quoting the whole message leads the one quoting its second sentence, which stays listed', () => {
    for (const value of ['<gzv:qx32>', "'gzv:qx32'"])
      expect(
        ranked(
          `Old PC, clips do not play:\nNo gizmo decoder is set up on this machine.\nClip not playable, missing ${value} decoder.\nThanks`,
        ).slice(0, 2),
      ).toEqual(['Q999321', 'Q999322']);
  });
  it('the second sentence alone still names its own article', () => {
    expect(ranked("Atlas shows: Clip not playable, missing 'gzv:qx32' decoder. Any idea?")[0]).toBe('Q999322');
  });
});

describe('a message whose angle brackets hold a real address has no placeholder to fill', () => {
  const ADDRESSED = [
    record({
      q: 'Q999311',
      title: 'Gizmo Gateway Refuses Relay for the Postmaster',
      errors: [msg('GZ3001: relay refused for <postmaster@gizmo.example> by the gizmo gateway')],
    }),
    record({
      q: 'Q999312',
      title: 'Relay Refused for a Gizmo Postmaster Address',
      errors: [msg('relay refused for postmaster@gizmo.example')],
    }),
  ];
  const det = loadDetector(JSON.parse(JSON.stringify(buildDetector(ADDRESSED))));
  it("the shorter message inside it is part of the longer one's quote, not its own evidence", () => {
    const text = 'Mail bounced:\nGZ3001: relay refused for <postmaster@gizmo.example> by the gizmo gateway\nHelp!';
    expect(explainMatches(text, scanText(text, det), ADDRESSED).articles.map((a) => a.q)).toEqual(['Q999311']);
  });
});
