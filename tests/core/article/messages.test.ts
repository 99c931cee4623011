import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/core/article/parse-article';
import type { QuotedMessage } from '../../../src/core/article/types';
import { articleHeader, makeArticle } from './fixture';

const article = (body: string[]) =>
  makeArticle('Q999101', 'Gizmo Tool Fails', [
    ...articleHeader('Q999101', 'Microsoft Gizmo', '2.0', null, '1-MAR-2000'),
    'SYMPTOMS',
    '========',
    '',
    ...body,
    '',
    'CAUSE',
    '=====',
    '',
    'The gizmo cache is full.',
  ]);

const messagesOf = (body: string[]): QuotedMessage[] => {
  const r = parseArticle(article(body), 'a.md');
  expect(r.ok).toBe(true);
  return r.ok ? r.record.errors : [];
};
const textsOf = (body: string[]) => messagesOf(body).map((e) => e.text);

describe('the messages an article quotes: lead-ins', () => {
  it('takes the lines of a message box the article says it contains', () => {
    const texts = textsOf([
      'When you remove Gizmo, Windows displays a message box containing',
      'the following lines:',
      '',
      '  Gizmo Remover',
      '     The gizmo cache could not be emptied before removal.',
    ]);
    expect(texts).toContain('The gizmo cache could not be emptied before removal.');
  });

  it('still skips lines to add, and code that displays a message box', () => {
    expect(
      textsOf(['To fix it, add the following lines to Gizmo.ini:', '', '  [Cache]', '  Size=4096 Mode=fast']),
    ).toEqual([]);
    expect(
      textsOf(['The following code displays a message box with the following lines:', '', '  MsgBox "Hello there"']),
    ).toEqual([]);
  });

  it('takes the crash text shown after the Details button, and an assertion', () => {
    const texts = textsOf([
      'You may receive the following error message:',
      '',
      '  This program has performed an illegal operation and will be shut down.',
      '',
      'If you click the Details button, you may see the following:',
      '',
      '  GIZMO caused an invalid page fault in module GIZLIB.DLL at 0137:...',
      '',
      'The assertion looks similar to the following:',
      '',
      '  Gizmo Assertion Failure',
      '  Rel. 12.0, File cache.c, Line 88',
    ]);
    expect(texts).toContain('GIZMO caused an invalid page fault in module GIZLIB.DLL at 0137:...');
    expect(texts).toContain('Gizmo Assertion Failure Rel. 12.0, File cache.c, Line 88');
  });

  it('does not read "for more details, see the following" as a message', () => {
    expect(textsOf(['For more details, see the following:', '', '  Gizmo Setup Guide, chapter 4'])).toEqual([]);
  });
});

describe('the messages an article quotes: captions and explanations', () => {
  it("keeps a dialog's message without the caption line above it too", () => {
    const texts = textsOf([
      'You receive the following error message:',
      '',
      '  Gizmo Tools',
      '  Security rights to run gizmo tools on this client have been denied.',
    ]);
    expect(texts).toEqual([
      'Gizmo Tools Security rights to run gizmo tools on this client have been denied.',
      'Security rights to run gizmo tools on this client have been denied.',
    ]);
  });

  it('never splits a wrapped sentence or an event field as a caption', () => {
    const texts = textsOf([
      'You receive the following error message:',
      '',
      '  The gizmo service could not start because the cache on drive C: is',
      '  Full and locked by another process.',
    ]);
    expect(texts).toEqual([
      'The gizmo service could not start because the cache on drive C: is Full and locked by another process.',
    ]);
  });

  it('cuts an explanation written on the message line, and its token is a placeholder', () => {
    const [m] = messagesOf([
      'You receive the following error message:',
      '',
      "  File '<path>:<name>' not found where <name> has either a .c or a .h extension.",
    ]);
    expect(m).toEqual({ text: "File '<path>:<name>' not found", kind: 'error', placeholders: ['<path>', '<name>'] });
  });
});

