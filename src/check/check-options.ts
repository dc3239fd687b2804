// The options of a check, as the Node API takes them (the command line maps its flags onto them).
import type { Lang } from '../model.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** A manifest given as YAML text or as an object rather than a file path. */
export interface ManifestInput {
  /** The manifest: YAML text, or the object it would parse to. */
  manifest: string | Record<string, unknown>;
  /** Its name in the report; image paths in it are relative to this file's folder. Default `inline-<n>.yaml` in `cwd`. */
  file?: string;
}

export type CheckInput = string | ManifestInput;

export interface CheckOptions {
  /** The folder paths and globs are relative to; default `process.cwd()`. */
  cwd?: string;
  /** Check as of this day (YYYY-MM-DD, China Standard Time); default today. */
  date?: string;
  /** Language of messages; default English. */
  lang?: Lang;
  /** No network: WHOIS/RDAP from the cache and the manifest's declared facts only. */
  offline?: boolean;
  /** Read and write the WHOIS/RDAP cache (default true). */
  cache?: boolean;
  /** The cache folder; default `~/.cache/icp-check`. */
  cacheDir?: string;
  /** Send every WHOIS query to this `host:port`. */
  whoisServer?: string;
  /** Send every RDAP query to this base URL. */
  rdapUrl?: string;
  /** Timeout per WHOIS/RDAP request in milliseconds; default 10 000. */
  whoisTimeout?: number;
  /** Filings checked at once; default from the core count. */
  concurrency?: number;
  /** Worker threads checking filings beside the main thread, each on a core of its own and with its own memory; default none. */
  workers?: number;
  /** Approved domain suffixes beyond `regulations/tlds.yaml`. */
  approvedSuffixes?: string[];
  /** A file of approved suffixes, one per line (`--tld-list`). */
  tldList?: string;
  /** Only the i-th of n deterministic shards of the inputs: `"2/4"` or `{ index: 2, count: 4 }`. */
  shard?: string | Shard;
  /**
   * A config file to read (relative to `cwd`), or false for none. By default the nearest
   * `icp-check.config.yaml` at or above `cwd` (not above a `.git` folder) applies; these options win over it.
   */
  config?: string | false;
  /** Registrars beyond regulations/registrars.yaml, by the name WHOIS prints (approved unless `approved: false`). */
  registrars?: Array<{ name: string; aliases?: string[]; approved?: boolean; foreign?: boolean }>;
  /** Waivers: findings accepted with a reason until a date (as `accept:` in a manifest or the config). */
  accept?: Array<{ rule: string; path?: string; files?: string; reason: string; until: string }>;
  /** Called with the manifests found, before any is checked; may throw to stop the run. */
  onInputs?: (files: string[]) => void;
  /** Called after each filing. */
  onProgress?: (done: number, total: number) => void;
}
