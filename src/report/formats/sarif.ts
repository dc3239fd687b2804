// SARIF 2.1.0 for code-scanning views (GitHub, Azure DevOps, IDE viewers): one run, the rules that
// reported anything as `tool.driver.rules`, one result per failure, warning or point to confirm (notes
// only with `--sarif-notes`, so a ready filing leaves no alert) and per missing document no failing
// finding names. Every result has a region: code scanning shows none without a start line.
import { pathToFileURL } from 'node:url';
import type { FilingReport, Finding, Lang, Report, RequiredDocument, Status } from '../../model.js';
import { documentKindName } from '../document-kinds.js';
import { message } from '../catalogue/index.js';
import { citationText } from '../sources.js';
import { holderName } from '../catalogue/names.js';
import type { RuleMeta } from '../../rules/types.js';
import { cleanText as stripControl } from './outside-text.js';
import { DEFAULT_TOOL_URI, type FormatContext, type Formatter } from './context.js';
import { nestedJson } from './json-text.js';
import { type Spool, type StreamFormat, streamReport } from './stream.js';
import { isFailing, repositoryFile, sortFindings } from './finding-groups.js';

type Level = 'error' | 'warning' | 'note' | 'none';

/** fail → error, warn/unknown → warning, info → note; under `--strict` warnings are errors. */
export function sarifLevel(status: Status, strict?: boolean): Level {
  if (isFailing(status, strict)) return 'error';
  if (status === 'warn' || status === 'unknown') return 'warning';
  if (status === 'info') return 'note';
  return 'none';
}

/** Percent-encodes each segment so non-ASCII file names still form a valid URI reference. */
function uriReference(relative: string): string {
  return stripControl(relative)
    .split('/')
    .map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg)))
    .join('/');
}

const SRCROOT = 'SRCROOT';

/** A region on the given line, or on the first line when the place is not known (an unreadable manifest). */
function region(line: number | undefined, column: number | undefined): Record<string, number> {
  const startLine = line !== undefined && line >= 1 ? line : 1;
  return column !== undefined && column >= 1 && startLine === line ? { startLine, startColumn: column } : { startLine };
}
/** The rule a missing document is reported under when no rule is named for it. */
const MISSING_RULE = 'document/required';

