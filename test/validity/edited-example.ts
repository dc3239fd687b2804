// Copies of the bundled examples (their images too) with an edit applied to the manifest, in a
// temporary folder removed after the test file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import YAML from 'yaml';
import { REPO_ROOT } from '../fuzz/check-in-process.js';

/** A function that copies an example and edits its manifest, returning the manifest's path. */
export function editedExamples(prefix: string): (name: string, edit?: (doc: YAML.Document) => void) => string {
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  return (name, edit = () => {}) => {
    const dir = path.join(tmp, `${name}-${n++}`);
    cpSync(path.join(REPO_ROOT, 'examples', name), dir, { recursive: true });
    const file = path.join(dir, 'manifest.yaml');
    const doc = YAML.parseDocument(readFileSync(file, 'utf8'));
    edit(doc);
    writeFileSync(file, doc.toString());
    return file;
  };
}
