// Answers kept per argument for functions asked the same question again and again (names, domains,
// templates, citations), and for no more than the most recent few thousand arguments, so that a run's
// memory does not grow with its number of filings. A key is kept as a copy of its own: a value read
// from YAML is a slice of the manifest's text, and holding the slice would hold the whole text.

/** A copy of a string that shares nothing with the string it came from. */
export function ownString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** Adds to a map, forgetting its oldest entry beyond `max`. */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

/** `fn`, answering each distinct string once (the most recent `max` of them); `fn` is given the key's own copy. */
export function memoise<R>(fn: (key: string) => R, max = 10_000): (key: string) => R {
  const answers = new Map<string, R>();
  return (key) => {
    if (answers.has(key)) return answers.get(key) as R;
    const own = ownString(key);
    const answer = fn(own);
    remember(answers, own, answer, max);
    return answer;
  };
}
