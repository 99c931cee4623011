/**
 * Fixes the ticket names by their article or their file and says are installed: "the Q160460 fix
 * has been applied", "SP3 + the hotfix (Snanls.dll from Q286560)", "the Rasrad.dll hotfix is applied
 * to the server", "the hotfix from that article is on both servers". An article whose own number or
 * fixed file is among them has its fix on the ticket's machine, whatever its level (verdict.ts). A
 * hotfix named after another article ("after we put on the Q188880 fix") says nothing of this one.
 */

// A sentence ends at a stop before a space, not inside "4.0" or "Rasrad.dll".
// Each sentence keeps its stop: a question asks, it does not say the fix is on.
const SENTENCE_RE = /(?:[^.!?;\n]|[.!?;](?![\s\u00a0]|$))+(?:[.!?;]|\n|$)/g;
const FIX_WORD_RE = /(?<![\w])(?:hot)?fix(?:es)?(?![\w])|(?<![\w])(?:QFEs?|patch(?:es)?)(?![\w])/i;
// Said as on: "applied", "installed", "is on", "put on", "+ the hotfix", "with the hotfix".
const ON_RE =
  /(?<![\w])(?:applied|installed|deployed|(?:is|are|was|were|put|now)[\s\u00a0]{1,3}on(?![\w])|plus|with[\s\u00a0]{1,3}the)(?![\w])|\+/i;
// Denied, to come, asked, or taken off again: no statement that it is on.
const NOT_ON_RE =
  /(?<![\w])(?:no|not|never|without|none|n't|yet|pending|plan(?:s|ned|ning)?|will|should|shall|would|could|need(?:s|ed)?|must|going|want(?:s|ed)?|if|whether|before|once|removed|uninstalled|rolled|backed|reverted)(?![\w])|n't(?![\w])/i;
// A question that asks whether it is on: "Is the Q123456 hotfix installed?".
const ASKS_RE = /^[\s\u00a0]*(?:is|are|was|were|has|have|do|does|did|should|shall|can|could|would|will)(?![\w])[^]*\?/i;
const Q_RE = /(?<![\w])(?:Q|KB[\s\u00a0]?)(\d{5,7})(?![\w])/gi;
const FILE_RE = /(?<![\w.-])([\w-]{1,40}\.(?:exe|dll|sys|ocx|cpl|drv|vxd))(?![\w])/gi;
const THIS_ARTICLE_RE =
  /(?<![\w])(?:from|in|of|per)[\s\u00a0]{1,3}(?:that|this|the)[\s\u00a0]{1,3}(?:KB|article|KB[\s\u00a0]{1,3}article)(?![\w])/i;

/** Lower-case Q numbers ("q160460") and file names ("rasrad.dll") of fixes the ticket says are installed. */
export function findInstalledFixes(text: string): string[] {
  const cited = new Set([...text.matchAll(Q_RE)].map((m) => m[1]!));
  const out = new Set<string>();
  for (const [sentence] of text.matchAll(SENTENCE_RE)) {
    if (!FIX_WORD_RE.test(sentence) || !ON_RE.test(sentence) || NOT_ON_RE.test(sentence) || ASKS_RE.test(sentence))
      continue;
    for (const m of sentence.matchAll(Q_RE)) out.add(`q${m[1]}`);
    for (const m of sentence.matchAll(FILE_RE)) out.add(m[1]!.toLowerCase());
    // "the hotfix from that article": the one article the ticket cites.
    if (THIS_ARTICLE_RE.test(sentence) && cited.size === 1) out.add(`q${[...cited][0]}`);
  }
  return [...out];
}
