/**
 * Bounces read as a whole: where each report is, who failed, why (sisimai's reason vocabulary),
 * and what the agent should do about it. Pure: runs in the CLI, the service worker and the page.
 *
 *   const bounces = findBounces(text);          // [{start, end, recipients, reportingMta, generation}]
 *   explainReason(bounces[0].recipients[0].reason) // {label, what, who, next, temporary}
 */
export { findBounces, reasonForMatch, recipientForMatch } from './find';
export { classify, reasonFromStatus, reasonFromText, reasonFromNdrClass } from './classify';
export { EXPLANATIONS, ACTOR_LABEL, explainReason, type Explanation, type Actor } from './explanations';
export { REASONS, type Reason, type Bounce, type BounceRecipient, type Generation } from './types';
export { withBounces, type ScanResult, type BounceMatch } from './annotate';
export { addBounceMatches } from './bounce-matches';
export { withoutOtherEraArticles } from './era';
export { tagBounceMatches, type TaggedMatch } from './tag-matches';
