// The package version and the date of the bundled rule data, cheap to load (`--version` needs nothing else).
import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The issue date of `before` (20190806), the newest source of the bundled province rules. */
export const RULES_DATE = '2019-08-06';

export function versionLine(): string {
  return `icp-check ${VERSION} (rules of ${RULES_DATE}; node ${process.versions.node})`;
}
