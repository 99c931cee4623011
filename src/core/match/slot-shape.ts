/**
 * Run time, beside slot-values.ts: whether a ticket's value has the shape of the article's value
 * in an unquoted end slot. Apart from soft-slots.ts, which finds the slots at build time, so the
 * scan does not carry the slot finder.
 */

/**
 * A ticket's value fits an unquoted slot at a pattern's end (or start), where the wildcard takes
 * whatever word is there (the word and those glued to it): it must have the shape of the
 * article's value - a number for a number, a path for a path, an address for an address - or the
 * frame alone would match any sentence that goes on past it ("... in file" + "because").
 */
export function fitsShape(articleValue: string, value: string): boolean {
  const v = value.replace(/^[\s([{<'"]+|[\s.,;:!?)\]}>'"]+$/g, '');
  if (/^\d[\d,.]*$/.test(articleValue)) return /^\d[\d,.]*$/.test(v);
  if (/^[a-z]+:\/\//i.test(articleValue)) return /^[a-z]+:\/\/\S/i.test(v);
  if (articleValue.includes('@')) return /^[^@\s]+@[\w-]+(?:\.[\w-]+)+$/.test(v);
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(articleValue)) return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(v);
  if (/^(?:[A-Za-z]:\\|\\\\)/.test(articleValue)) return /^(?:[A-Za-z]:[\\/]|\\\\)\S/.test(v);
  // A file or host name: a name with a dot-separated ending, no spaces.
  const named = /^[^\s\\/]+\.[A-Za-z0-9]{1,8}$/;
  if (named.test(articleValue)) return named.test(v);
  // Free text between quotes: its closing quote bounds it, not its shape.
  return true;
}
