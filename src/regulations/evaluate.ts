// Runs the data rules over a filing: one subject per scope (the filing, each website, each
// person, each domain), `when` decides whether the rule applies, `require` whether it passes,
// and the finding carries the outcome's key and typed arguments; the report layer words it from
// the rule's texts.
import type { Args, DocumentDemand, RawFinding, Status } from '../model.js';
import type { CheckContext } from '../rules/types.js';
import { evaluateCondition, firstCompareKey, scopeDomains, scopeWebsites, subjectPerson, type Scope, type Tri } from './conditions.js';
import { buildView, type FilingView } from './filing-view.js';
import type { LoadedRule, Regulations } from './loader.js';
import type { DataRule } from './schema.js';

/**
 * A scope that notes when a condition reads the check date. A getter on the class rather than one
 * defined on each scope object: defining one per object costs far more than the rule it watches.
 */
class DateReadingScope implements Scope {
  notes: Record<string, string | number> = {};
  constructor(
    readonly view: FilingView,
    private readonly day: string,
    private readonly seen: DateReads,
    readonly kind: Scope['kind'],
    readonly website?: Scope['website'],
    readonly subject?: Scope['subject'],
    readonly domain?: Scope['domain'],
  ) {}
  get date(): string {
    this.seen.date = true;
    return this.day;
  }
}

// Scopes are written out in full rather than spread from a common base: adding keys to a spread
// copy is one of V8's slow paths, and this runs for every rule, subject and day.
function scopesOf(rule: LoadedRule, view: FilingView, date: string, seen?: DateReads): Array<{ scope: Scope; path: string }> {
  switch (rule.for) {
    case 'website':
      return view.filing.websites.map((website) => ({
        scope: seen ? new DateReadingScope(view, date, seen, 'website', website) : { view, date, kind: 'website', website, notes: {} },
        path: website.path,
      }));
    case 'person':
      return view.subjects.map((subject) => ({
        scope: seen ? new DateReadingScope(view, date, seen, 'person', undefined, subject) : { view, date, kind: 'person', subject, notes: {} },
        path: subject.path,
      }));
    case 'domain':
      return view.domains.map((domain) => ({
        scope: seen ? new DateReadingScope(view, date, seen, 'domain', undefined, undefined, domain) : { view, date, kind: 'domain', domain, notes: {} },
        path: domain.path,
      }));
    default:
      return [{ scope: seen ? new DateReadingScope(view, date, seen, 'filing') : { view, date, kind: 'filing', notes: {} }, path: '' }];
  }
}

/** Concrete holders for a demand's `for` in this scope. */
export function holdersFor(who: DocumentDemand['for'], scope: Scope): string[] {
  const { view } = scope;
  const unique = (xs: string[]) => [...new Set(xs)];
  switch (who) {
    case 'entity':
      return ['entity'];
    case 'principal':
      return [view.principal.path];
    case 'legalRepresentative':
      return [view.legalRepresentative?.path ?? 'entity.legalRepresentative'];
    case 'admin': {
      if (scope.kind === 'person' && scope.subject?.roles.has('admin')) return [scope.subject.path];
      return unique(scopeWebsites(scope).map((w) => (view.adminOf[w.index] ?? view.principal).path));
    }
    case 'person':
      return [subjectPerson(scope).path];
    case 'website':
      return scopeWebsites(scope).map((w) => w.path);
    case 'each-domain': {
      if (scope.kind === 'domain' && scope.domain) return [scope.domain.display];
      if (scope.kind === 'person') {
        const indexes = new Set(scopeWebsites(scope).map((w) => w.index));
        return view.domains.filter((d) => d.websites.some((i) => indexes.has(i))).map((d) => d.display);
      }
      return scopeDomains(scope).map((d) => d.display);
    }
    default:
      return [];
  }
}

const countKeys = new WeakMap<DataRule, string | undefined>();

/** The counting condition whose value is the rule's `{count}`, found once per rule. */
function countKeyOf(rule: DataRule): string | undefined {
  if (countKeys.has(rule)) return countKeys.get(rule);
  const key = firstCompareKey(rule.when) ?? firstCompareKey(rule.require);
  countKeys.set(rule, key);
  return key;
}

function argsOf(scope: Scope, rule: DataRule): Args {
  const { view } = scope;
  // The province by its slug; the YAML's Chinese texts name it `{provinceZh}`, the same value.
  const province = { name: 'province' as const, value: view.filing.province };
  const args: Args = { name: view.filing.manifest.entity.name, province, provinceZh: province, ...scope.notes };
  if (scope.website) args.website = scope.website.name;
  args.person = subjectPerson(scope).person.name;
  if (view.filing.manifest.entity.address) args.address = view.filing.manifest.entity.address;
  if (scope.domain) args.domain = scope.domain.display;
  // Whom the finding is about, so a rule that passes for one website and fails for another says which.
  if (scope.kind === 'website' && scope.website) args.subject = scope.website.name;
  if (scope.kind === 'person') args.subject = subjectPerson(scope).person.name;
  if (scope.kind === 'domain' && scope.domain) args.subject = scope.domain.display;
  const countKey = countKeyOf(rule);
  if (countKey !== undefined && scope.notes[countKey] !== undefined) args.count = scope.notes[countKey];
  return args;
}

type Outcome = 'fire' | 'pass' | 'unknown';

function outcomeOf(when: Tri, require: Tri | undefined): Outcome {
  if (require === true) return 'pass';
  if (when === true && (require === undefined || require === false)) return 'fire';
  return 'unknown';
}

/** Notes whether an evaluation read the check date: a rule that did not gives the same findings on every day. */
export interface DateReads {
  date: boolean;
}

/** The findings of one rule over a filing; `seen.date` becomes true when a condition reads the date. */
export function evaluateRule(rule: LoadedRule, view: FilingView, date: string, seen?: DateReads): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { scope, path } of scopesOf(rule, view, date, seen)) {
    const when = evaluateCondition(rule.when, scope);
    if (when === false) continue;
    const require = rule.require ? evaluateCondition(rule.require, scope) : undefined;
    const outcome = outcomeOf(when, require);
    const args = argsOf(scope, rule);
    const demand = outcome === 'fire' || (rule.documentsOn === 'apply' && when === true);
    const documents: DocumentDemand[] = demand
      ? rule.documents.flatMap((d) => holdersFor(d.for, scope).map((holder) => ({ kind: d.kind, for: holder })))
      : [];
    const status: Status = outcome === 'fire' ? rule.status : outcome;
    const finding: RawFinding = { rule: rule.id, status, path, key: status, args };
    if (documents.length > 0) finding.documents = documents;
    findings.push(finding);
  }
  return findings;
}

/** The data rules of the filing's province and the general ones, evaluated. */
export function evaluateWith(regulations: Regulations, ctx: CheckContext): RawFinding[] {
  const view = buildView(ctx.filing);
  const province = ctx.filing.province;
  return regulations.rules
    .filter((r) => r.province === undefined || r.province === province)
    .flatMap((r) => evaluateRule(r, view, ctx.options.date));
}
