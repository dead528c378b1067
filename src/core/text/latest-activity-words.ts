/**
 * Words that name the activity logged last instead of its id: "the last one", "my most recent
 * entry", "the one I just did", "it". Which one they mean is a guess (the last logged, or the last
 * `history` shows), so `delete` and `edit` answer them with the latest log and the line to type.
 */
const DID = String.raw`(?:did|logged|added|entered|made|put in)`;
const LATEST = new RegExp(
  [
    String.raw`^(?:(?:the|my|that)\s+)?(?:last|latest|newest|most\s+recent|previous)(?:\s+(?:one|entry|activity|log|item))?(?:\s+i\s+${DID})?$`,
    String.raw`^(?:(?:the|that)\s+)?(?:one|entry|activity|log)\s+i\s+(?:just\s+)?${DID}$`,
    String.raw`^what\s+i\s+just\s+${DID}$`,
    String.raw`^(?:it|that|this)(?:\s+one)?$`,
  ].join('|'),
  'i',
);

/** How many of the first words name the latest activity (the most that do), or 0 when they do not. */
export function latestActivityWords(words: readonly string[]): number {
  for (let count = Math.min(words.length, 7); count >= 1; count--) {
    if (LATEST.test(words.slice(0, count).join(' ').replace(/[,;:.!]+$/, ''))) return count;
  }
  return 0;
}
