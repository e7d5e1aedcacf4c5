// "Did you mean …?" for a misspelt word: the nearest of the valid options by edit distance.

/** Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The option nearest to `word` (case ignored), if it is at most `maxDistance` edits away. */
export function nearest(word: string, options: readonly string[], maxDistance = 2): string | undefined {
  let best: { option: string; distance: number } | undefined;
  for (const option of options) {
    const distance = editDistance(word.toLowerCase(), option.toLowerCase());
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { option, distance };
  }
  return best?.option;
}

/** ` (did you mean "carts"?)` when `word` is near one of `options`, otherwise nothing. */
export function didYouMean(word: string, options: readonly string[]): string {
  const near = nearest(word, options);
  return near !== undefined && near !== word ? ` (did you mean "${near}"?)` : '';
}
