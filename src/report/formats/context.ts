// What every formatter may read besides the report itself: the language, the rule catalogue
// (titles, explain texts, sources) and the folder that file paths are shown relative to.
import type { Lang, Report } from '../../model.js';
import type { RuleMeta } from '../../rules/types.js';

export interface FormatContext {
  lang: Lang;
  /** Every known rule by id; a finding whose rule is missing here still renders from its own fields. */
  rules: ReadonlyMap<string, RuleMeta>;
  /** Paths in machine formats (SARIF uris, GitHub `file=`) are relative to this folder. */
  cwd: string;
  /** The repository root (git root, else `cwd`): SARIF URIs and GitHub `file=` are relative to it. Default `cwd`. */
  root?: string;
  /** `--strict`: warnings and unknowns fail like errors. */
  strict?: boolean;
  /** Colour for terminal formats (pretty). */
  color?: boolean;
  /** `--quiet`: only what needs action (failures, missing documents; under `--strict` warnings and unknowns too). */
  quiet?: boolean;
  /** `--verbose`: every passing check and note as well (pretty). */
  verbose?: boolean;
  /** `--sarif-notes`: SARIF also carries notes (info findings); by default only what needs attention. */
  notes?: boolean;
  /** Where the tool is documented (SARIF `informationUri`). */
  toolUri?: string;
}

/** A formatter is pure: the command writes what it returns to stdout or `--output`. */
export type Formatter = (report: Report, ctx: FormatContext) => string;

export const DEFAULT_TOOL_URI = 'https://www.npmjs.com/package/icp-check';
