/** What the matcher finds, one kind per highlight colour: the one list every context uses. */
export const MATCH_KINDS = ['q', 'ndr', 'error', 'build'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
