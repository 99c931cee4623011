/**
 * Another vendor's product fixed in its own release ("corrected in Legacy version 2.0" in an article
 * that says the products it names are other vendors') is fixKind `other` with no Microsoft release,
 * while Microsoft's releases in such an article stay fixes. Articles written for the test.
 */
import { describe, expect, it } from 'vitest';
import { articleHeader, parseInline } from './fixture';

const NOTE = [
  'The third-party products discussed here are manufactured by vendors independent of',
  'Microsoft; we make no warranty, implied or otherwise, regarding these products.',
];

const win31 = (q: string, body: string[], note = NOTE) =>
  parseInline(q, [
    ...articleHeader(q, 'Microsoft Windows', 'WINDOWS:3.1', 'Microsoft Windows version 3.1', '08-NOV-1999'),
    'SUMMARY',
    '=======',
    '',
    ...body,
    '',
    ...note,
  ]);

describe("another vendor's own release", () => {
  it('"corrected in Quillpen version 2.0" with the vendors note is the vendor\'s update', () => {
    const r = win31('Q399931', [
      'Installing the Quillpen word processor version 1.1 from File Manager stops the computer.',
      '',
      'This problem was corrected in Quillpen version 2.0.',
    ]);
    expect(r.fixKind).toBe('other');
    expect(r.fixedIn).toBeNull();
  });
  it('a known vendor\'s release ("Norton Utilities version 6.01") is the vendor\'s update too', () => {
    const r = win31('Q399932', [
      'Disk Monitor version 6.0 reports fragmented memory when Windows starts.',
      '',
      'This problem has been corrected in Norton Utilities version 6.01.',
    ]);
    expect(r.fixKind).toBe('other');
    expect(r.fixedIn).toBeNull();
  });
  it("a Microsoft release in the same kind of article stays Microsoft's fix", () => {
    const r = win31('Q399933', [
      'The Quillpen word processor version 1.1 stops responding when you print.',
      '',
      'This problem was corrected in Windows version 3.11.',
    ]);
    expect(r.fixKind).toBe('upgrade');
    expect(r.fixedIn).toBe('Windows 3.11');
  });
  it("a product that starts with a Microsoft product's name is not another vendor's", () => {
    const r = win31('Q399934', [
      'Some fonts are missing when you print to a Linotronic imagesetter.',
      '',
      'This problem was corrected in Windows PostScript Driver version 3.52.',
    ]);
    expect(r.fixKind).toBe('upgrade');
    expect(r.fixedIn).toContain('3.52');
  });
  it("without the vendors note an unknown product's release is still read as a fix", () => {
    const r = win31(
      'Q399935',
      ['The Help compiler stops with an error.', '', 'This problem was corrected in Gadget Compiler version 2.0.'],
      [],
    );
    expect(r.fixKind).toBe('upgrade');
  });
  it('"the Microsoft Oracle ODBC Driver" is Microsoft\'s driver, not Oracle\'s release', () => {
    const r = win31(
      'Q399936',
      [
        'Comments inside a statement are sent to the server.',
        '',
        'This problem has been corrected in the Microsoft Oracle ODBC Driver version 2.573.',
      ],
      [],
    );
    expect(r.fixKind).not.toBe('other');
  });
  it('a Microsoft product no table names stays a fix when written "Microsoft NetCast"', () => {
    const r = win31('Q399937', [
      'The Quillpen word processor version 1.1 stops responding when it plays a clip.',
      '',
      'This problem was corrected in Microsoft NetCast version 3.0.',
    ]);
    expect(r.fixKind).toBe('upgrade');
    expect(r.fixedIn).toBe('NetCast 3.0');
  });
  it('or when the article calls it "Microsoft NetCast" elsewhere', () => {
    const r = win31('Q399938', [
      'The Quillpen word processor version 1.1 stops when Microsoft NetCast plays a clip.',
      '',
      'This problem was corrected in NetCast version 3.0.',
    ]);
    expect(r.fixKind).toBe('upgrade');
    expect(r.fixedIn).toBe('NetCast 3.0');
  });
  it('a Microsoft product line the list names ("DirectX version 6.1") is a fix with the note', () => {
    const r = win31('Q399939', [
      'The Quillpen word processor version 1.1 stops when it draws.',
      '',
      'This problem was corrected in DirectX version 6.1.',
    ]);
    expect(r.fixKind).toBe('upgrade');
    expect(r.fixedIn).toBe('DirectX 6.1');
  });
  it('"Digital Video for Windows version 1.1" is not Digital Equipment\'s release', () => {
    const r = win31(
      'Q399940',
      [
        'The Quillpen player version 1.0 stops on a long clip.',
        '',
        'This problem was corrected in Digital Video for Windows version 1.1.',
      ],
      [],
    );
    expect(r.fixKind).not.toBe('other');
  });
  it('"Digital Equipment PATHWORKS version 5.0" is that vendor\'s release', () => {
    const r = win31(
      'Q399941',
      [
        'The network drive is lost after Windows starts.',
        '',
        'This problem was corrected in Digital Equipment PATHWORKS version 5.0.',
      ],
      [],
    );
    expect(r.fixKind).toBe('other');
    expect(r.fixedIn).toBeNull();
  });
});
