// Every product row of `before` Table 1-1 / 4-1 and its boundaries, through the real rules.
import { describe, expect, test } from 'vitest';
import { instanceRules, wholeMonthsBetween } from '../../src/rules/instance.js';
import type { RawFinding, Status } from '../../src/model.js';
import { byRule, contextFor, websitesOn } from './helpers.js';
import { renderArg } from '../../src/report/catalogue/index.js';

const TODAY = '2026-11-26';

async function run(instances: Array<Record<string, unknown>>, websites: number | Array<Record<string, unknown>>, date = TODAY): Promise<RawFinding[]> {
  const ids = instances.map((i) => String(i.id));
  const ctx = await contextFor({ instances, websites: typeof websites === 'number' ? websitesOn(websites, ids) : websites }, date);
  return instanceRules.flatMap((r) => r.check(ctx));
}

const ecs = (extra: Record<string, unknown> = {}) => ({
  id: 'i-ecs',
  product: 'ecs',
  region: 'cn-shenzhen',
  billing: 'subscription',
  expires: '2027-09-30',
  publicBandwidthMbps: 5,
  serviceNumbersUsed: 0,
  ...extra,
});
const product = (p: string, extra: Record<string, unknown> = {}) => ({ id: `i-${p}`, product: p, region: 'cn-hangzhou', expires: '2027-09-30', serviceNumbersUsed: 0, ...extra });

interface Case {
  name: string;
  instances: Array<Record<string, unknown>>;
  websites?: number;
  date?: string;
  rule: string;
  status: Status;
  key?: string;
  args?: Record<string, unknown>;
}

