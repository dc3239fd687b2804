// JSON text as `JSON.stringify(value, null, 2)` writes it, for a value nested in a larger document
// that is written in pieces (the JSON report, SARIF).

/** `JSON.stringify(value, null, 2)` as it appears `depth` levels deep (two spaces each); `null` for what JSON cannot hold. */
export function nestedJson(value: unknown, depth: number): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${'  '.repeat(depth)}`);
}