describe('the messages an article quotes: references to other articles', () => {
  it("takes no message from another article's title in a reference list, only its own", () => {
    const texts = textsOf([
      'You may receive the following error message:',
      '',
      '  Gizmo cache error 0x80070020 while saving settings.',
      '',
      'For more information, click the article number below to view the article in the',
      'Microsoft Knowledge Base:',
      '',
      '  Q999202 Error Message: Unable to Open the Gizmo Store Because the Following',
      '  Error Occurred: The Store Is Locked',
      '',
      '  Q999203 GIZMO: "Cache Folder Not Found" When Starting Gizmo',
    ]);
    expect(texts).toEqual(['Gizmo cache error 0x80070020 while saving settings.']);
  });
});

describe('the messages an article quotes: lead-ins that do not end in a colon line of their own', () => {
  it('takes the message a sentence is interrupted by ("the message" / message / "is displayed ...")', () => {
    expect(
      textsOf([
        'If the gizmo driver is loaded before the cache, the message',
        '',
        '  ERROR: Cannot attach the gizmo cache driver',
        '',
        'is displayed right after the logo appears.',
      ]),
    ).toContain('ERROR: Cannot attach the gizmo cache driver');
  });

  it('not an indented line between two halves of a sentence that names no message', () => {
    expect(textsOf(['If you type the command', '', '  GIZMO /RESET /ALL', '', 'is run on every start.'])).toEqual([]);
  });

  it("takes the message under a bullet's 'error message similar to the following:'", () => {
    expect(
      textsOf([
        'When you click a gizmo, you may see one of these symptoms:',
        '',
        '- Gizmo may quit.',
        '',
        '- You may receive an error message similar to the following:',
        '',
        '  Gizmo Tool is unable to continue running. Close other programs and',
        '  start Gizmo Tool again.',
      ]),
    ).toContain('Gizmo Tool is unable to continue running. Close other programs and start Gizmo Tool again.');
  });

  it('takes lines opening with a quoted name as messages, not as Basic comments', () => {
    const texts = textsOf([
      'When you open a project, you may receive the following error messages:',
      '',
      "  'gizmo32.ocx' could not be loaded -- Continue Loading Project?",
      "  'widget32.ocx' could not be loaded -- Continue Loading Project?",
    ]);
    expect(texts).toContain("'gizmo32.ocx' could not be loaded -- Continue Loading Project?");
    expect(
      textsOf([
        'Use the following code to display the error message:',
        '',
        "  ' show the 'gizmo' message box",
        "  ' and wait for the user",
      ]),
    ).toEqual([]);
  });
});

describe('the messages an article quotes: list items, qualifiers and numbered lines', () => {
  it('takes the quote under a numbered step, between its number and its text', () => {
    const texts = textsOf([
      '1. Start Gizmo. You receive the following error message:',
      '',
      '  Until you connect once, you will not be able to share the gizmo cache. Do',
      '  you want to use a private cache now?',
      '',
      '  Click OK to go on.',
      '',
      '2. Click OK.',
    ]);
    expect(texts).toEqual([
      'Until you connect once, you will not be able to share the gizmo cache. Do you want to use a private cache now?',
    ]);
  });

  it("reads a step's wrapped lines as one lead-in, and no step line as a message", () => {
    const texts = textsOf([
      '1. Create a gizmo and place the following in the Click',
      '  event:',
      '',
      '  WAIT WINDOW "Gizmo Click"',
      '',
      '2. Open the gizmo file. You receive the error',
      '  message "The gizmo file is locked by another user." when it opens.',
    ]);
    expect(texts).toEqual(['The gizmo file is locked by another user.']);
  });

  it('keeps a lead-in in force across a qualifier ("For version 1.0:")', () => {
    const texts = textsOf([
      'When you open the gizmo store, the following error may appear:',
      '',
      'For version 1.0:',
      '',
      '  The gizmo store could not be opened. You may not have access to it.',
      '',
      'For version 2.0:',
      '',
      '  The gizmo store cannot be opened. Access is denied.',
    ]);
    expect(texts).toEqual([
      'The gizmo store could not be opened. You may not have access to it.',
      'The gizmo store cannot be opened. Access is denied.',
    ]);
  });

  it('no qualifier after an ordinary paragraph, nor "For example:"', () => {
    expect(
      textsOf(['The gizmo stores its cache on drive C.', '', 'For version 1.0:', '', '  GIZMO.EXE /CACHE']),
    ).toEqual([]);
    expect(
      textsOf(['You may receive the following error message:', '', 'For example:', '', '  SET GIZMO=C:\\CACHE']),
    ).toEqual([]);
  });

  it('judges a lead-in by its last clause: command-line words before it set the scene', () => {
    const texts = textsOf([
      'When the gizmo command line includes the /FAST option, the tool generates one of the',
      'following messages:',
      '',
      '  G4013: Fast mode: option ignored for shared cache',
      '  G4014: /FAST : Option ignored for remote cache',
    ]);
    expect(texts).toEqual([
      'G4013: Fast mode: option ignored for shared cache',
      'G4014: /FAST : Option ignored for remote cache',
    ]);
    // The clause before the colon still decides: code to type is no message.
    expect(textsOf(['To see it, add the following code to the Click event:', '', '  WAIT WINDOW "x"'])).toEqual([]);
  });
});