const cases: Case[] = [
  // Region: every cn-* region but cn-hongkong.
  { name: 'cn-shenzhen is mainland', instances: [ecs()], rule: 'instance/mainland-region', status: 'pass' },
  { name: 'cn-beijing is mainland', instances: [ecs({ region: 'cn-beijing' })], rule: 'instance/mainland-region', status: 'pass' },
  { name: 'cn-hongkong is not mainland', instances: [ecs({ region: 'cn-hongkong' })], rule: 'instance/mainland-region', status: 'fail', key: 'hong-kong' },
  { name: 'ap-southeast-1 is overseas', instances: [ecs({ region: 'ap-southeast-1' })], rule: 'instance/mainland-region', status: 'fail', key: 'overseas' },
  { name: 'us-west-1 is overseas', instances: [ecs({ region: 'us-west-1' })], rule: 'instance/mainland-region', status: 'fail', key: 'overseas' },

  // ECS: 3 months, subscription, bandwidth, 5 numbers.
  { name: 'ECS with 3 whole months left', instances: [ecs({ expires: '2027-02-26' })], rule: 'instance/remaining-term', status: 'pass', args: { months: 3, min: 3 } },
  {
    name: 'ECS with 2 months and 30 days left',
    instances: [ecs({ expires: '2027-02-25' })],
    rule: 'instance/remaining-term',
    status: 'fail',
    key: 'short',
    args: { months: 2, min: 3, until: '2027-02-26' },
  },
  {
    name: 'ECS month end clamps (Nov 30 + 3 = Feb 28)',
    instances: [ecs({ expires: '2027-02-28' })],
    date: '2026-11-30',
    rule: 'instance/remaining-term',
    status: 'pass',
    args: { months: 3 },
  },
  { name: 'ECS expired yesterday', instances: [ecs({ expires: '2026-11-25' })], rule: 'instance/remaining-term', status: 'fail', key: 'expired' },
  { name: 'ECS without expiry', instances: [ecs({ expires: undefined })], rule: 'instance/remaining-term', status: 'unknown' },
  { name: 'ECS pay-as-you-go', instances: [ecs({ billing: 'pay-as-you-go' })], rule: 'instance/subscription-billing', status: 'fail' },
  { name: 'ECS subscription', instances: [ecs()], rule: 'instance/subscription-billing', status: 'pass' },
  { name: 'ECS billing undeclared', instances: [ecs({ billing: undefined })], rule: 'instance/subscription-billing', status: 'unknown' },
  { name: 'ECS with 0 Mbps', instances: [ecs({ publicBandwidthMbps: 0 })], rule: 'instance/public-bandwidth', status: 'fail' },
  { name: 'ECS with 1 Mbps', instances: [ecs({ publicBandwidthMbps: 1 })], rule: 'instance/public-bandwidth', status: 'pass' },
  { name: 'ECS bandwidth undeclared', instances: [ecs({ publicBandwidthMbps: undefined })], rule: 'instance/public-bandwidth', status: 'unknown' },
  {
    name: 'ECS quota 5 with 4 websites',
    instances: [ecs()],
    websites: 4,
    rule: 'instance/service-number-quota',
    status: 'pass',
    args: { used: 0, websites: 4, total: 4, quota: 5 },
  },
  { name: 'ECS quota 5 with 5 websites', instances: [ecs()], websites: 5, rule: 'instance/service-number-quota', status: 'pass', args: { total: 5, quota: 5 } },
  {
    name: 'ECS quota 5 with 6 websites',
    instances: [ecs()],
    websites: 6,
    rule: 'instance/service-number-quota',
    status: 'fail',
    key: 'over',
    args: { total: 6, quota: 5, excess: 1 },
  },
  { name: 'ECS 2 used + 3 websites', instances: [ecs({ serviceNumbersUsed: 2 })], websites: 3, rule: 'instance/service-number-quota', status: 'pass', args: { used: 2, total: 5 } },
  {
    name: 'ECS 2 used (never returned) + 4 websites',
    instances: [ecs({ serviceNumbersUsed: 2 })],
    websites: 4,
    rule: 'instance/service-number-quota',
    status: 'fail',
    key: 'over',
    args: { used: 2, websites: 4, total: 6 },
  },
  { name: 'ECS used undeclared', instances: [ecs({ serviceNumbersUsed: undefined })], websites: 3, rule: 'instance/service-number-quota', status: 'unknown', key: 'used-unknown' },
  {
    name: 'ECS used undeclared but already over',
    instances: [ecs({ serviceNumbersUsed: undefined })],
    websites: 6,
    rule: 'instance/service-number-quota',
    status: 'fail',
    key: 'over',
  },

  // Web Hosting, Simple Application Server, ENS: 3 months, 5 numbers each.
  ...(['web-hosting', 'simple-application-server', 'ens'] as const).flatMap((p): Case[] => [
    { name: `${p} with 3 months`, instances: [product(p, { expires: '2027-02-26' })], rule: 'instance/remaining-term', status: 'pass', args: { min: 3 } },
    { name: `${p} with 2 months`, instances: [product(p, { expires: '2027-02-25' })], rule: 'instance/remaining-term', status: 'fail', key: 'short', args: { months: 2, min: 3 } },
    { name: `${p} quota 5 with 5 websites`, instances: [product(p)], websites: 5, rule: 'instance/service-number-quota', status: 'pass', args: { quota: 5 } },
    { name: `${p} quota 5 with 6 websites`, instances: [product(p)], websites: 6, rule: 'instance/service-number-quota', status: 'fail', key: 'over', args: { quota: 5 } },
  ]),

  // Elastic Web Hosting: 6 months, 5 numbers per account.
  {
    name: 'elastic web hosting with 6 months',
    instances: [product('elastic-web-hosting', { expires: '2027-05-26' })],
    rule: 'instance/remaining-term',
    status: 'pass',
    args: { months: 6, min: 6 },
  },
  {
    name: 'elastic web hosting with 5 months',
    instances: [product('elastic-web-hosting', { expires: '2027-05-25' })],
    rule: 'instance/remaining-term',
    status: 'fail',
    key: 'short',
    args: { months: 5, min: 6 },
  },
  {
    name: 'elastic web hosting: 2 + 3 websites on two instances share 5 per account',
    instances: [product('elastic-web-hosting', { id: 'i-ewh1' }), product('elastic-web-hosting', { id: 'i-ewh2' })],
    websites: 0,
    rule: 'instance/service-number-quota',
    status: 'pass',
    args: { websites: 5, quota: 5 },
  },

  // Marketplace website building: initial 12 months, 99 CNY, 1 number.
  { name: 'marketplace first bought for 12 months', instances: [product('marketplace', { initialSubscriptionMonths: 12 })], rule: 'instance/initial-subscription', status: 'pass' },
  {
    name: 'marketplace first bought for 11 months',
    instances: [product('marketplace', { initialSubscriptionMonths: 11 })],
    rule: 'instance/initial-subscription',
    status: 'fail',
    args: { months: 11, min: 12 },
  },
  { name: 'marketplace initial term undeclared', instances: [product('marketplace')], rule: 'instance/initial-subscription', status: 'unknown' },
  { name: 'marketplace order of 99 CNY', instances: [product('marketplace', { orderAmountCny: 99 })], rule: 'instance/order-amount', status: 'pass' },
  {
    name: 'marketplace order of 98.99 CNY',
    instances: [product('marketplace', { orderAmountCny: 98.99 })],
    rule: 'instance/order-amount',
    status: 'fail',
    args: { amount: 98.99, min: 99 },
  },
  { name: 'marketplace quota 1 with 1 website', instances: [product('marketplace')], websites: 1, rule: 'instance/service-number-quota', status: 'pass', args: { quota: 1 } },
  {
    name: 'marketplace quota 1 with 2 websites',
    instances: [product('marketplace')],
    websites: 2,
    rule: 'instance/service-number-quota',
    status: 'fail',
    key: 'over',
    args: { quota: 1 },
  },

  // NAT Gateway and IPv6 Translation: 1 month, 2 numbers.
  ...(['nat-gateway', 'ipv6-translation'] as const).flatMap((p): Case[] => [
    { name: `${p} with 1 month`, instances: [product(p, { expires: '2026-12-26' })], rule: 'instance/remaining-term', status: 'pass', args: { months: 1, min: 1 } },
    { name: `${p} with 29 days`, instances: [product(p, { expires: '2026-12-25' })], rule: 'instance/remaining-term', status: 'fail', key: 'short', args: { months: 0, min: 1 } },
    { name: `${p} quota 2 with 2 websites`, instances: [product(p)], websites: 2, rule: 'instance/service-number-quota', status: 'pass', args: { quota: 2 } },
    { name: `${p} quota 2 with 3 websites`, instances: [product(p)], websites: 3, rule: 'instance/service-number-quota', status: 'fail', key: 'over', args: { quota: 2 } },
  ]),

  // Declared running state and address.
  {
    name: 'declared stopped instance',
    instances: [ecs({ status: 'Stopped', publicIp: '47.106.1.1' })],
    rule: 'instance/running-with-public-ip',
    status: 'fail',
    key: 'not-running',
  },
  { name: 'declared running instance with an address', instances: [ecs({ status: 'Running', publicIp: '47.106.1.1' })], rule: 'instance/running-with-public-ip', status: 'pass' },
];

