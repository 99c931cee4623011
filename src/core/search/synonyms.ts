/**
 * How agents write what the articles say another way. Each group lists phrases that mean the
 * same to a ticket; a phrase of several words matches an article that has all of them. Kept
 * short on purpose: every entry widens what a word finds, so only pairs an agent really types
 * for the article's wording belong here. The archive's own acronyms come from the index build
 * (aliases.ts), not from this list.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Ticket words for a program that no longer reacts; the articles write "stops responding (hang)".
  ['hang', 'hung', 'stops responding', 'not responding', 'freeze', 'frozen', 'lock up', 'locks up'],
  // A crash as the articles describe it; Windows 95 and 98 programs say "invalid page fault" or
  // "has performed an illegal operation".
  [
    'crash',
    'access violation',
    'gpf',
    'general protection fault',
    'dr watson',
    'fatal exception',
    'invalid page fault',
    'illegal operation',
  ],
  // A bounced message: the articles say NDR or non-delivery report.
  ['bounce', 'ndr', 'non delivery', 'nondelivery', 'undeliverable'],
  ['disappear', 'lost', 'missing', 'vanish'],
  // A crash of Windows itself: tickets say blue screen or BSOD, the articles "STOP 0x0000000A" or
  // "bug check"; "bluescreen" is how a ticket writes it in one word.
  ['blue screen', 'bluescreen', 'stop error', 'bsod', 'bugcheck', 'bug check'],
  // Moving data or a service to another place: tickets say migrate, the how-to titles "Move".
  ['move', 'migrate', 'relocate'],
  ['reboot', 'restart'],
  // The program that installs is "Setup" in the articles' titles; tickets say install.
  ['setup', 'install'],
  // Data a control or view still shows after it changed: the articles say it is not updated.
  ['old values', 'stale', 'not updated', 'not refreshed', 'does not refresh'],
  ['win', 'windows'],
  // The date change of 2000: tickets say Y2K, the articles' titles "Year 2000".
  ['y2k', 'year 2000'],
  // A server or link that is down: the articles say it is unavailable or not available.
  ['down', 'unavailable', 'not available'],
  // Tickets say program where the articles' titles say application ("Cannot Run Applications").
  ['program', 'application'],
  // Outlook's data files by their extensions, as agents name them; the articles write "offline
  // folder (.ost)", "Offline Storage", "personal folders (.pst)". The initials do not spell the
  // extension, so aliases.ts cannot mine them.
  ['ost', 'offline folder', 'offline storage'],
  ['pst', 'personal folders', 'personal store'],
  // Agents say folder; the DOS and Windows 3.x articles say directory ("Shared Windows Directory").
  ['folder', 'directory'],
  // Tickets say audio where the articles' titles say sound ("No Sound When You Run ...").
  ['sound', 'audio'],
  // A picture turned over: the programs' menus say flip, an agent says mirror.
  ['flip', 'mirror'],
  // Programs that talk to each other: the articles say communicate.
  ['communicate', 'talk'],
  // Accounts without admin rights: the articles say non-administrators.
  ['non administrator', 'regular user', 'ordinary user', 'standard user', 'non admin'],
  // "How to check whether Windows is running": the how-to titles say determine.
  ['determine', 'check whether', 'find out whether', 'tell whether'],
  // Something an agent says is missing from a list or a window; the articles' titles say it is not
  // displayed or not listed ("All Programs May Not Be Displayed in Add/Remove Programs").
  ['missing', 'not displayed', 'not listed', 'not shown'],
  // Text an agent calls garbled; the articles say scrambled or unreadable.
  ['garbled', 'garbage', 'jumbled', 'scrambled', 'unreadable'],
  // Slowness as a ticket says it; the articles' titles say delay ("Delay in Displaying ...") or
  // that something takes a long time ("... Takes Very Long Time to Start").
  ['slow', 'delay', 'long time'],
  // What a program hands back to a batch file: tickets say return code or errorlevel, the
  // articles' titles "Exit Codes" or "Error Level".
  ['exit code', 'return code', 'errorlevel', 'error level'],
  ['hard drive', 'hard disk'],
  ['whole', 'entire'],
  // What is on the screen: agents say show, the articles' titles display ("Does Not Display a Form").
  ['show', 'display'],
  // A portable computer as agents name it; the articles say portable or mobile.
  ['laptop', 'notebook computer', 'portable computer', 'mobile'],
  // A language as agents name it; the articles name its script or character set.
  ['russian', 'cyrillic'],
  // Making a data file smaller: agents say shrink, the how-to titles "Compressing ... Files" or
  // "Compacting" (a mailbox, a database, a calendar).
  ['compress', 'compact', 'shrink'],
  // What a ticket calls wrong the titles call incorrect, four times as often ("Incorrect Date After 2000").
  ['wrong', 'incorrect', 'incorrectly', 'improperly'],
  // Size as agents say it; the titles say large ("Fails with Large Spool Files").
  ['big', 'large'],
];

/**
 * Product and version shorthand of tickets, written as one word: "nt4", "win95", "w2k". Each
 * stands for the words the articles' applies-to lists use.
 */
