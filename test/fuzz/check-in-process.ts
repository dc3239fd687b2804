// The check the command line runs (load, normalise, gather, evaluate, report, exit code), called
// in-process so thousands of manifests cost milliseconds each, plus the report's JSON Schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { Report } from '../../src/model.js';
import { checkFiles, exitCodeOf } from '../../src/check/run.js';
import { ImageInspector } from '../../src/facts/images.js';
import { DomainLookupService, type LookupOptions } from '../../src/facts/domains/lookup.js';
import { FORMATTERS } from '../../src/report/formats/index.js';
import { ruleIndex } from '../../src/rules/registry.js';
import type { Lang } from '../../src/model.js';

export const REPORT_SCHEMA_FILE = fileURLToPath(new URL('../../schema/icp-report.schema.json', import.meta.url));

/** A compiled validator of the JSON report; `errors` lists what failed. */
export function reportValidator() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(REPORT_SCHEMA_FILE, 'utf8')) as object);
}

export interface InProcessResult {
  report: Report;
  /** What `main()` would return: 0, 1 or 2. */
  exitCode: number;
  /** `--format json` exactly as the command writes it. */
  json: string;
}

export interface InProcessOptions {
  date?: string;
  lang?: Lang;
  strict?: boolean;
  /** Lookup options; offline without a cache unless given. */
  lookups?: Partial<LookupOptions>;
}

/** Checks manifests as `icp-check --format json` would, without a process per run. */
export async function checkInProcess(files: string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  const lookups: LookupOptions = { offline: true, useCache: false, timeoutMs: 1000, ...options.lookups };
  const domains = new DomainLookupService(lookups);
  try {
    const report = await checkFiles(
      files,
      { date: options.date ?? '2026-11-26', offline: lookups.offline, approvedSuffixes: [], lang: options.lang ?? 'en', concurrency: 2 },
      { images: new ImageInspector(), domains },
    );
    const json = FORMATTERS.json(report, { lang: options.lang ?? 'en', rules: ruleIndex(), cwd: process.cwd() });
    return { report, exitCode: exitCodeOf(report, options.strict ?? false), json };
  } finally {
    await domains.close();
  }
}

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
