// The sources rules cite (regulations/sources.yaml): a rule's `source` is a list of citations
// separated by `;`, each starting with a short name; a reader gets the title, publisher, date and
// public address of each, in the report's language.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Lang, Text } from '../model.js';
import { parseDataFile } from '../regulations/compiled.js';
import { message } from './catalogue/index.js';
import { memoise } from '../memo.js';

export const SOURCES_FILE = fileURLToPath(new URL('../../regulations/sources.yaml', import.meta.url));

const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
const source = z.strictObject({ title: text, publisher: text, date: z.string().min(1).optional(), url: z.string().url().optional() });
const sourcesFile = z.strictObject({ sources: z.record(z.string().min(1), source) });

export type SourceEntry = z.output<typeof source>;

/** A source as the JSON report gives it, in one language. */
export interface ReportSource {
  title: string;
  publisher: string;
  date?: string;
  url?: string;
}

let loaded: Record<string, SourceEntry> | undefined;

export function sourceTable(): Record<string, SourceEntry> {
  loaded ??= parseDataFile(sourcesFile, readFileSync(SOURCES_FILE, 'utf8'), SOURCES_FILE).sources;
  return loaded;
}

/** The short name a citation starts with (the longest that fits), if the table knows it; once per citation, as every finding asks. */
export const sourceKeyOf: (citation: string) => string | undefined = memoise((citation) => sourceKeyUncached(citation));

function sourceKeyUncached(citation: string): string | undefined {
  const c = citation.trim();
  let best: string | undefined;
  for (const key of Object.keys(sourceTable())) {
    if ((c === key || c.startsWith(`${key} `) || c.startsWith(`${key}:`)) && (!best || key.length > best.length)) best = key;
  }
  return best;
}

/** The citations of a rule's `source`. */
export const citationsOf = (source: string): string[] =>
  source
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** Every known short name a list of `source` strings cites, with its entry in `lang`. */
export function sourcesCited(sources: Iterable<string>, lang: Lang): Record<string, ReportSource> {
  const out: Record<string, ReportSource> = {};
  const keys = new Set<string>();
  // A report cites the same few rule sources once per finding: each distinct one is read once.
  const distinct = new Set(sources);
  for (const s of distinct)
    for (const c of citationsOf(s)) {
      const key = sourceKeyOf(c);
      if (key) keys.add(key);
    }
  for (const key of [...keys].sort()) out[key] = describeSource(sourceTable()[key]!, lang);
  return out;
}

export function describeSource(entry: SourceEntry, lang: Lang): ReportSource {
  const pick = (t: Text) => t[lang];
  return { title: pick(entry.title), publisher: pick(entry.publisher), ...(entry.date ? { date: entry.date } : {}), ...(entry.url ? { url: entry.url } : {}) };
}

/** One line naming a source: title, publisher, date, address. */
export function sourceLine(key: string, lang: Lang): string | undefined {
  const entry = sourceTable()[key];
  if (!entry) return undefined;
  const d = describeSource(entry, lang);
  return [d.title, d.publisher, d.date, d.url].filter(Boolean).join(message('source.separator', undefined, lang));
}

/**
 * A rule's `source` as a reader of `lang` sees it. English keeps the citation as written; Chinese
 * names each known source by its Chinese title with the section or table it points at (the
 * English headings quoted after it are the seed's own words, listed by `explain`).
 */
export function citationText(source: string, lang: Lang): string {
  if (lang === 'en') return source;
  return citationsOf(source)
    .map((c) => {
      const key = sourceKeyOf(c);
      if (!key) return c;
      const rest = c.slice(key.length);
      const marks = [...rest.matchAll(/§\s?[\d.]+|Table \d+-\d+|step \d+/g)].map((m) =>
        m[0].startsWith('Table')
          ? message('source.table', { n: m[0].slice(6) }, lang)
          : m[0].startsWith('step')
            ? message('source.step', { n: m[0].slice(5) }, lang)
            : m[0].replace(' ', ''),
      );
      return message('source.cite', { title: sourceTable()[key]!.title[lang], at: marks.join(' ') }, lang).trim();
    })
    .join(message('source.citationSeparator', undefined, lang));
}
