/**
 * The parts of a quoted message that stand for a real value: "<server name>", "<ServerName>",
 * "%1", "%s", and whole-token runs like "xxxx", "XXXXX", "XX" ("line Number = XX"), "nnn", "###". Not placeholders: the
 * converter's "<B7>" escapes, numbers in brackets ("type <2>", NetBIOS "<20>", "<0xe160052a>"),
 * and real addresses ("<server.domain.com #5.1.1>", "<user@example.com>").
 */
const ANGLE = /<([^<>\r\n]{1,48})>/g;
const PERCENT = /%(?:\d{1,2}|[sdxuf])(?![A-Za-z0-9])/g;
const RUN = /(?<![A-Za-z0-9])(?:0x)?(?:x{3,}|X{2,}|n{3,}|N{3,}|#{2,})(?![A-Za-z0-9])/g;

export function findPlaceholders(text: string): string[] {
  const found: Array<{ at: number; text: string }> = [];
  for (const m of text.matchAll(ANGLE)) {
    const inner = m[1]!;
    if (/^[0-9A-F]{2}$/.test(inner)) continue; // converter escape
    if (/^(?:0x)?[0-9a-f]+$/i.test(inner) && /\d/.test(inner)) continue; // a real number or hex value
    if (/[@#]/.test(inner) || /^[\w-]+(?:\.[\w-]+){2,}$/.test(inner)) continue; // a real address
    if (!/[A-Za-z]/.test(inner)) continue;
    found.push({ at: m.index!, text: m[0] });
  }
  for (const re of [PERCENT, RUN]) {
    for (const m of text.matchAll(re)) {
      // Inside an angle placeholder already ("EBU<xxxx>"): the outer one covers it.
      if (found.some((f) => m.index! > f.at && m.index! < f.at + f.text.length)) continue;
      found.push({ at: m.index!, text: m[0] });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.text);
}
