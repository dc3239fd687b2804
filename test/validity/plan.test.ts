import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editedExamples } from './edited-example.js';
import type { RawFinding } from '../../src/model.js';
import { checkFiling, dayEvaluator, type RunOptions } from '../../src/check/run.js';
import { gatherFacts } from '../../src/check/gather.js';
import { addDays } from '../../src/facts/dates.js';
import { checkIdNumber } from '../../src/facts/identity.js';
import { checkIdNumberOn } from '../../src/regulations/id-check.js';
import { ImageInspector } from '../../src/facts/images.js';
import { DomainLookupService } from '../../src/facts/domains/lookup.js';
import { loadManifest, manifestDir } from '../../src/manifest/load.js';
import { toFiling } from '../../src/manifest/normalise.js';
import { evaluateRegulations, mergeDocuments } from '../../src/regulations/index.js';
import { codeRules, ruleIndex } from '../../src/rules/registry.js';
import type { CheckContext } from '../../src/rules/types.js';
import { renderFinding } from '../../src/report/render.js';
import { type Evaluation, probeOffsets, validityOf } from '../../src/report/validity.js';

const example = editedExamples('icp-plan-');

function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const sources = () => ({ images: new ImageInspector(), domains: new DomainLookupService({ offline: true, useCache: false, timeoutMs: 1000 }) });
const options = (date: string): RunOptions => ({ date, offline: true, approvedSuffixes: [], lang: 'en', concurrency: 1 });

async function contextOf(file: string, date: string): Promise<CheckContext> {
  const loaded = await loadManifest(file);
  if (!loaded.ok) throw new Error('example does not load');
  const normalised = toFiling(loaded.manifest, file, manifestDir(file));
  if (!normalised.ok) throw new Error('example does not normalise');
  const filing = normalised.filing;
  const facts = await gatherFacts(filing, sources());
  return { filing, facts, options: { date, offline: true, approvedSuffixes: filing.manifest.settings?.approvedSuffixes ?? [] } };
}

/** Every rule run from scratch on the day, with no plan and nothing kept from another day. */
function fromScratch(base: CheckContext, day: string): Evaluation {
  const { filing, facts } = base;
  const ctx: CheckContext = { filing, facts, options: { ...base.options, date: day } };
  const raws: RawFinding[] = [...facts.findings];
  for (const rule of codeRules()) raws.push(...rule.check(ctx));
  raws.push(...evaluateRegulations(ctx));
  const demands = raws.flatMap((r) => (r.documents ?? []).map((d) => ({ kind: d.kind, for: d.for, rule: r.rule })));
  const documents = mergeDocuments(filing, demands, day).sort((a, b) => a.kind.localeCompare(b.kind) || a.for.localeCompare(b.for));
  for (const d of documents) {
    const image = d.providedBy ? (facts.images.get(d.providedBy) ?? facts.images.get(`${d.providedBy}.file`)) : undefined;
    if (d.provided && image && image.entry !== 'file') d.provided = false;
  }
  return { date: day, raws, documents };
}

/** The planned evaluation gives on every probed day (and the days around each) the findings and documents of one from scratch. */
async function expectSameDays(file: string, date: string): Promise<void> {
  const ctx = await contextOf(file, date);
  const evaluate = dayEvaluator(ctx);
  const days = [date, ...probeOffsets().flatMap((o) => [addDays(date, o - 1), addDays(date, o)])];
  for (const day of days) {
    const planned = evaluate(day);
    const scratch = fromScratch(ctx, day);
    expect({ raws: planned.raws, documents: planned.documents }, `${path.basename(path.dirname(file))} on ${day}`).toEqual({ raws: scratch.raws, documents: scratch.documents });
  }
}

/** The dates the search finds with the plan are those it finds running every rule on every day. */
async function expectSameDates(file: string, date: string): Promise<void> {
  const planned = await checkFiling(file, options(date), sources());
  const ctx = await contextOf(file, date);
  const scratch = validityOf(
    fromScratch(ctx, date),
    (day) => fromScratch(ctx, day),
    'en',
    (r) => renderFinding(r, ruleIndex().get(r.rule), 'en').message,
  );
  expect({ submitFrom: planned.submitFrom, readyUntil: planned.readyUntil }, `${path.basename(path.dirname(file))} on ${date}`).toEqual(scratch);
  await expectSameDays(file, date);
}

const DAYS = ['2026-11-26', '2027-05-31', '2029-02-28'];

