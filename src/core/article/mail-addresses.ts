/**
 * Addresses an Exchange or MS Mail event or NDR prints for the message at hand, in the forms those
 * systems write them: an X.400 MTS-ID or O/R address ("C=US;A= ;P=ORG;L=SERVER-990805135302Z-7"),
 * an X.500 DN ("/o=ORG/ou=SITE/cn=RECIPIENTS/cn=USER"), an MS Mail address ("MS:NETWORK/PO/USER"),
 * none with the sentence's punctuation after it. One definition for the parser, which must not
 * take one for a line of code, and the matcher, which makes each a placeholder (every site prints
 * its own names).
 */
const X400 = String.raw`(?<![\w=])C=[^;\s]{0,40};(?:[ \t]{0,2}[A-Z]{1,3}\d?=[^;\r\n]{0,40};){0,6}[ \t]{0,2}L=[^\s,]{1,80}(?<![.,;:)\]])`;
const X500 = String.raw`(?<![\w/])\/o=[^\s/]{1,64}(?:\/(?:ou|cn)=[^\s/]{1,64}){1,8}(?<![.,;:)\]])`;
const MS_MAIL = String.raw`(?<![\w:])MS:[\w-]{1,32}\/[\w-]{1,32}\/[\w.-]{1,64}(?<!\.)`;

/** A new global, case-insensitive RegExp for any of the three (each caller keeps its own lastIndex). */
export function mailAddressRe(): RegExp {
  return new RegExp(`${X400}|${X500}|${MS_MAIL}`, 'gi');
}
