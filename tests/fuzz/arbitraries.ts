import fc from 'fast-check';

/**
 * The fuzz suite's inputs: text made of pieces hostile input is made of (markup, quotes,
 * separators, MIME and QP syntax, bidi and control characters, surrogates, KB numbers, NDR
 * codes, the matcher's own messages) mixed with arbitrary characters, so the readers meet
 * their own syntax in every broken order rather than only random noise.
 */
export const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** Runs per property; FUZZ_RUNS raises it for a longer local run. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** No property runs longer than this, whatever the machine's load (it stops early, not failing). */
export const TIME_LIMIT_MS = 8_000;

export const PARAMS = { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS } as const;

const PIECES = [
  'Q227142',
  'KB 227142',
  'kb/227142',
  'support.microsoft.com/kb/227142',
  'Q',
  'KB',
  '5.1.1',
  '#5.1.1',
  '550 5.1.1',
  'Unable to deliver the message due to a communications failure',
  'MSEXCH:IMS',
  '0x80004005',
  'Error: ',
  '<',
  '>',
  '</',
  '<script>',
  '</script>',
  '<p>',
  '<br/>',
  '<!--',
  '-->',
  '&amp;',
  '&#x1F4E7;',
  '&#0;',
  '&',
  ';',
  '"',
  '""',
  ',',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '   ',
  '=',
  '=E2=80=94',
  '=\n',
  '=ZZ',
  '_',
  '?=',
  '=?utf-8?Q?',
  '=?x?B?',
  '--b',
  '--b--',
  'Content-Type: multipart/mixed; boundary=b\n',
  'Content-Transfer-Encoding: base64\n',
  'Content-Transfer-Encoding: quoted-printable\n',
  '{',
  '}',
  '[',
  ']',
  ':',
  '{"id":1,"body":"',
  '"}',
  '\\',
  '\\u0000',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u0000',
  '\ufeff',
  '\ud83d',
  '\ude00',
  '\u{1F4E7}',
  '\u00a0',
  '*',
  '*.',
  '://',
  'https://',
  'javascript:',
  '/',
  '?',
  '#',
  '---',
  'title: "Q900001: T"',
  '## Q900001: T',
  '{% raw %}',
  '{% endraw %}',
  '\tArticle: 900001',
  '\tProduct(s): Microsoft Exchange',
  '\tVersion(s): 5.5',
  'SYMPTOMS',
  'STATUS',
  'This problem was corrected in Exchange Server 5.5 Service Pack 3.',
  '|',
  '+---+',
];

export const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** Hostile text: up to `maxPieces` pieces joined. */
export const hostileText = (maxPieces = 120) => fc.array(piece, { maxLength: maxPieces }).map((p) => p.join(''));

/** Byte mutations of a valid file: flips, cuts, duplications and insertions. */
export const mutationOf = (bytes: Uint8Array) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
        fc.record({ op: fc.constant('dup' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
        fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((ops) => mutate(bytes, ops));

type Op =
  | { op: 'flip'; at: number; value: number }
  | { op: 'cut' | 'dup'; at: number; length: number }
  | { op: 'truncate'; at: number };

export function mutate(bytes: Uint8Array, ops: Op[]): Uint8Array {
  let b = bytes;
  for (const o of ops) {
    if (b.length === 0) break;
    const at = o.at % b.length;
    if (o.op === 'flip') {
      b = b.slice();
      b[at] = o.value;
    } else if (o.op === 'cut') b = concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + o.length)));
    else if (o.op === 'dup') b = concat(b.subarray(0, at + o.length), b.subarray(at));
    else b = b.slice(0, at);
  }
  return b;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