describe('the validity plan', () => {
  it('finds the dates running every rule on every day finds, for every example on several days', async () => {
    let dated = 0;
    for (const name of ['beijing-individual', 'guangdong-enterprise', 'tianjin-enterprise-problems']) {
      for (const date of DAYS) {
        await expectSameDates(example(name), date);
        const f = await checkFiling(example(name), options(date), sources());
        if (f.readyUntil || f.submitFrom) dated++;
      }
    }
    // Not a comparison of empty results: most of these filings lapse or wait somewhere in the horizon.
    expect(dated).toBeGreaterThan(4);
  });

  it('with reuses and a minor (documents that depend on the day), an age limit, a recent verification and an expiring ID', async () => {
    const today = '2026-11-30';
    const files = [
      example('guangdong-enterprise', (d) => {
        d.addIn(['documents'], d.createNode({ kind: 'power-of-attorney', reuse: { orderCompleted: addDays(today, 10), orderKind: 'new' } }));
        d.addIn(['documents'], d.createNode({ kind: 'entity-certificate', reuse: { orderCompleted: '2024-01-10', orderKind: 'new' } }));
      }),
      // The certificate only by reuse: provided until the order is too old, then missing.
      example('guangdong-enterprise', (d) => {
        d.deleteIn(['entity', 'certificate', 'image']);
        d.addIn(['documents'], d.createNode({ kind: 'entity-certificate', reuse: { orderCompleted: '2024-01-10', orderKind: 'new' } }));
      }),
      example('tianjin-enterprise-problems', (d) => d.setIn(['entity', 'principal', 'id', 'number'], idNumber('12010220090310123'))),
      // A minor in Jiangsu: a proof of employment or income is demanded (a rule that reads the date) until the 18th birthday.
      example('beijing-individual', (d) => {
        d.set('province', 'jiangsu');
        d.setIn(['entity', 'principal', 'id', 'number'], idNumber('32010220090615123'));
      }),
      example('beijing-individual', (d) => {
        d.setIn(['domains', 'wangxiaowu-blog.cn', 'realNameVerifiedOn'], addDays(today, -1));
        d.setIn(['entity', 'principal', 'id', 'expires'], addDays(today, 40));
        d.setIn(['instances', 0, 'expires'], addDays(today, 200));
      }),
    ];
    for (const file of files) await expectSameDates(file, today);
  });
});

describe('person/id-number on different days', () => {
  const rule = codeRules().find((r) => r.id === 'person/id-number')!;
  const run = async (number: string, date: string) => {
    const file = example('tianjin-enterprise-problems', (d) => d.setIn(['entity', 'principal', 'id', 'number'], number));
    const loaded = await loadManifest(file);
    if (!loaded.ok) throw new Error('example does not load');
    const normalised = toFiling(loaded.manifest, file, manifestDir(file));
    if (!normalised.ok) throw new Error('example does not normalise');
    const filing = normalised.filing;
    const ctx: CheckContext = { filing, facts: await gatherFacts(filing, sources()), options: { date, offline: true, approvedSuffixes: [] } };
    return rule.check(ctx).find((f) => f.path === 'entity.principal.id.number');
  };

  it('reports a birth date after the day before a wrong check character, whichever day was asked first', async () => {
    const good = idNumber('12010220270310123');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    for (const number of [good, wrong]) {
      const later = await run(number, '2027-06-01');
      const earlier = await run(number, '2026-11-26');
      expect(earlier).toMatchObject({ status: 'fail', key: 'birth-date' });
      expect(later).toMatchObject(number === good ? { status: 'pass', args: { birthDate: '2027-03-10' } } : { status: 'fail', key: 'check-digit' });
      expect(await run(number, '2027-06-01')).toEqual(later);
    }
  });
});

describe('checkIdNumberOn', () => {
  it('answers as checkIdNumber with the day, whatever was asked before', () => {
    const good = idNumber('11010520080229123');
    const numbers = [
      good,
      good.slice(0, 17) + (good[17] === '0' ? '1' : '0'),
      idNumber('11010519991231002'),
      idNumber('99010519991231002'),
      idNumber('11010520090230123'),
      '110105199912310',
      '11010519991231002',
      ` ${good.toLowerCase()} `,
    ];
    const days = ['2008-02-28', '2008-02-29', '2008-03-01', '2026-11-26', '1999-12-30', '1999-12-31', '1899-01-01'];
    for (const round of [0, 1])
      for (const number of numbers)
        for (const day of round === 0 ? days : [...days].reverse()) expect(checkIdNumberOn(number, day), `${number} on ${day}`).toEqual(checkIdNumber(number, day));
  });
});
