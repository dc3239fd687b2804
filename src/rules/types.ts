// What a rule is: metadata (id, source, words in both languages, an explain text) and,
// for rules written as code, a pure function from the filing and its facts to findings.
import type { RawFinding, Text } from '../model.js';
import type { Filing } from '../manifest/filing.js';
import type { DomainLookup, ImageFacts } from '../facts/types.js';
import type { OcrReading } from '../facts/ocr/read.js';

/** The first part of every rule id (CONTRACT.md "Rule ids", plus `website`); `province` ids have three parts. */
export const RULE_AREAS = ['manifest', 'entity', 'person', 'website', 'domain', 'whois', 'instance', 'image', 'document', 'pre-approval', 'process', 'province'] as const;

export interface RuleMessage {
  message: Text;
  fix?: Text;
}

export interface RuleMeta {
  /** `<area>/<name>` or `province/<slug>/<name>` (CONTRACT.md "Rule ids"); never changes once released. */
  id: string;
  /** Where the requirement comes from, e.g. `before §5.5.1`, `materials: Requirements for material uploading`. */
  source: string;
  /** One line: what the rule checks. */
  title: Text;
  /** What the rule checks, why, and how to satisfy it (`icp-check explain`). */
  explain: Text;
  /** The passage of the source the rule encodes, quoted. */
  quote?: string;
  /**
   * Message templates by key; a finding picks one with `key` (default: its status).
   * `{name}` placeholders are filled from the finding's `args`.
   */
  messages: Record<string, RuleMessage>;
  /** Province the rule belongs to, for `province/<slug>/...` rules. */
  province?: string;
}

/** Facts for one filing, gathered before any rule runs. */
export interface FilingFacts {
  /** Image facts by the manifest path of the reference (`entity.certificate.image`, `documents[2].file`). */
  images: Map<string, ImageFacts>;
  /** Lookups by registrable domain (ASCII, lower-case). */
  domains: Map<string, DomainLookup>;
  /** `--ocr` only: the text read from ID cards and the entity certificate, by manifest path. */
  ocr?: Map<string, OcrReading>;
  /** Findings produced while gathering facts (an unreadable DescribeInstances file ...). */
  findings: RawFinding[];
}

export interface CheckOptions {
  /** "Today" in China Standard Time, YYYY-MM-DD. */
  date: string;
  offline: boolean;
  /** Extra approved suffixes from `--tld-list` / the manifest. */
  approvedSuffixes: string[];
  /** Registrars added by the config file, by the name WHOIS prints. */
  registrars?: Array<{ name: string; aliases: string[]; approved: boolean; foreign: boolean }>;
}

export interface CheckContext {
  filing: Filing;
  facts: FilingFacts;
  options: CheckOptions;
}

/** A rule written as code. */
export interface CodeRule extends RuleMeta {
  check(ctx: CheckContext): RawFinding[];
}

export function defineRule<const R extends CodeRule>(rule: R): R {
  return rule;
}
