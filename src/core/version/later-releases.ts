/**
 * Products and platforms released after the archive (it ends in 2003): "Windows 11", "Windows
 * Server 2022", "Microsoft 365", "Exchange Online", "SQL Server 2019", ".NET 8", "Azure",
 * "Kubernetes". A ticket that names some of these and no archive-era release is about a system
 * no archive article was written for: the messages it quotes are the same words in another
 * product's mouth (ticket-era.ts). Versioned names and platform names only: words a signature
 * or a meeting invite carries ("Teams", "Outlook for iOS") are left out.
 */

// Every quantifier is bounded: linear on any input.
const S = '[\\s\\u00a0]{1,3}';
const LATER_RE = new RegExp(
  '(?<![\\w.])(?:' +
    [
      `windows${S}(?:10|11|8\\.1|8|7|vista)(?![\\w.])`,
      `windows${S}server${S}(?:2008|2012|2016|2019|2022|2025)(?!\\d)`,
      `server${S}(?:2016|2019|2022|2025)(?!\\d)`,
      `(?:microsoft|office)${S}365(?!\\d)`,
      `exchange${S}online`,
      `exchange(?:${S}server)?${S}(?:2007|2010|2013|2016|2019)(?!\\d)`,
      `sql${S}server${S}(?:2005|2008|2012|2014|2016|2017|2019|2022)(?!\\d)`,
      `(?:office|outlook|word|excel|powerpoint|visio|project|access)${S}(?:2007|2010|2013|2016|2019|2021|2024)(?!\\d)`,
      `outlook${S}for${S}(?:microsoft${S}365|windows|mac)`,
      `new${S}outlook`,
      `\\.net${S}(?:core|[5-9](?:\\.0)?)(?![\\w.])`,
      `\\.net${S}framework${S}4(?:\\.\\d)?`,
      `framework${S}version:?${S}v4\\.`,
      `(?:azure|entra|intune|autopilot|sharepoint${S}online|onedrive|kubernetes|kubectl|docker|aws|gcloud|google${S}cloud|macos|ios${S}\\d{2})(?![\\w])`,
    ].join('|') +
    ')',
  'gi',
);

export interface LaterRelease {
  /** As the ticket writes it, spaces collapsed: "Windows 11". */
  name: string;
  start: number;
  end: number;
}

/** Mentions of releases later than the archive, in text order (capped for hostile input). */
export function findLaterReleases(text: string, limit = 50): LaterRelease[] {
  const out: LaterRelease[] = [];
  LATER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LATER_RE.exec(text)) && out.length < limit) {
    out.push({ name: m[0].replace(/[\s\u00a0]+/g, ' '), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
