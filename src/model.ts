// The report model: what checks produce and what every renderer reads (CONTRACT.md, "The JSON report").

export type Status = 'fail' | 'warn' | 'pass' | 'unknown' | 'info';
export type Verdict = 'ready' | 'ready-with-warnings' | 'blocked' | 'invalid';
export type Lang = 'en' | 'zh';

/** Text in both languages of the product. */
export interface Text {
  en: string;
  zh: string;
}

/** The enums a person sees, each with one display name per language (src/report/catalogue/names.ts). */
export type NameKind =
  | 'province'
  | 'idType'
  | 'product'
  | 'documentKind'
  | 'content'
  | 'entityType'
  | 'certificateType'
  | 'preApproval'
  | 'role'
  | 'field'
  | 'confirmAt'
  | 'region'
  | 'usccAuthority'
  | 'registrar'
  | 'idSide'
  /** A rule's citation (`before §3`, `Alibaba Cloud FAQ 50253`), named from regulations/sources.yaml. */
  | 'source';

/** An enum value, rendered as its display name in the report's language. */
export interface NamedArg {
  name: NameKind;
  value: string;
}

/** A phrase of the shared catalogue (src/report/catalogue), rendered with its own arguments. */
export interface PhraseArg {
  phrase: string;
  args?: Args;
}

/** A typed argument of a finding: a value shown as it is, an enum value, a catalogue phrase, or a list of these. */
export type ArgValue = string | number | boolean | undefined | NamedArg | PhraseArg | ArgValue[];

export type Args = { [name: string]: ArgValue };

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
  /** Other rules that report the same fact, folded into this finding (one fact, one finding). */
  alsoRequiredBy?: string[];
  /** Whom the finding is about when the path alone does not say it: a website, person or domain name. */
  subject?: string;
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
  /** A given file that cannot be used: the finding of this rule on `providedBy` reports it (one fact, one finding). */
  reportedBy?: string;
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

/** The first day a filing stops being as good as today if nothing changes (src/report/validity.ts). */
export interface ReadyUntil {
  /** The first day the finding below is worse than the day before. */
  date: string;
  rule: string;
  /** What lapses: a manifest path such as `instances[0].expires`. */
  path: string;
  status: Status;
  /** The finding's message on that day, in the report's language. */
  reason: string;
}

/** The earliest day a filing may be submitted, and the finding of today that clears on that day (src/report/validity.ts). */
export interface SubmitFrom {
  date: string;
  rule: string;
  /** What the filing waits for: a manifest path such as `domains["example.cn"].realNameVerifiedOn`. */
  path: string;
  /** The finding's message on the report's date, in the report's language. */
  reason: string;
}

export interface FilingReport {
  file: string;
  province: string | null;
  verdict: Verdict;
  findings: Finding[];
  documents: RequiredDocument[];
  summary: Summary;
  /** Absent when nothing makes the filing wait (it may be submitted on the report's date), and on invalid filings. */
  submitFrom?: SubmitFrom;
  /** Absent when nothing lapses within ten years, and on invalid filings. */
  readyUntil?: ReadyUntil;
}

/** A source the findings cite (regulations/sources.yaml), in the report's language. */
export interface SourceRef {
  title: string;
  publisher: string;
  date?: string;
  url?: string;
}

export interface Report {
  tool: { name: string; version: string; rulesDate: string };
  date: string;
  filings: FilingReport[];
  /** Every source the findings and documents cite, by the short name their `source` starts with. */
  sources?: Record<string, SourceRef>;
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