export const SHORTHAND: readonly (readonly string[])[] = [
  ['nt4', 'nt 4.0'],
  ['nt351', 'nt 3.51'],
  ['nt35', 'nt 3.5'],
  ['win95', 'w95', 'windows 95'],
  ['win98', 'w98', 'windows 98'],
  ['win2k', 'w2k', 'windows 2000'],
  ['winnt', 'windows nt'],
  ['ex55', 'exch55', 'exchange 5.5'],
  ['ex2k', 'exchange 2000'],
  ['wfw', 'windows for workgroups'],
];

/**
 * Service packs as tickets write them, "sp3", "sp6a"; the articles' titles and fix lines say
 * "Service Pack 3". Not versions of a product (versions.ts does not read them).
 */
export const SERVICE_PACKS: readonly (readonly string[])[] = ['1', '2', '3', '4', '5', '6', '6a'].map((n) => [
  'sp' + n,
  'service pack ' + n,
]);

/**
 * Short overview queries (searchtokens): an agent asks for "new features" or a product's short
 * name where the overview article's title says "What's New in ..." or spells the product out.
 * Kept apart so it can be merged or dropped on its own.
 */
export const OVERVIEW_SYNONYMS: readonly (readonly string[])[] = [
  // "What's New" is cut into "what", "s", "new" like any title.
  ['new features', 'what s new', 'whats new'],
];

/**
 * Words agents write as one that the archive hyphenates after a single letter ("E-Mail Editor",
 * "E-mail Client"): split.ts needs halves of three letters, so "email" found no such title.
 */
export const ONE_LETTER_PREFIXED: readonly (readonly string[])[] = [['email', 'e mail']];

/** Product short names written with their symbols dropped: "vc++" is "vc" to the tokenizer. */
export const SHORTHAND_PRODUCTS: readonly (readonly string[])[] = [['vc', 'msvc', 'visual c']];

/**
 * Words agents cut short in a search box ("app hangs", "sys reqs", "17 secs", "err msg"); the
 * articles spell them out. The archive's own acronyms ("DL", "NIC", "GUI") come from aliases.ts,
 * and a cut-short word the archive itself uses less than its completions ("config", "perf") from
 * expand.ts: these are the ones the archive writes as other words or as files ("app", "doc",
 * "sys"), so neither finds them. Phrases are stemmed: "apps", "docs", "reqs" match too.
 */
export const ABBREVIATIONS: readonly (readonly string[])[] = [
  ['app', 'application', 'program'],
  ['doc', 'document'],
  ['info', 'information'],
  ['dir', 'directory'],
  ['sec', 'seconds'],
  ['req', 'requirements'],
  ['sys req', 'system requirements'],
  ['env', 'environment'],
  ['db', 'database'],
  ['pwd', 'passwd', 'password'],
  ['mgr', 'manager'],
  ['svc', 'service'],
  ['msg', 'message'],
  ['err', 'error'],
  ['addr', 'address'],
  ['acct', 'account'],
  ['prop', 'property'],
  ['prefs', 'preferences'],
  ['attr', 'attribute'],
  ['pic', 'picture'],
  ['img', 'image'],
  ['btn', 'button'],
  ['kbd', 'keyboard'],
  ['hdd', 'hard disk'],
];