describe('the messages an article quotes: Event Viewer entries', () => {
  it('takes an entry quoted under a label with no lead-in ("Example 1."), not its wrapped category', () => {
    const messages = messagesOf([
      'The service writes event 4711 to the application log.',
      '',
      'Example 1.',
      '',
      '  Event ID: 4711',
      '  Source: Gizmo Server',
      '  Type: Error Category:',
      '  Cache Wrapper',
      '',
      '  A gizmo call caused an exception. (Package: Sample)',
    ]);
    expect(messages.map((m) => [m.text, m.kind])).toEqual([
      ['A gizmo call caused an exception. (Package: Sample)', 'event'],
      ['Event ID: 4711, Source: Gizmo Server', 'event'],
    ]);
  });
});

describe('the messages an article quotes: what is no message (ordinary words a ticket also uses)', () => {
  it('takes nothing under a step whose lead-in names no error: a prompt or a confirmation', () => {
    expect(
      textsOf([
        '5. Right-click the gizmo, and then click Delete.',
        '',
        '6. Click Yes when you receive the following message:',
        '',
        '  Are you sure you want to delete the gizmo?',
        '',
        '7. When the export is done, the following',
        '  message will be displayed:',
        '',
        '  Gizmo export has completed successfully.',
      ]),
    ).toEqual([]);
  });

  it('takes nothing after "do one of the following:", even when the step mentions a message', () => {
    expect(
      textsOf([
        '4. If Gizmo does not return any message and just stops responding, do one',
        '  of the following:',
        '   - Type another gizmo name, and then click OK.',
        '',
        '   - Click the Back button, and then type another gizmo name.',
      ]),
    ).toEqual([]);
  });

  it('reads a long qualifier between two quotes as a qualifier, never as a message', () => {
    const texts = textsOf([
      'When you open the gizmo, you may receive one of the following error messages:',
      '',
      '  The gizmo cache is damaged and cannot be read.',
      '',
      '  -or-',
      '',
      '  In Microsoft Gizmo Server 95 or Microsoft Gizmo Server 98:',
      '',
      '  This gizmo has performed an illegal operation and will be shut down.',
    ]);
    expect(texts).toEqual([
      'The gizmo cache is damaged and cannot be read.',
      'This gizmo has performed an illegal operation and will be shut down.',
    ]);
  });

  it('keeps a lead-in in force across a qualifier of more than seven words', () => {
    expect(
      textsOf([
        'When you open the gizmo store, the following error may appear:',
        '',
        'In Microsoft Gizmo Server 95 or Microsoft Gizmo Server 98:',
        '',
        '  The gizmo store could not be opened on this computer.',
      ]),
    ).toEqual(['The gizmo store could not be opened on this computer.']);
  });

  it("keeps an unintroduced entry's ID and source, not its short status line", () => {
    const messages = messagesOf([
      'The gizmo migration stops at the first attachment.',
      '',
      '  Event ID: 10002',
      '  Source: GizmoMig',
      '  Description:',
      '  Migration begins.',
    ]);
    expect(messages.map((m) => m.text)).toEqual(['Event ID: 10002, Source: GizmoMig']);
  });

  it("takes no printout's numeric fields as messages", () => {
    expect(
      textsOf([
        '7. Click the button. The following error appears in the Debug window:',
        '',
        '     Number:       1017',
        '',
        '     Line: 2       Column: 16',
        '',
        '     Help Context:  0',
      ]),
    ).toEqual([]);
  });
});

