/**
 * IAM's wildcard matching for policy elements: `*` matches any run of characters (none
 * included), `?` exactly one, everything else itself. Actions compare case-insensitively,
 * ARNs and other resource names case-sensitively.
 *
 * Greedy matching that only ever returns to the most recent `*`: a later `*` can absorb
 * whatever an earlier one would have, so earlier choices never need revisiting. That bounds the
 * work by pattern length × value length, however many `*` and `?` a policy holds (a regex with
 * one `.*` per star backtracks exponentially on such patterns).
 */
export function globMatch(pattern: string, value: string, options: { ignoreCase?: boolean } = {}): boolean {
  const fold = (text: string) => Array.from(options.ignoreCase ? text.toLowerCase() : text);
  const p = fold(pattern);
  const v = fold(value);
  let pi = 0;
  let vi = 0;
  // Where the last `*` was seen, and how much of the value it absorbs so far.
  let starAt = -1;
  let starValue = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === v[vi]))) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      starAt = pi++;
      starValue = vi;
    } else if (starAt >= 0) {
      pi = starAt + 1;
      vi = ++starValue;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** IAM action matching (`s3:Get*`): case-insensitive. */
export function actionGlobMatch(pattern: string, action: string): boolean {
  return globMatch(pattern, action, { ignoreCase: true });
}

/** IAM resource matching (`arn:aws:s3:::logs/*`): case-sensitive, as ARNs are. */
export function resourceGlobMatch(pattern: string, arn: string): boolean {
  return globMatch(pattern, arn);
}
