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
}

export interface RequiredDocument {
  kind: string;
  for: string;
  required: boolean;
  provided: boolean;
  rules: string[];
  /** Where it was provided: a manifest path such as `documents[1]` or `entity.certificate.image`. */
  providedBy?: string;
}

export interface Summary {
  fail: number;
  warn: number;
  unknown: number;
  pass: number;
  info: number;
  missingDocuments: number;
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

export interface Report {
  tool: { name: string; version: string; rulesDate: string };
  date: string;
  filings: FilingReport[];
}

export const STATUS_ORDER: Status[] = ['fail', 'unknown', 'warn', 'info', 'pass'];
