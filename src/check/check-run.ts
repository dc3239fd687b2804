// Checking as the Node API and the command line share it: inputs expanded, options defaulted,
// one run-wide lookup service opened and closed; the command line adds only what it reports besides.
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../model.js';
import { checkFiles, type ManifestSource } from './run.js';
import { expandInputs, parseShard } from './inputs.js';
import { ImageInspector } from '../facts/images.js';
import { DomainLookupService } from '../facts/domains/lookup.js';
import { todayInChina } from '../facts/dates.js';
import { parseManifestText, Positions, schemaFindings, type LoadResult } from '../manifest/load.js';
import { manifestSchema } from '../manifest/schema.js';
import { readSuffixList } from '../commands/tld-list.js';
import { UsageError } from '../errors.js';
import type { CheckInput, CheckOptions, ManifestInput, Shard } from './check-options.js';

export type { CheckInput, CheckOptions, ManifestInput, Shard };

/** What the command line needs besides the report. */
export interface CheckRun {
  report: Report;
  /** YAML files in folders or globs that did not look like manifests. */
  skipped: string[];
}

function inlineSource(input: ManifestInput, index: number, cwd: string): ManifestSource {
  const file = path.resolve(cwd, input.file ?? `inline-${index + 1}.yaml`);
  return {
    file: input.file ?? path.relative(cwd, file),
    load: async (): Promise<LoadResult> => {
      if (typeof input.manifest === 'string') return parseManifestText(input.manifest);
      const parsed = manifestSchema.safeParse(input.manifest, { reportInput: true });
      if (!parsed.success) return { ok: false, findings: schemaFindings(parsed.error), positions: Positions.none() };
      return { ok: true, manifest: parsed.data, positions: Positions.none() };
    },
  };
}

/** `check` with what the command line reports besides (skipped files); throws UsageError for inputs that name nothing. */
export async function runCheck(inputs: CheckInput | CheckInput[], options: CheckOptions = {}, extra: { sources?: ManifestSource[] } = {}): Promise<CheckRun> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const paths = list.filter((i): i is string => typeof i === 'string');
  const inline = list.filter((i): i is ManifestInput => typeof i !== 'string').map((i, n) => inlineSource(i, n, cwd));
  const shard = typeof options.shard === 'string' ? parseShardOption(options.shard) : options.shard;
  const expanded = paths.length > 0 ? await expandInputs(paths, { shard, cwd }) : { files: [], skipped: [], missing: [] };
  if (expanded.missing.length > 0) throw new UsageError(`no such file, folder or matching glob: ${expanded.missing.join(', ')}`);
  const sources = [...(extra.sources ?? []), ...inline];
  if (paths.length > 0 && expanded.files.length === 0 && sources.length === 0 && !shard) {
    throw new UsageError(
      `no manifests found in ${paths.join(', ')}${expanded.skipped.length ? ` (${expanded.skipped.length} YAML files without \`version\` and \`entity\` were skipped)` : ''}`,
    );
  }
  // Paths relative to `cwd` when it is not the process's own folder.
  const files = cwd === process.cwd() ? expanded.files : expanded.files.map((f) => path.resolve(cwd, f));
  options.onInputs?.([...sources.map((s) => s.file), ...files]);
  const approvedSuffixes = [...(options.approvedSuffixes ?? []), ...(options.tldList ? await readSuffixList(path.resolve(cwd, options.tldList)) : [])];
  const date = options.date ?? todayInChina();
  const domains = new DomainLookupService({
    offline: options.offline ?? false,
    useCache: options.cache ?? true,
    cacheDir: options.cacheDir,
    timeoutMs: options.whoisTimeout ?? 10_000,
    whoisServer: options.whoisServer,
    rdapUrl: options.rdapUrl,
  });
  try {
    const report = await checkFiles(
      [...sources, ...files],
      {
        date,
        offline: options.offline ?? false,
        approvedSuffixes,
        lang: options.lang ?? 'en',
        concurrency: options.concurrency ?? Math.max(4, os.availableParallelism() * 4),
        onProgress: options.onProgress,
      },
      { images: new ImageInspector(), domains },
    );
    return { report, skipped: expanded.skipped };
  } finally {
    await domains.close();
  }
}

function parseShardOption(text: string): Shard {
  try {
    return parseShard(text);
  } catch (err) {
    throw new UsageError(`--shard: ${(err as Error).message}`);
  }
}
