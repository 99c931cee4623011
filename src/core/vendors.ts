/**
 * Other software and hardware makers of the archive's era, as articles name them: an article sends
 * the reader to them for their own update (core/article/fixes), and a ticket's KB number after one
 * of them is theirs, not Microsoft's (core/match/kb-refs). Plain names only: a regex alternation.
 */
export const ERA_MAKERS: readonly string[] = [
  'Novell',
  'IBM',
  'Lotus',
  'Netscape',
  'Apple',
  'Compaq',
  'Hewlett-Packard',
  'HP',
  'Symantec',
  'Banyan',
  'Citrix',
  'Adobe',
  'Corel',
  'Intel',
  'Dell',
  'Gateway',
  'Toshiba',
  'Creative Labs',
  'Qualcomm',
  'McAfee',
  'Oracle',
  'Sybase',
  'Attachmate',
  'Wall Data',
  // Makers known by their initials, whom an article sends the reader to by those alone.
  'NEC',
  'ATI',
  'AST',
  'NCR',
  'SMC',
  'DPT',
];
