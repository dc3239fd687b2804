// Names of the document kinds for people to read (the table lives in ./catalogue/document-kinds.ts).
import type { Lang } from '../model.js';
import { nameOf } from './catalogue/names.js';

export function documentKindName(kind: string, lang: Lang): string {
  return nameOf('documentKind', kind, lang);
}
