// Material reuse (`reuse`): a `documents[]` entry that reuses a historical order is accepted only
// for the reusable kinds, within the order's window, never for the authenticity verification and
// never after a cancellation. The windows and lists are data (regulations/reuse.yaml); the date
// arithmetic is code.
import type { RawFinding, Text } from '../model.js';
import { nameOf } from '../report/catalogue/names.js';
import type { Filing } from '../manifest/filing.js';
import type { ManifestDocument } from '../manifest/schema.js';
import { defineRule, type CodeRule } from '../rules/types.js';
import { daysBetween } from '../facts/dates.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PRE_APPROVAL_TYPES } from '../manifest/schema.js';
import { parseDataFile } from './compiled.js';
import { asOfDate } from './dated.js';



/** `regulations/reuse.yaml`: the windows and the reusable kinds, read once. */
export const reuseDataFile = z.strictObject({
  asOf: asOfDate,
  source: z.string().min(1),
  windowYears: z.number().int().positive(),
  windowQuote: z.string().min(1),
  reusable: z.record(z.string(), z.strictObject({ days: z.number().int().positive().optional(), nonIndividualOnly: z.boolean().default(false) })),
  reusableQuote: z.string().min(1),
  reusablePreApprovals: z.array(z.enum(PRE_APPROVAL_TYPES)),
  reusablePreApprovalsQuote: z.string().min(1),
  neverReused: z.array(z.string().min(1)),
  neverReusedQuote: z.string().min(1),
});
export type ReuseData = z.output<typeof reuseDataFile>;

export const REUSE_FILE = fileURLToPath(new URL('../../regulations/reuse.yaml', import.meta.url));

let data: ReuseData | undefined;
export function reuseData(): ReuseData {
  data ??= parseDataFile(reuseDataFile, readFileSync(REUSE_FILE, 'utf8'), REUSE_FILE);
  return data;
}

/** The reuse limits of a document kind, or undefined when it may not be reused. */
export function reusableKind(kind: string): { days?: number; nonIndividualOnly: boolean } | undefined {
  const d = reuseData();
  if (kind.startsWith('pre-approval:')) {
    return (d.reusablePreApprovals as string[]).includes(kind.slice('pre-approval:'.length)) ? { nonIndividualOnly: false } : undefined;
  }
  return Object.hasOwn(d.reusable, kind) ? d.reusable[kind] : undefined;
}

/** The kinds with a window shorter than the order's, by their names: `Power of attorney …: 60 days; …`. */
function shortWindows(): Text {
  const short = Object.entries(reuseData().reusable).filter(([, v]) => v.days !== undefined);
  return {
    en: short.map(([k, v]) => `${nameOf('documentKind', k, 'en')}: ${v.days} days`).join('; '),
    zh: short.map(([k, v]) => `${nameOf('documentKind', k, 'zh')}：${v.days} 天`).join('；'),
  };
}

/** The reusable document kinds and pre-approval types, by their names in both languages. */
function reusableNames(): { kinds: Text; preApprovals: Text } {
  const d = reuseData();
  const list = (kind: 'documentKind' | 'preApproval', values: string[]): Text => ({
    en: values.map((v) => nameOf(kind, v, 'en')).join('; '),
    zh: values.map((v) => nameOf(kind, v, 'zh')).join('、'),
  });
  return { kinds: list('documentKind', Object.keys(d.reusable)), preApprovals: list('preApproval', [...d.reusablePreApprovals]) };
}

const neverReused = (kind: string) => reuseData().neverReused.includes(kind);


/** The same calendar day `years` earlier (29 February becomes 28 February). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y - years, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) dt.setUTCDate(0);
  return dt.toISOString().slice(0, 10);
}

export type ReuseProblem = 'after-cancellation' | 'authenticity-verification' | 'kind' | 'individual-identity' | 'future' | 'expired' | 'expired-days';

/** Why a reuse entry is not accepted (empty when it is), on the check date. */
export function reuseProblems(filing: Filing, doc: ManifestDocument, date: string): ReuseProblem[] {
  if (!doc.reuse) return [];
  const problems: ReuseProblem[] = [];
  if (filing.manifest.filing === 'refile-after-cancellation') problems.push('after-cancellation');
  const spec = reusableKind(doc.kind);
  if (neverReused(doc.kind)) problems.push('authenticity-verification');
  else if (!spec) problems.push('kind');
  else if (spec.nonIndividualOnly && filing.manifest.entity.type === 'individual') problems.push('individual-identity');
  const completed = doc.reuse.orderCompleted;
  if (completed > date) problems.push('future');
  else if (completed < yearsBefore(date, reuseData().windowYears)) problems.push('expired');
  else if (spec?.days !== undefined && daysBetween(completed, date) > spec.days) problems.push('expired-days');
  return problems;
}

