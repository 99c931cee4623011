import type { TopicCounts } from './topic-words';

/**
 * What KB Lens knows about one KB article: facts only, never the body.
 *
 * The field names are a public contract: `kblens lookup --json` prints this object as is,
 * and scripts outside the code read it. Add fields; never rename or remove one.
 */
export interface ArticleRecord {
  /** "Q227142" */
  q: string;
  /** Title with HTML entities decoded and without the "Q227142: " prefix the converter added. */
  title: string;
  /** Public address of the article, from its permalink. */
  url: string;
  /** Affected products, as the "applies to" block names them ("Microsoft Exchange Server"). */
  products: string[];
  /** Affected product versions, normalised: "Exchange Server 5.5", "Windows NT Server 4.0 SP4". */
  versions: string[];
  /** The archive's own Version value, unparsed ("winnt:5.5"; trailer copy preferred). */
  versionsRaw: string;
  /** Operating systems the article names (header field and "the operating system:" items). */
  os: string[];
  /** Keywords (trailer copy preferred: the header copy is truncated and glued). */
  keywords: string[];
  /** ISO date "1999-09-30", or null when the article has none that parses. */
  lastModified: string | null;
  /** The main fixing release, readable: "Exchange Server 5.5 Service Pack 3"; null when none. */
  fixedIn: string | null;
  /** The main fix's parts, for comparisons; null when the article names no fixing release. */
  fix: Fix | null;
  /** Every fix the article names (one per product or platform), main one first. */
  fixes: Fix[];
  fixKind: FixKind;
  /** Fixed file names and versions from the article's file tables. */
  files: FileVersion[];
  /** Literal error / NDR / event strings the article quotes. */
  errors: QuotedMessage[];
  /** Q-numbers the article refers to ("Q191014"), own number excluded, in order of first mention. */
  related: string[];
  /**
   * The article's distinctive terms, best first: lowercase words of the sections that describe
   * the problem, weighed against the whole archive at index-build time (index/topic-terms.ts).
   */
  terms: string[];
  /**
   * The archive's own search words for the article ("Additional query words: perfmon bluescreen"),
   * without its kb* and prod* tags and bare version numbers: the words agents typed for it. Read by
   * the search index build. Absent when the article has none.
   */
  queryWords?: string[];
  /**
   * Versions the article says the problem does not occur in ("does not occur in Exchange Server
   * 5.0", "... in later versions of Windows for Workgroups"). Absent when it names none.
   */
  unaffected?: Absence[];
}

/** A version free of the article's problem, or a range of them bounded by a version. */
export interface Absence {
  /** As the article names it, without "Microsoft": "Exchange Server", "Windows for Workgroups". */
  product: string;
  /** "5.0"; for a range, the bound ("3.1" of "later versions" in a 3.1 article). */
  version: string;
  /** `at`: that version; `later` / `earlier`: the versions after / before it (not the bound itself). */
  range: 'at' | 'later' | 'earlier';
}

/**
 * The kind of remedy: a service pack, a hotfix, a later version (upgrade), steps only
 * (workaround-only), nothing, or `other`: an update from another vendor (a NetWare client, a BIOS).
 */
export type FixKind = 'service-pack' | 'hotfix' | 'upgrade' | 'workaround-only' | 'none' | 'other';

export interface Fix {
  /** Readable release: "Exchange Server 5.5 Service Pack 3", "Visual FoxPro 5.0". */
  text: string;
  /** Product as written in the fix sentence, without "Microsoft": "Exchange Server". */
  product: string;
  /** Product version the fix applies to: "5.5"; "" when the sentence names none. */
  version: string;
  /** Service pack number as written ("3", "6a"); null for a hotfix or an upgrade. */
  servicePack: string | null;
  /** True when the fix is a hotfix/QFE available before (or instead of) a service pack. */
  hotfix: boolean;
  /** Where the evidence came from. */
  source: 'status' | 'resolution' | 'keyword' | 'body';
  /**
   * Present and true when the article only said "the latest service pack" and the number is the
   * service pack that was current when the article was last modified (from the archive's own
   * dates): the fix is in that service pack at the latest, perhaps in an earlier one.
   */
  inferred?: boolean;
  /** Present where the product calls its service packs "Service Release" (Office 97 SR-2); absent for "Service Pack". */
  servicePackName?: 'Service Release';
  /** A hotfix rollup on a service pack ("Service Pack 4 Hotfix Rollup Package"): that service pack, which alone lacks the fix. */
  rollupOn?: string;
  /** A hotfix a later service pack took in ("hotfix (before Service Pack 3)"): that service pack. */
  takenIn?: string;
  /** A hotfix made after a service pack ("hotfixes-postSP2", "post-SP3 hotfix"): that service pack, which alone lacks the fix. */
  builtOn?: string;
}

export interface FileVersion {
  name: string;
  /** "5.5.2591.0"; null when the table gives none (empty cell, "N/A", date-only tables). */
  version: string | null;
}

export type MessageKind = 'error' | 'ndr' | 'event';

export interface QuotedMessage {
  /** The message as the article quotes it, whitespace collapsed, wrap hyphens mended. */
  text: string;
  kind: MessageKind;
  /**
   * The substrings of `text` that stand for a real value ("<server name>", "%1", "xxxx"),
   * in order; the matcher treats each as a wildcard.
   */
  placeholders: string[];
}

/** A problem found while parsing: the article still parses, or is skipped, and the build goes on. */
export interface ParseIssue {
  /** Path of the article inside the corpus ("kbarchive/kb/227/Q227142/README.md"). */
  file: string;
  /** 1-based line number the problem was found at; 0 when it concerns the whole file. */
  line: number;
  message: string;
}

export type ParseResult =
  | {
      ok: true;
      record: ArticleRecord;
      warnings: ParseIssue[];
      topic: TopicCounts;
      /** The first words of its SYMPTOMS or SUMMARY (topic-words.ts leadWords), for search. */
      lead: string[];
    }
  | { ok: false; error: ParseIssue };
