// One fact, one finding: when several rules see the same fact, the most specific finding stays
// and names the others in `alsoRequiredBy`; the others leave the report, so the summary counts
// problems a person must fix, not rule hits.
import type { Finding, RequiredDocument, Status } from '../model.js';

const OPEN: ReadonlySet<Status> = new Set(['fail', 'warn', 'unknown']);

/** The instance a path is about (`instances[0].billing` → `instances[0]`). */
const instanceOf = (path: string) => /^instances\[\d+\]/.exec(path)?.[0];

interface Fold {
  /** The finding that stays. */
  keeps: (f: Finding) => boolean;
  /** A finding that says the same fact as `keeper` and so leaves the report. */
  folds: (f: Finding, keeper: Finding) => boolean;
}

const FOLDS: Fold[] = [
  // A province that forbids a shared mobile number says what the general warning says.
  {
    keeps: (f) => /^province\/[^/]+\/no-shared-mobile$/.test(f.rule) && f.status === 'fail',
    folds: (f) => f.rule === 'person/mobile-shared',
  },
  // A province that requires a local mobile number asks the general question about the same person.
  {
    keeps: (f) => /^province\/[^/]+\/mobile-from-province$/.test(f.rule) && OPEN.has(f.status),
    folds: (f, k) => f.rule === 'process/contact-mobile-province' && f.path === k.path,
  },
  // A domain that cannot be filed at all (suffix not approved, not registered): its real-name
  // status, expiry, holder and registrar do not matter until it is replaced.
  {
    keeps: (f) => (f.rule === 'domain/suffix-approved' || f.rule === 'whois/registered') && f.status === 'fail',
    folds: (f, k) => f !== k && OPEN.has(f.status) && (f.rule.startsWith('domain/') || f.rule.startsWith('whois/')) && f.path === k.path,
  },
  // An instance outside mainland China cannot carry a filing: its billing, term, bandwidth and quota do not matter.
  {
    keeps: (f) => f.rule === 'instance/mainland-region' && f.status === 'fail',
    folds: (f, k) => f !== k && OPEN.has(f.status) && f.rule.startsWith('instance/') && instanceOf(f.path) !== undefined && instanceOf(f.path) === instanceOf(k.path),
  },
];

/** Removes findings that repeat a fact another finding states, naming their rules on that finding. */
export function foldFindings(findings: Finding[]): Finding[] {
  const gone = new Set<Finding>();
  for (const fold of FOLDS) {
    for (const keeper of findings) {
      if (gone.has(keeper) || !fold.keeps(keeper)) continue;
      for (const f of findings) {
        if (f === keeper || gone.has(f) || !fold.folds(f, keeper)) continue;
        gone.add(f);
        const also = new Set([...(keeper.alsoRequiredBy ?? []), f.rule, ...(f.alsoRequiredBy ?? [])]);
        also.delete(keeper.rule);
        keeper.alsoRequiredBy = [...also].sort();
      }
    }
  }
  return findings.filter((f) => !gone.has(f));
}

/**
 * A document given as a file that cannot be read is one problem, reported by the image finding on
 * that file: the finding names the document's rules, and the document notes it is reported there.
 */
export function foldDocuments(findings: Finding[], documents: RequiredDocument[]): void {
  for (const d of documents) {
    if (d.provided || !d.providedBy) continue;
    const f = findings.find((x) => x.status === 'fail' && x.rule.startsWith('image/') && (x.path === d.providedBy || x.path === `${d.providedBy}.file`));
    if (!f) continue;
    d.reportedBy = f.rule;
    f.alsoRequiredBy = [...new Set([...(f.alsoRequiredBy ?? []), ...d.rules])].filter((r) => r !== f.rule).sort();
  }
}
