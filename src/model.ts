// The report model: what checks produce and what every renderer reads (CONTRACT.md, "The JSON report").

export type Status = 'fail' | 'warn' | 'pass' | 'unknown' | 'info';
export type Verdict = 'ready' | 'ready-with-warnings' | 'blocked' | 'invalid';
export type Lang = 'en' | 'zh';

/** Text in both languages of the product. */
export interface Text {
  en: string;
  zh: string;
}

export type Args = Record<string, string | number | boolean | undefined>;

/** A document a rule demands: `kind` from CONTRACT.md "Document kinds"; `for` names its holder. */
export interface DocumentDemand {
  kind: string;
  /** A manifest path (`websites[2]`), a domain, or a role (`principal`, `admin`, `legalRepresentative`). */
  for: string;
}

/**
 * What a check returns: flat and serialisable. Words come later, from the rule's catalogue,
 * so the same finding renders in English, Chinese, JSON and SARIF.
 */
export interface RawFinding {
  rule: string;
  status: Status;
  /** Path into the manifest, e.g. `websites[0].domains[1]`; '' for the whole filing. */
  path: string;
  /** Key into the rule's `messages`; defaults to the status. */
  key?: string;
  args?: Args;
  documents?: DocumentDemand[];
  /** Ready-made text (province data rules carry their own wording). */
  text?: { message: Text; fix?: Text };
  /** An explicit position (YAML syntax errors); otherwise it comes from `path`. */
  line?: number;
  column?: number;
}

/** A finding in the report, with words in the chosen language. */
export interface Finding {
  rule: string;
  status: Status;
  path: string;
  message: string;
  fix?: string;
  source: string;
  documents?: string[];
  line?: number;
  column?: number;
  /** Set when a waiver (`accept:` in the manifest or the config) accepts this finding: it no longer blocks. */
  accepted?: Acceptance;
}

/** Which waiver accepted a finding, why, and until when. */
export interface Acceptance {
  reason: string;
  /** The last day the waiver holds (YYYY-MM-DD). */
  until: string;
  /** `manifest` (the filing's own `accept:`) or `config` (icp-check.config.yaml or the API's `accept` option). */
  source: 'manifest' | 'config';
  /** The entry, e.g. `accept[0]`. */
  entry: string;
}

export interface RequiredDocument {
  kind: string;
  for: string;
  required: boolean;
  provided: boolean;
  rules: string[];
  /** Where it was provided: a manifest path such as `documents[1]` or `entity.certificate.image`. */
  providedBy?: string;
  /** Its place in the manifest: where it is provided, else the person, entity or website it is for. */
  line?: number;
  column?: number;
}

export interface Summary {
  fail: number;
  warn: number;
  unknown: number;
  pass: number;
  info: number;
  missingDocuments: number;
  /** Findings a waiver accepted; they are not counted as fail, warn or unknown. */
  accepted?: number;
}

export interface FilingReport {
  file: string;
  province: string | null;
  verdict: Verdict;
  findings: Finding[];
  documents: RequiredDocument[];
  summary: Summary;
}

export interface Report {
  tool: { name: string; version: string; rulesDate: string };
  date: string;
  filings: FilingReport[];
  /** Waivers of the config (or the API's `accept`) that matched no finding in any filing; absent under `--shard`. */
  unusedWaivers?: UnusedWaiver[];
}

export interface UnusedWaiver {
  rule: string;
  path?: string;
  files?: string;
  reason: string;
  until: string;
  /** The config file and entry, e.g. `icp-check.config.yaml: accept[2]`. */
  entry: string;
}

export const STATUS_ORDER: Status[] = ['fail', 'unknown', 'warn', 'info', 'pass'];