function reuseEntries(filing: Filing): Array<{ doc: ManifestDocument; path: string }> {
  return filing.manifest.documents.flatMap((doc, i) => (doc.reuse ? [{ doc, path: `documents[${i}].reuse` }] : []));
}

const t = (en: string, zh: string) => ({ en, zh });

const reuseAfterCancellation = defineRule({
  id: 'document/reuse-after-cancellation',
  source: 'reuse: Eligible orders for material reuse',
  title: t('No material reuse when filing again after a cancellation', '注销后重新备案不能复用材料'),
  explain: t(
    'Reapplying after a cancellation cannot reuse materials of historical orders: everything is submitted anew under the current requirements, because earlier materials may no longer be valid after policy updates.',
    '注销后重新申请备案不能使用材料复用功能，须按最新要求重新提交全部材料，因为之前提交的材料可能因政策调整而失效。',
  ),
  quote:
    'You cannot use material reuse when reapplying for an ICP filing after a cancellation. You must submit all new materials according to the latest requirements, as previously submitted materials may be invalid due to policy updates.',
  messages: {
    fail: {
      message: t('{kind} reuses an order, but a filing after cancellation cannot reuse materials', '{kind} 复用了历史订单，但注销后重新备案不能复用材料'),
      fix: t('Replace `reuse:` with a new `file:` for {kind}.', '将 {kind} 的 `reuse:` 改为新拍摄的 `file:`。'),
    },
  },
  check(ctx) {
    if (ctx.filing.manifest.filing !== 'refile-after-cancellation') return [];
    return reuseEntries(ctx.filing).map(({ doc, path }) => ({ rule: 'document/reuse-after-cancellation', status: 'fail', path, args: { kind: { name: 'documentKind', value: doc.kind } } }));
  },
});

const reuseAuthenticity = defineRule({
  id: 'document/reuse-authenticity-verification',
  source: 'reuse: Reusable materials',
  title: t('Authenticity verification materials cannot be reused', '真实性核验材料不能复用'),
  explain: t(
    'Every filing application needs a new authenticity verification (the signed authenticity statement, face verification and holding photos), so these materials of earlier orders cannot be reused.',
    '每次备案申请都必须重新完成真实性核验（真实性核验单、人脸核验、手持证件照），因此历史订单中的这些材料不能复用。',
  ),
  quote:
    'Due to regulatory requirements, you must complete a new authenticity verification for each ICP filing application. Therefore, materials related to this verification cannot be reused.',
  messages: {
    fail: {
      message: t('{kind} cannot be reused: every application needs a new authenticity verification', '{kind} 不能复用：每次申请都须重新进行真实性核验'),
      fix: t('Sign a new {kind} and give it as `file:`.', '重新签署 {kind}，以 `file:` 提供。'),
    },
  },
  check(ctx) {
    return reuseEntries(ctx.filing)
      .filter(({ doc }) => neverReused(doc.kind))
      .map(({ doc, path }) => ({ rule: 'document/reuse-authenticity-verification', status: 'fail', path, args: { kind: { name: 'documentKind', value: doc.kind } } }));
  },
});

const reuseKind = defineRule({
  id: 'document/reuse-kind',
  source: 'reuse: Reusable materials',
  title: t('Only reusable materials may reuse a historical order', '仅可复用规定范围内的材料'),
  // The lists come from regulations/reuse.yaml, named as the report names document kinds.
  get explain() {
    const { kinds, preApprovals } = reusableNames();
    return t(
      `Material reuse covers these document kinds: ${kinds.en}; and pre-approvals of these types: ${preApprovals.en}. Anything else (another pre-approval type, such as healthcare) is submitted anew.`,
      `可复用的材料种类为：${kinds.zh}，以及以下类型的前置审批：${preApprovals.zh}。其他材料（包括其他类型的前置审批，如医疗保健）须重新提交。`,
    );
  },
  quote:
    'Entity certificate (non-individual) None; Entity principal\'s certificate (non-individual) None; Temporary Residence Permit/Residence Permit None; Institutional organization certificate None; Power of Attorney of Legal Representative Orders completed within the last 60 days; Power of Attorney of the Principal Orders completed within the last 60 days; Guangdong Authenticity Commitment Letter Orders completed within the last 60 days; Employment certificate of the service principal None; Pre-approval None',
  messages: {
    fail: {
      message: t('{kind} is not a reusable material', '{kind} 不属于可复用材料'),
      fix: t('Give {kind} as a new `file:`.', '以新的 `file:` 提供 {kind}。'),
    },
  },
  check(ctx) {
    return reuseEntries(ctx.filing)
      .filter(({ doc }) => !neverReused(doc.kind) && !reusableKind(doc.kind))
      .map(({ doc, path }) => ({ rule: 'document/reuse-kind', status: 'fail', path, args: { kind: { name: 'documentKind', value: doc.kind } } }));
  },
});