describe('the messages an article quotes: event descriptions, coded lines, passage quotes', () => {
  it("takes an event's description introduced apart from its fields", () => {
    const texts = textsOf([
      'The Gizmo server logs many events similar to the following:',
      '',
      '  Event ID: 4711',
      '  Source: Gizmo Base Service',
      '  Type: Warning',
      '',
      'The description is:',
      '',
      '  Gizmo Error: Invalid Sprocket Handshake, subcode 00AB12CDH.',
    ]);
    expect(texts).toContain('Event ID: 4711, Source: Gizmo Base Service');
    expect(texts).toContain('Gizmo Error: Invalid Sprocket Handshake, subcode 00AB12CDH.');
    // Without an event before it, "The description is:" introduces no quote.
    expect(textsOf(['Gizmo has a property page.', '', 'The description is:', '', '  Sets the sprocket size.'])).toEqual(
      [],
    );
  });

  it('splits lines that each open with an event number', () => {
    const texts = textsOf([
      'Gizmo Server will log the following errors when this occurs:',
      '',
      '  Event 41: Gizmo session deactivated abnormally, qualifier = 0007',
      '  Event 22: Negative Response Received on Sprocket <value>',
    ]);
    expect(texts).toEqual([
      'Event 41: Gizmo session deactivated abnormally, qualifier = 0007',
      'Event 22: Negative Response Received on Sprocket <value>',
    ]);
  });

  it('reads a bare "Description:" label as an event\'s only under its fields, not after a message', () => {
    const texts = textsOf([
      'You may receive the following error message:',
      '',
      '  Gizmo sync stopped unexpectedly.',
      '',
      'Description:',
      '',
      '  The gizmo service does not allow spaces in account names, so the group was renamed.',
    ]);
    expect(texts).toEqual(['Gizmo sync stopped unexpectedly.']);
  });

  it('takes a quote at the passage\'s own indentation after "an error occurs that states:"', () => {
    const texts = textsOf([
      '1. Open the Gizmo form and click Append.',
      '',
      '  Also, an error occurs that states:',
      '',
      '  Cannot update the gizmo sprocket.',
      '',
      '  After you click Ignore, the grid is empty.',
    ]);
    expect(texts).toContain('Cannot update the gizmo sprocket.');
  });
});

