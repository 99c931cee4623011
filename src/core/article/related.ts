/**
 * Q-numbers an article refers to. `\bQ\d{4,6}\b` alone is not enough: "Q248838engi.exe" and
 * "Q320376.cab" are file names, "(Q$)" is an admin share, and digits inside "5.5.2448.0" have no Q.
 */
import type { BodyLine } from './body-lines';
import { parseKbNumber } from '../kb-number';

/** No leading zero (no KB number has one); not preceded by a word character, dot, slash or backslash; not followed by ".ext" or a word character. */
const Q_REF = /(?<![\w.\\/$-])Q([1-9]\d{3,5})(?![\w$]|\.[A-Za-z0-9])/g;

export function readRelated(lines: readonly BodyLine[], own: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([own]);
  for (const l of lines) {
    for (const m of l.text.matchAll(Q_REF)) {
      const q = parseKbNumber('Q' + m[1]!);
      if (!q || seen.has(q)) continue;
      seen.add(q);
      out.push(q);
    }
  }
  return out;
}
