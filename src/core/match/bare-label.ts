/**
 * A message's bare "Error:"/"Warning:" label, which any dialog or log line prints: matched at run
 * time (scan.ts), so kept apart from the build-time pieces of a message (message-pieces.ts).
 */
/** A label that is only the word "Error" or "Warning": any dialog or log line prints it. */
const BARE_LABEL = /^[ \t"']*(?:error|warning)[ \t]*:[ \t]*/i;
const comparable = (s: string) =>
  s
    .replace(/[\s"'.!]+$/, '')
    .replace(/^[\s"']+/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * Whether `longer` is `shorter` behind a bare "Error:"/"Warning:" label ("ERROR: There is not
 * enough space on the disk."): the label adds no specificity, so the longer message names no more
 * than the shorter one does. A label with words of its own ("Compiler error C2065:") does.
 */
export function onlyBareLabelBefore(longer: string, shorter: string): boolean {
  const m = BARE_LABEL.exec(longer);
  return m !== null && comparable(longer.slice(m[0].length)) === comparable(shorter);
}