function ruleDescriptor(id: string, meta: RuleMeta | undefined, sample: Finding | undefined, ctx: FormatContext): Record<string, unknown> {
  const source = stripControl(meta?.source ?? sample?.source ?? '');
  const title = stripControl(meta?.title[ctx.lang] ?? id);
  const explain = stripControl(meta?.explain[ctx.lang] ?? title, true);
  const help = [
    explain,
    meta?.quote ? `“${stripControl(meta.quote, true)}”` : '',
    source ? `${message('explain.source', undefined, ctx.lang)}: ${stripControl(citationText(source, ctx.lang))}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const area = id.split('/')[0] ?? id;
  return {
    id,
    name: id,
    shortDescription: { text: title },
    fullDescription: { text: explain },
    help: { text: help },
    properties: {
      source,
      tags: [area, ...(meta?.province ? [meta.province] : [])],
    },
  };
}

function resultMessage(f: Finding): string {
  const message = stripControl(f.message, true);
  return f.fix ? `${message}\n${stripControl(f.fix, true)}` : message;
}

/** Missing documents that no failing finding names: they block the filing, so each is a result too. */
function unnamedMissing(filing: FilingReport, strict: boolean | undefined): RequiredDocument[] {
  const named = new Set(filing.findings.filter((f) => isFailing(f.status, strict)).flatMap((f) => f.documents ?? []));
  return filing.documents.filter((d) => d.required && !d.provided && !d.reportedBy && !named.has(d.kind));
}

function missingText(d: RequiredDocument, lang: Lang): string {
  const name = stripControl(documentKindName(d.kind, lang));
  const holder = stripControl(holderName(d.for, lang));
  return message('ci.missingDocument', { name, kind: d.kind, holder }, lang);
}

/** A stand-in for a result's `ruleIndex`, known only once every rule that reported is: `"\u0000rule:<id>"`. */
const INDEX_MARK = '\u0000rule:';
const INDEX_LINE = /^(\s*"ruleIndex": )"\\u0000rule:((?:[^"\\]|\\.)*)"(,?)$/;

/** The results of one filing, each with its rule's index still to be filled in. */
function filingResults(filing: FilingReport, uri: string, findings: Finding[], missing: RequiredDocument[], ctx: FormatContext): Record<string, unknown>[] {
  const results: Record<string, unknown>[] = [];
  for (const f of findings) {
    const physicalLocation: Record<string, unknown> = { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(f.line, f.column) };
    const location: Record<string, unknown> = { physicalLocation };
    if (f.path) location.logicalLocations = [{ fullyQualifiedName: stripControl(f.path), kind: 'property' }];
    const properties: Record<string, unknown> = { status: f.status, verdict: filing.verdict };
    if (f.source) properties.source = stripControl(f.source);
    if (f.documents?.length) properties.documents = f.documents.map((d) => stripControl(d));
    if (f.alsoRequiredBy?.length) properties.alsoRequiredBy = f.alsoRequiredBy;
    const result: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: `${INDEX_MARK}${f.rule}`,
      level: sarifLevel(f.status, ctx.strict),
      message: { text: resultMessage(f) },
      locations: [location],
      properties,
    };
    // An accepted finding is a suppressed result: viewers show it as dismissed, with the reason.
    if (f.accepted) {
      result.suppressions = [{ kind: 'external', status: 'accepted', justification: stripControl(`${f.accepted.reason} (until ${f.accepted.until}; ${f.accepted.entry})`, true) }];
    }
    results.push(result);
  }
  for (const d of missing) {
    const rule = d.rules[0] ?? MISSING_RULE;
    results.push({
      ruleId: rule,
      ruleIndex: `${INDEX_MARK}${rule}`,
      level: 'error',
      message: { text: missingText(d, ctx.lang) },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(d.line, d.column) },
          logicalLocations: [{ fullyQualifiedName: stripControl(d.for), kind: 'property' }],
        },
      ],
      properties: { status: 'missing-document', verdict: filing.verdict, documents: [stripControl(d.kind)] },
    });
  }
  return results;
}

/**
 * One run: the rules that reported anything (known at the end) head the log, so artifacts,
 * results and the filings' summaries wait in spools; each result's `ruleIndex` is filled in as
 * its spool is read back.
 */
export const sarifStream: StreamFormat = (head, ctx, spools) => {
  const artifacts = spools.spool();
  const results = spools.spool();
  const filings = spools.spool();
  let resultCount = 0;
  const samples = new Map<string, Finding | undefined>();
  const item = (spool: Spool, value: unknown, depth: number, first: boolean) => spool.append(`${first ? '' : ',\n'}${' '.repeat(2 * depth)}${nestedJson(value, depth)}`);
  return {
    begin: () => [],
    filing(filing, index) {
      const uri = uriReference(repositoryFile(filing, ctx));
      // -q: only what fails the run (under --strict warnings and unknowns too); notes only with --sarif-notes.
      const findings = sortFindings(
        filing.findings.filter((f) => f.status !== 'pass' && (f.status !== 'info' || ctx.notes === true) && (!ctx.quiet || isFailing(f.status, ctx.strict))),
      );
      const missing = unnamedMissing(filing, ctx.strict);
      for (const f of findings) if (!samples.get(f.rule)) samples.set(f.rule, f);
      for (const d of missing) if (!samples.has(d.rules[0] ?? MISSING_RULE)) samples.set(d.rules[0] ?? MISSING_RULE, undefined);
      item(artifacts, { location: { uri, uriBaseId: SRCROOT }, roles: ['analysisTarget'] }, 4, index === 0);
      for (const r of filingResults(filing, uri, findings, missing, ctx)) item(results, r, 4, resultCount++ === 0);
      item(filings, { file: repositoryFile(filing, ctx), verdict: filing.verdict, summary: filing.summary, ...datesOf(filing) }, 5, index === 0);
      return [];
    },
    *end() {
      const ruleIds = [...samples.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
      const rules = ruleIds.map((id) => ruleDescriptor(id, ctx.rules.get(id), samples.get(id), ctx));
      const srcRoot = ctx.root ?? ctx.cwd;
      const tool = {
        driver: {
          name: head.tool.name,
          version: head.tool.version,
          semanticVersion: head.tool.version,
          informationUri: ctx.toolUri ?? DEFAULT_TOOL_URI,
          rules,
        },
      };
      const baseIds = { [SRCROOT]: { uri: pathToFileURL(srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/`).href } };
      const list = function* (name: string, spool: Spool, depth: number, lines?: (line: string) => string): Generator<string> {
        const pad = ' '.repeat(2 * depth);
        if (spool.empty) {
          yield `${pad}${JSON.stringify(name)}: []`;
          return;
        }
        yield `${pad}${JSON.stringify(name)}: [\n`;
        if (lines) for (const line of spool.lines()) yield `${lines(line)}\n`;
        else {
          yield* spool.read();
          yield '\n';
        }
        yield `${pad}]`;
      };
      const fill = (line: string) => {
        const m = INDEX_LINE.exec(line);
        return m ? `${m[1]}${ruleIndex.get(JSON.parse(`"${m[2]}"`) as string)}${m[3]}` : line;
      };
      yield `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n`;
      yield `      "tool": ${nestedJson(tool, 3)},\n      "language": ${JSON.stringify(ctx.lang)},\n      "originalUriBaseIds": ${nestedJson(baseIds, 3)},\n`;
      yield* list('artifacts', artifacts, 3);
      yield ',\n';
      yield* list('results', results, 3, fill);
      yield ',\n      "properties": {\n';
      yield `        "date": ${JSON.stringify(head.date)},\n        "rulesDate": ${JSON.stringify(head.tool.rulesDate)},\n`;
      yield* list('filings', filings, 4);
      yield '\n      }\n    }\n  ]\n}\n';
    },
  };
};

/** The SARIF log as one text. */
export const sarif: Formatter = (report, ctx) => [...sarifChunks(report, ctx)].join('');

/** The same text as `sarif`, in pieces, for reports too large for one string. */
export const sarifChunks = (report: Report, ctx: FormatContext) => streamReport(sarifStream, report, ctx);

/** `submitFrom` and `readyUntil` of a filing (src/report/validity.ts), outside text made safe. */
function datesOf(f: FilingReport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (f.submitFrom) out.submitFrom = { ...f.submitFrom, path: stripControl(f.submitFrom.path), reason: stripControl(f.submitFrom.reason) };
  if (f.readyUntil) out.readyUntil = { ...f.readyUntil, path: stripControl(f.readyUntil.path), reason: stripControl(f.readyUntil.reason) };
  return out;
}