const reuseIndividualIdentity = defineRule({
  id: 'document/reuse-individual-identity',
  source: 'reuse: Material reuse scenarios',
  title: t('Identity materials are reused only for non-individual entities', '个人主体不能复用身份证件材料'),
  explain: t(
    'The entity certificate and the principal’s identity document can be reused only when the entity is not an individual; an individual submits them anew.',
    '仅非个人主体可以复用主体证件和主体负责人证件；个人主体须重新提交。',
  ),
  quote: 'If the entity is not an individual, images of the same person can be reused. Reuse is not supported if the entity is an individual.',
  messages: {
    fail: {
      message: t('{kind} cannot be reused by an individual entity', '个人主体不能复用 {kind}'),
      fix: t('Photograph the identity document again and give it as `file:`.', '重新拍摄证件，以 `file:` 提供。'),
    },
  },
  check(ctx) {
    if (ctx.filing.manifest.entity.type !== 'individual') return [];
    return reuseEntries(ctx.filing)
      .filter(({ doc }) => reusableKind(doc.kind)?.nonIndividualOnly === true)
      .map(({ doc, path }) => ({ rule: 'document/reuse-individual-identity', status: 'fail', path, args: { kind: { name: 'documentKind', value: doc.kind } } }));
  },
});

const reuseWindow = defineRule({
  id: 'document/reuse-window',
  source: 'reuse: Eligible orders for material reuse',
  get title() {
    return t(
      `A reused order was completed within ${reuseData().windowYears} years (shorter windows: ${shortWindows().en})`,
      `复用的订单在 ${reuseData().windowYears} 年内完成（较短期限：${shortWindows().zh}）`,
    );
  },
  get explain() {
    return t(
      `Materials can be reused only from orders approved by the communications administration and completed within the last ${reuseData().windowYears} years; some kinds only from more recent orders: ${shortWindows().en}. The window is counted back from the check date (\`--date\`); the figures are in regulations/reuse.yaml.`,
      `只能复用经通信管理局审核通过、且在近 ${reuseData().windowYears} 年内完成的订单中的材料；部分材料只能复用更近的订单：${shortWindows().zh}。期限从检查日期（\`--date\`）往前计算；期限数值见 regulations/reuse.yaml。`,
    );
  },
  quote:
    'The order was approved by the communications administration and completed within the last three years. ... Orders completed within the last 60 days: ICP filing orders that were approved by the communications administration within the last 60 days.',
  messages: {
    pass: { message: t('{kind} reuses an order completed on {orderCompleted}, within its window', '{kind} 复用 {orderCompleted} 完成的订单，在复用期限内') },
    expired: {
      message: t('{kind} reuses an order completed on {orderCompleted}, more than {years} years ago', '{kind} 复用的订单完成于 {orderCompleted}，已超过 {years} 年'),
      fix: t('Give {kind} as a new `file:`.', '以新的 `file:` 提供 {kind}。'),
    },
    'expired-days': {
      message: t('{kind} reuses an order completed {days} {days|day|days} ago; it may be reused only within {limit} {limit|day|days}', '{kind} 复用的订单完成于 {days} 天前，只能复用 {limit} 天内的订单'),
      fix: t('Sign a new {kind} and give it as `file:`.', '重新签署 {kind}，以 `file:` 提供。'),
    },
    future: {
      message: t('{kind} reuses an order completed on {orderCompleted}, after the check date {date}', '{kind} 复用的订单完成日期 {orderCompleted} 晚于检查日期 {date}'),
      fix: t('Correct `orderCompleted` to the date the order was approved.', '将 `orderCompleted` 改为订单通过审核的日期。'),
    },
  },
  check(ctx) {
    const date = ctx.options.date;
    return reuseEntries(ctx.filing).map(({ doc, path }): RawFinding => {
      const completed = doc.reuse!.orderCompleted;
      const limit = reusableKind(doc.kind)?.days;
      const args = { kind: { name: 'documentKind' as const, value: doc.kind }, orderCompleted: completed, date, days: daysBetween(completed, date), limit, years: reuseData().windowYears };
      const problem = reuseProblems(ctx.filing, doc, date).find((p) => p === 'future' || p === 'expired' || p === 'expired-days');
      return problem ? { rule: 'document/reuse-window', status: 'fail', path, key: problem, args } : { rule: 'document/reuse-window', status: 'pass', path, args };
    });
  },
});

export const reuseRules: CodeRule[] = [reuseAfterCancellation, reuseAuthenticity, reuseKind, reuseIndividualIdentity, reuseWindow];
