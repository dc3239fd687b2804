// `JSON.stringify(value, null, 2)` in pieces: the outer levels are walked, the inner ones
// stringified whole, so a report of any number of filings is written without one giant string
// (V8 refuses strings beyond about 512 MB). Joined, the pieces equal `JSON.stringify(value, null, 2)`.

function isWalkable(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

const indented = (text: string, indent: string) => (indent === '' ? text : text.replace(/\n/g, `\n${indent}`));

/** Pieces of the JSON text of `value`, walking `depth` levels of arrays and objects. */
export function* jsonChunks(value: unknown, depth = 3, indent = ''): Generator<string> {
  if (depth <= 0 || !isWalkable(value)) {
    // Inside an array, what JSON cannot hold is written as null, as JSON.stringify does.
    yield indented(JSON.stringify(value, null, 2) ?? 'null', indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      yield* jsonChunks(value[i], depth - 1, inner);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${inner}${JSON.stringify(k)}: `;
    yield* jsonChunks(v, depth - 1, inner);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}