describe('the messages an article quotes: compiler output, wrapped list items, quoted names', () => {
  it('takes compiler diagnostics after "the code ... results in the following errors", one per line, without the file and line', () => {
    const texts = textsOf([
      'The sample below shows the problem. Building the code with Gizmo Assembler 2.0',
      'results in the following errors:',
      '',
      '  demo.gsm(4): error G2104: operand size mismatch : byte',
      '  demo.gsm(9): fatal error G1020: open segment at end of file : text',
    ]);
    expect(texts).toEqual([
      'error G2104: operand size mismatch : byte',
      'fatal error G1020: open segment at end of file : text',
    ]);
  });

  it("keeps a list item's wrapped lines with it when they return to the block's margin", () => {
    const texts = textsOf([
      'When you open the gizmo page, you may receive any of the following error messages:',
      '',
      '   - A problem occurred in the gizmo script on this page. The gizmo operation has',
      '  been stopped. Gizmo runtime error [Line: 12]',
      "  'GizmoShop_ReadLicence' is undefined.",
      '',
      '   - The gizmo page could not be shown.',
    ]);
    expect(texts).toContain(
      "A problem occurred in the gizmo script on this page. The gizmo operation has been stopped. Gizmo runtime error [Line: 12] 'GizmoShop_ReadLicence' is undefined.",
    );
    expect(texts).toContain('The gizmo page could not be shown.');
  });

  it('reads lines opening with a quoted name and its sentence end as message text, not Basic comments', () => {
    const texts = textsOf([
      'The gizmo log may show the following messages:',
      '',
      '  Gizmo store error: Violation of UNIQUE constraint',
      "  'Gizmo_Owner_UK'. Cannot insert a second owner for",
      "  'Gizmo_Owner'.",
    ]);
    expect(texts).toEqual([
      "Gizmo store error: Violation of UNIQUE constraint 'Gizmo_Owner_UK'. Cannot insert a second owner for 'Gizmo_Owner'.",
    ]);
  });

  it("takes an ODBC call's szErrorMsg value as the message, not the variables printed around it", () => {
    const texts = textsOf([
      'Calling SQLGizmoOption for this option returns the following error:',
      '',
      '  szSqlState = "S1C00", *pfNativeError = 0',
      '  szErrorMsg="[Microsoft][ODBC Gizmo Driver]',
      '  Option not supported"',
      '',
      'A second call returns the following error:',
      '',
      '  *szErrorMsg = "[Microsoft][ODBC Gizmo Driver] "',
    ]);
    expect(texts).toEqual(['[Microsoft][ODBC Gizmo Driver] Option not supported']);
  });

  it('also keeps a fault message without the program\'s ".exe", as the Windows dialog shows it', () => {
    const texts = textsOf([
      'When you start Gizmo, you may receive the following error message:',
      '',
      '  Gizmo.exe caused an invalid page fault in module Gizcore.dll.',
    ]);
    expect(texts).toEqual([
      'Gizmo.exe caused an invalid page fault in module Gizcore.dll.',
      'Gizmo caused an invalid page fault in module Gizcore.dll.',
    ]);
  });

  it('still reads apostrophe comments under a code lead-in as code', () => {
    const texts = textsOf(['The following code shows the call:', '', "  ' Open the gizmo store", "  'Gizmo_Open'."]);
    expect(texts).toEqual([]);
  });
});

describe('the messages an article quotes: "errors" in a lead-in, compiler output under a file name', () => {
  it('reads no code, command or key after a lead-in that only mentions "errors"', () => {
    const leads = [
      'Use the following code instead; it will work correctly and not cause any errors:',
      'The errors occur because the gizmo service checks for the following registry key:',
      'No errors are reported when you run the following commands:',
      'The gizmo compiler issues no errors for the following sample code:',
    ];
    for (const lead of leads) {
      expect(textsOf([lead, '', '  GizmoStart /quiet /path C:\\Gizmo\\Cache now', '  GizmoStop /all of them'])).toEqual(
        [],
      );
    }
  });

  it('still reads diagnostics after "the code ... produces the following compile errors:"', () => {
    const texts = textsOf([
      'Compiling the sample code with Gizmo C 3.0 produces the following compile errors:',
      '',
      '  demo.gc(7) : error G2065: gizmo handle is undefined',
    ]);
    expect(texts).toEqual(['error G2065: gizmo handle is undefined']);
  });

  it('splits diagnostics one a line under the name of the file compiled, without the name', () => {
    const texts = textsOf([
      'When you compile the gizmo file, you receive the following error messages:',
      '',
      '  gizmac.gc',
      '  gizmac.gc(3) : error G2065: gizmo handle is undefined',
      '  gizmac.gc(4) : error G2146: syntax error : missing gizmo before sprocket',
    ]);
    expect(texts).toEqual([
      'error G2065: gizmo handle is undefined',
      'error G2146: syntax error : missing gizmo before sprocket',
    ]);
  });

  it('never keeps a diagnostic that is only its code; its text on the next line joins it', () => {
    const texts = textsOf([
      'When you compile the gizmo file, you receive the following error message:',
      '',
      '  gizmac.gc(3) : error G2664:',
      "      'GizmoOpen' : cannot convert parameter 1 from 'int' to 'char *'",
    ]);
    expect(texts).not.toContain('error G2664:');
    expect(texts).toEqual(["error G2664: 'GizmoOpen' : cannot convert parameter 1 from 'int' to 'char *'"]);
  });
});