describe('instance eligibility per product', () => {
  test.each(cases)('$name', async (c) => {
    const websites = c.name.startsWith('elastic web hosting: 2 + 3')
      ? [...websitesOn(2, ['i-ewh1']), ...websitesOn(3, ['i-ewh2']).map((w, i) => ({ ...w, name: `其他网站${i}`, domains: [`other${i}.com`] }))]
      : (c.websites ?? 1);
    const findings = byRule(await run(c.instances, websites, c.date), c.rule);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.status).toBe(c.status);
    if (c.key) expect(f!.key).toBe(c.key);
    if (c.args) expect(f!.args).toMatchObject(c.args);
  });

  test('elastic web hosting: 3 + 3 websites on two instances exceed the account quota of 5', async () => {
    const websites = [...websitesOn(3, ['i-ewh1']), ...websitesOn(3, ['i-ewh2']).map((w, i) => ({ ...w, name: `其他网站${i}`, domains: [`other${i}.com`] }))];
    const findings = byRule(
      await run([product('elastic-web-hosting', { id: 'i-ewh1' }), product('elastic-web-hosting', { id: 'i-ewh2' })], websites),
      'instance/service-number-quota',
    );
    expect(findings).toMatchObject([{ status: 'fail', key: 'over', args: { websites: 6, quota: 5 } }]);
    expect(renderArg(findings[0]!.args!.scope, 'en')).toContain('i-ewh1, i-ewh2');
  });

  test('ECS instances have their own quota each (5 + 5 websites on two instances pass)', async () => {
    const websites = [...websitesOn(5, ['i-a']), ...websitesOn(5, ['i-b']).map((w, i) => ({ ...w, name: `其他网站${i}`, domains: [`other${i}.com`] }))];
    const findings = byRule(await run([ecs({ id: 'i-a' }), ecs({ id: 'i-b' })], websites), 'instance/service-number-quota');
    expect(findings.map((f) => f.status)).toEqual(['pass', 'pass']);
  });

  test('products without a subscription-only or bandwidth row are not asked for them', async () => {
    const findings = await run([product('web-hosting')], 1);
    expect(byRule(findings, 'instance/subscription-billing')).toHaveLength(0);
    expect(byRule(findings, 'instance/public-bandwidth')).toHaveLength(0);
  });

  test('every product is supported', async () => {
    const products = ['ecs', 'web-hosting', 'simple-application-server', 'elastic-web-hosting', 'marketplace', 'nat-gateway', 'ipv6-translation', 'ens'];
    const findings = await run(
      products.map((p) => product(p)),
      1,
    );
    expect(byRule(findings, 'instance/supported-product').map((f) => f.status)).toEqual(products.map(() => 'pass'));
  });
});

describe('whole calendar months', () => {
  test.each([
    ['2026-11-26', '2027-02-26', 3],
    ['2026-11-26', '2027-02-25', 2],
    ['2026-11-30', '2027-02-28', 3],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-02-27', 0],
    ['2026-11-26', '2026-11-26', 0],
    ['2026-11-26', '2026-11-25', -1],
    ['2024-02-29', '2025-02-28', 12],
  ])('%s to %s is %i', (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });
});
